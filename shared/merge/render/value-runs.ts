import { escapeXmlText, stripNonXmlCharacters } from "../xml/xml-escape";

const SPECIAL = /[\r\n\t]/;

/**
 * A field result as runs with the field's formatting: line breaks become w:br and tabs w:tab
 * within the run, as Word writes a multi-line address.
 */
export const valueRuns = (text: string, rPr: string): string => {
  if (text === "") return "";
  const clean = stripNonXmlCharacters(text);
  if (!SPECIAL.test(clean))
    return `<w:r>${rPr}<w:t xml:space="preserve">${escapeXmlText(clean)}</w:t></w:r>`;
  const inner = clean
    .split(/(\r\n|\r|\n|\t)/)
    .map((piece) =>
      piece === "\t"
        ? "<w:tab/>"
        : piece === "\n" || piece === "\r" || piece === "\r\n"
          ? "<w:br/>"
          : piece === ""
            ? ""
            : `<w:t xml:space="preserve">${escapeXmlText(piece)}</w:t>`,
    )
    .join("");
  return `<w:r>${rPr}${inner}</w:r>`;
};

/** A value that lands inside another field's code (HYPERLINK "mailto:{ MERGEFIELD Email }"). */
export const codeRuns = (text: string, rPr: string): string => {
  if (text === "") return "";
  const clean = stripNonXmlCharacters(text)
    .replace(/[\r\n\t]+/g, " ")
    .replace(/(["\\])/g, "\\$1");
  return `<w:r>${rPr}<w:instrText xml:space="preserve">${escapeXmlText(clean)}</w:instrText></w:r>`;
};
