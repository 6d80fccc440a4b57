import { escapeXmlText, stripNonXmlCharacters } from "../xml/xml-escape";
import type { LabelLayout, Track } from "./label-layout";
import { DOCUMENT_END, DOCUMENT_START } from "./label-package";

/** One label's text, a line each: what the address block (or any layout) made of a contact. */
export type LabelLines = readonly string[];

/** Text keeps clear of the label's die-cut edge: Word's own label cells indent about as much. */
const CELL_MARGIN = 113;

const cellWidth = (size: number) => `<w:tcW w:w="${size}" w:type="dxa"/>`;

const labelParagraphs = (lines: LabelLines | undefined): string => {
  if (!lines || lines.length === 0) return "<w:p/>";
  let out = "";
  for (const line of lines) {
    const text = stripNonXmlCharacters(line).replace(/[\r\n\t]+/g, " ");
    out +=
      text === ""
        ? "<w:p/>"
        : `<w:p><w:r><w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r></w:p>`;
  }
  return out;
};

/** The paragraph a table must be followed by: 1 pt, exactly, so it fits below the last row. */
const sheetEnd = (sectPr: string) =>
  `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>${sectPr}</w:pPr></w:p>`;

/** Page size and margins of every sheet; each sheet is a section, so each starts a new page. */
const sectionProperties = (layout: LabelLayout) =>
  `<w:sectPr><w:pgSz w:w="${layout.pageWidth}" w:h="${layout.pageHeight}"${
    layout.pageWidth > layout.pageHeight ? ' w:orient="landscape"' : ""
  }/><w:pgMar w:top="${layout.top}" w:right="${layout.right}" w:bottom="0" w:left="${layout.left}" w:header="0" w:footer="0" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>`;

const tableStart = (layout: LabelLayout) =>
  `<w:tbl><w:tblPr><w:tblW w:w="${layout.tableWidth}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>${layout.columns
    .map((c) => `<w:gridCol w:w="${c.size}"/>`)
    .join("")}</w:tblGrid>`;

const rowStart = (row: Track) =>
  `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${row.size}" w:hRule="exact"/></w:trPr>`;

/** A gap between labels: no text, no inner margin (a 2.5 mm gap is narrower than two margins). */
const gapCell = (size: number, span: number) =>
  `<w:tc><w:tcPr>${cellWidth(size)}${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar></w:tcPr><w:p/></w:tc>`;

/** The cell starts a label's text: everything but the lines, computed once per sheet shape. */
const labelCellStart = (size: number) =>
  `<w:tc><w:tcPr>${cellWidth(size)}<w:vAlign w:val="center"/></w:tcPr>`;

/**
 * document.xml, a sheet at a time: one fixed-layout table per sheet (a row per label row, a
 * column per label column, gap rows and columns where the pitch exceeds the label), each
 * followed by the paragraph that ends its section. Only one sheet's text is ever built at once.
 */
export function* labelDocument(
  labels: readonly LabelLines[],
  layout: LabelLayout,
): Generator<string> {
  yield DOCUMENT_START;
  const sectPr = sectionProperties(layout);
  const head = tableStart(layout);
  const gapRows = new Map<number, string>();
  const cellStarts = layout.columns.map((c) => (c.label ? labelCellStart(c.size) : ""));
  const sheets = Math.ceil(labels.length / layout.perSheet);
  let next = 0;
  for (let sheet = 0; sheet < sheets; sheet++) {
    let xml = head;
    for (const row of layout.rows) {
      if (!row.label) {
        let gap = gapRows.get(row.size);
        if (gap === undefined) {
          gap = `${rowStart(row)}${gapCell(layout.tableWidth, layout.columns.length)}</w:tr>`;
          gapRows.set(row.size, gap);
        }
        xml += gap;
        continue;
      }
      xml += rowStart(row);
      layout.columns.forEach((column, c) => {
        if (!column.label) {
          xml += gapCell(column.size, 1);
          return;
        }
        xml += `${cellStarts[c] as string}${labelParagraphs(labels[next])}</w:tc>`;
        next++;
      });
      xml += "</w:tr>";
    }
    xml += "</w:tbl>";
    // The last sheet's section is the body's: its paragraph carries no break of its own.
    xml += sheet < sheets - 1 ? sheetEnd(sectPr) : `${sheetEnd("")}${sectPr}`;
    yield xml;
  }
  yield DOCUMENT_END;
}
