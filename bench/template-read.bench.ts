/**
 * Reading a template: 80,000 paragraphs against 20,000, side by side in one run. Linear work
 * makes the ratio 4; the quadratic scan this engine once had (a search from each paragraph to
 * the end of the document) made it about 16. The paragraphs hold a numbered line of text and
 * no w14:paraId, as Word 2007 and most generators write them: the shape that was quadratic.
 */
import { strToU8, zipSync } from "fflate";
import { readTemplate } from "@shared/merge";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const letter = (paragraphs: number): Uint8Array => {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++)
    body.push(`<w:p><w:r><w:t xml:space="preserve">Line ${i} of the letter.</w:t></w:r></w:p>`);
  return zipSync({
    "[Content_Types].xml": strToU8(
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(
      `${DECLARATION}<w:document ${NS}><w:body>${body.join("")}<w:sectPr/></w:body></w:document>`,
    ),
  });
};

export const benchTemplateRead = async (): Promise<BenchRow[]> => {
  const small = letter(20_000);
  const large = letter(80_000);
  // Warm up (JIT) on both before anything is timed.
  readTemplate(small);
  readTemplate(large);
  const { ours, peer } = await sideBySide(
    7,
    async () => readTemplate(large),
    async () => readTemplate(small),
  );
  return [
    {
      name: "read a template of 80,000 paragraphs against one of 20,000",
      ours,
      peer,
      peerName: "the same letter, 20,000 paragraphs",
      unit: "ms",
      ratio: ours / peer,
      target: "<= 5x (linear is 4x)",
      note: `${(large.length / 1024).toFixed(0)} KB and ${(small.length / 1024).toFixed(0)} KB .docx`,
    },
  ];
};
