export { renderWithHost } from "../render-pane";

/**
 * Binary answers (a template's .docx, a merge result) around the contract-checking fake API,
 * which speaks JSON: the endpoints named here answer with a Blob; the request's body (a Blob
 * upload) is kept for the test.
 */
export const withFiles = (
  fetch: typeof globalThis.fetch,
  files: Record<string, () => Blob>,
  uploads: { url: string; body: unknown; headers: Record<string, string> }[] = [],
): typeof globalThis.fetch =>
  (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (init?.body instanceof Blob) {
      uploads.push({
        url,
        body: init.body,
        headers: { ...(init.headers as Record<string, string>) },
      });
    }
    const path = new URL(url).pathname.replace(/^\/api/, "");
    const file = files[path];
    if (file) {
      const blob = file();
      return {
        ok: true,
        status: 200,
        headers: {
          get: (name: string) => (name.toLowerCase() === "content-type" ? blob.type : null),
        },
        blob: async () => blob,
      } as unknown as Response;
    }
    return fetch(input, init);
  }) as typeof globalThis.fetch;
