import { readFileSync } from "fs";
import { join } from "path";
import { SaxesParser } from "saxes";
import { text, unzipParts } from "./docx-text";

const ROOT = join(__dirname, "../../../fixtures");

/** A template from test/fixtures/word-templates (Word-authored, docx-mailmerge's test suite). */
export const wordTemplate = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, "word-templates", `${name}.docx`)));

/** A file of our own under test/fixtures/merge. */
export const mergeFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, "merge", name)));

/**
 * For each section of the merged document, in order, the text of the header (or footer) of the
 * given type it references: what each letter shows at the top of its pages.
 */
export const storyTextsBySection = (
  docx: Uint8Array,
  kind: "header" | "footer",
  type = "default",
): string[] => {
  const parts = unzipParts(docx);
  const targets = new Map<string, string>();
  const rels = new SaxesParser();
  rels.on("opentag", (node) => {
    if (node.name === "Relationship")
      targets.set(String(node.attributes.Id), String(node.attributes.Target));
  });
  rels.write(parts.get("word/_rels/document.xml.rels") ?? "").close();
  const out: string[] = [];
  const document = new SaxesParser();
  document.on("opentag", (node) => {
    if (node.name !== `w:${kind}Reference` || node.attributes["w:type"] !== type) return;
    const target = targets.get(String(node.attributes["r:id"]));
    out.push(text(parts.get(`word/${target ?? ""}`) ?? ""));
  });
  document.write(parts.get("word/document.xml") ?? "").close();
  return out;
};
