const escapes: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** Plain text as HTML paragraphs: blank lines part paragraphs, single newlines break lines. */
export const textAsHtml = (text: string): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");

/** A whole HTML document around a body, in the message's language. */
export const htmlDocument = (body: string, language: string | undefined, title: string): string =>
  `<!DOCTYPE html>\n<html${language ? ` lang="${escapeHtml(language)}"` : ""}><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${body}\n</body></html>`;
