import { Button } from "./Button";

/** Show the control under a paged list that fetches the next page. */
export function LoadMore({
  hasNextPage,
  fetching,
  shown,
  total,
  onLoadMore,
}: {
  hasNextPage: boolean;
  fetching: boolean;
  shown: number;
  total: number;
  onLoadMore: () => void;
}) {
  return (
    <div className="button-row" style={{ alignItems: "center" }}>
      <span className="muted">
        Showing {shown.toLocaleString("en-IN")} of {total.toLocaleString("en-IN")}
      </span>
      {hasNextPage ? (
        <Button variant="secondary" busy={fetching} onClick={onLoadMore}>
          Show more
        </Button>
      ) : null}
    </div>
  );
}
