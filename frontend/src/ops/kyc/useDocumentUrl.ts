import { useEffect, useState } from "react";

type DocumentUrl =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "ready"; url: string };

/**
 * Fetch a document with the session cookie and return an object URL for it.
 * The server sends documents as attachments, which a frame would download
 * instead of show; an object URL of the same bytes displays in place.
 */
export function useDocumentUrl(path: string): DocumentUrl {
  const [loaded, setLoaded] = useState<{ path: string; result: DocumentUrl } | null>(
    null,
  );

  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    const setResult = (result: DocumentUrl) => setLoaded({ path, result });
    fetch(path, { credentials: "same-origin" })
      .then(async (response) => {
        if (!response.ok) {
          throw new Error(
            `The document could not be loaded (status ${response.status}).`,
          );
        }
        const blob = await response.blob();
        if (!cancelled) {
          url = URL.createObjectURL(blob);
          setResult({ state: "ready", url });
        }
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          const message =
            error instanceof Error
              ? error.message
              : "The document could not be loaded.";
          setResult({ state: "failed", message });
        }
      });
    return () => {
      cancelled = true;
      if (url) {
        URL.revokeObjectURL(url);
      }
    };
  }, [path]);

  return loaded?.path === path ? loaded.result : { state: "loading" };
}
