import { useCallback, useMemo, useState } from "react";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useClient, useQuery } from "urql";
import type { AnyVariables, CombinedError } from "urql";

export const PAGE_SIZE = 25;

export interface Connection<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: readonly Node[];
}

export interface PagedResult<Node> {
  nodes: Node[] | null;
  totalCount: number;
  hasNextPage: boolean;
  fetching: boolean;
  error?: CombinedError;
  loadMore: () => void;
  refresh: () => void;
}

/**
 * Read a Relay connection page by page. The first page comes from
 * `useQuery`; "Show more" appends the next page after the last cursor. The
 * extra pages are kept under the variables they were read with, so a change
 * of `variables` starts again from the first page.
 *
 * `invalidatedBy` names the types whose mutations make the list stale, such
 * as "Repayment" for a list of loans: urql's document cache then drops the
 * cached first page when a mutation returns one, even when the list itself
 * contains no row of that type. A screen that runs the mutation still calls
 * `refresh`, which also drops the pages read with "Show more".
 */
export function usePagedQuery<Data, Variables extends AnyVariables, Node>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, "first" | "after">,
  select: (data: Data) => Connection<Node>,
  invalidatedBy: readonly string[] = [],
): PagedResult<Node> {
  const client = useClient();
  const key = JSON.stringify(variables);
  const firstPage = { ...variables, first: PAGE_SIZE } as unknown as Variables;
  const typenames = invalidatedBy.join(",");
  const context = useMemo(
    () => ({ additionalTypenames: typenames ? typenames.split(",") : [] }),
    [typenames],
  );
  const [result, reexecute] = useQuery({ query, variables: firstPage, context });
  const [more, setMore] = useState<{ key: string; pages: Connection<Node>[] }>({
    key,
    pages: [],
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<{ key: string; error?: CombinedError }>({
    key,
  });

  const pages = [
    ...(result.data ? [select(result.data)] : []),
    ...(more.key === key ? more.pages : []),
  ];
  const last = pages[pages.length - 1];

  const loadMore = useCallback(async () => {
    if (!last?.pageInfo.endCursor) {
      return;
    }
    setLoadingMore(true);
    const next = { ...variables, first: PAGE_SIZE, after: last.pageInfo.endCursor };
    const response = await client
      .query(query, next as unknown as Variables, { requestPolicy: "network-only" })
      .toPromise();
    setLoadingMore(false);
    if (response.error || !response.data) {
      setMoreError({ key, error: response.error });
      return;
    }
    const page = select(response.data);
    setMore((current) => ({ key, pages: [...current.pages, page] }));
    // `key` is `variables` as JSON, and `select` only picks a field of the data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, query, key, last?.pageInfo.endCursor]);

  const refresh = useCallback(() => {
    setMore({ key, pages: [] });
    reexecute({ requestPolicy: "network-only" });
  }, [key, reexecute]);

  return {
    nodes: result.data ? pages.flatMap((page) => [...page.nodes]) : null,
    totalCount: pages[0]?.totalCount ?? 0,
    hasNextPage: last?.pageInfo.hasNextPage ?? false,
    fetching: result.fetching || loadingMore,
    error: result.error ?? (moreError.key === key ? moreError.error : undefined),
    loadMore: () => void loadMore(),
    refresh,
  };
}
