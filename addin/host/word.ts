/// <reference types="office-js" />
import type { PaneHost } from "./host";

/** The last path segment without its extension: "Q3 letter" from ".../Q3%20letter.docx". */
const fileNameOf = (url: string): string => {
  const last = url.split(/[\\/]/).pop() ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape is still a usable name as it stands.
  }
  return name.replace(/\.[^.]+$/, "");
};

/** The pane inside Word. Every Office.js call of the add-in lives in this file. */
export const createWordHost = (): PaneHost => ({
  kind: "word",
  displayLanguage: Office.context.displayLanguage || "en-US",
  documentTitle: async () => {
    // document.properties needs WordApi 1.3; the manifest only requires 1.1, so older Word
    // falls back to the file name, which the common API has everywhere.
    if (Office.context.requirements.isSetSupported("WordApi", "1.3")) {
      const title = await Word.run(async (context) => {
        const properties = context.document.properties.load("title");
        await context.sync();
        return properties.title;
      });
      if (title) return title;
    }
    return fileNameOf(Office.context.document.url ?? "");
  },
});
