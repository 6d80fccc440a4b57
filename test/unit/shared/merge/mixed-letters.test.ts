import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync } from "fflate";
import {
  estimateMixedDocumentSize,
  mergeDocument,
  mergeMixedDocument,
  readTemplate,
  type LetterOfTemplate,
  type Template,
} from "@shared/merge";
import { buildDocx, drawing, mergeField, p, PNG, t } from "./docx-builder";
import { text, unzipParts } from "./docx-text";

/**
 * One document holding letters of three templates in the order of the segment's lines: each
 * letter in its own section with its own header and footer, its own lists, its picture, and
 * the destination's styles winning by style id (Word's Insert > Text from File).
 */
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const list = (item: string): string =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${t(item)}</w:p>`;
const numbering = (nsid: string, format: string): string =>
  `<w:abstractNum w:abstractNumId="0"><w:nsid w:val="${nsid}"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
const heading = (color: string): string =>
  `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="${color}"/></w:rPr></w:style>`;
const headed = (title: string): string =>
  `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${t(title)}</w:p>`;

const letterA = buildDocx({
  body: headed("Letter A") + p(t("Dear "), mergeField("Name")) + list("A one") + list("A two"),
  stories: [
    { kind: "header", content: p(t("Header A")) },
    { kind: "footer", content: p(t("Footer A")) },
  ],
  styles: heading("FF0000"),
  numbering: numbering("1A2B3C4D", "decimal"),
});
const letterB = buildDocx({
  body:
    headed("Letter B") +
    `<w:p><w:pPr><w:pStyle w:val="OnlyB"/></w:pPr>${t("Kære ")}${mergeField("Name")}</w:p>` +
    p(drawing(1, "rIdImg")) +
    list("B one"),
  stories: [
    { kind: "header", content: p(t("Header B for "), mergeField("Name")) },
    { kind: "footer", content: p(t("Footer B")) },
  ],
  section:
    '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>',
  styles:
    heading("0000FF") +
    '<w:style w:type="paragraph" w:styleId="OnlyB"><w:name w:val="Only B"/><w:rPr><w:i/></w:rPr></w:style>',
  numbering: numbering("1A2B3C4D", "upperRoman"),
  extraParts: [
    { name: "word/media/image1.png", content: PNG, relType: `${REL}/image`, relId: "rIdImg" },
  ],
});
const letterC = buildDocx({
  body: headed("Letter C") + p(t("Hej "), mergeField("Name")) + list("C one"),
  stories: [{ kind: "header", content: p(t("Header C")) }],
  numbering: numbering("0F0F0F0F", "lowerLetter"),
});

const [a, b, c] = [letterA, letterB, letterC].map((bytes) => readTemplate(bytes)) as [
  Template,
  Template,
  Template,
];
const letters: LetterOfTemplate[] = [
  { template: a, record: { values: { Name: "Ann" } } },
  { template: b, record: { values: { Name: "Bo" } } },
  { template: c, record: { values: { Name: "Cy" } } },
  { template: b, record: { values: { Name: "Bea" } } },
  { template: a, record: { values: { Name: "Al" } } },
];

const merged = mergeMixedDocument(letters, { destination: a });
const parts = unzipParts(merged);
const documentXml = parts.get("word/document.xml") as string;
const rels = parts.get("word/_rels/document.xml.rels") as string;
const targetOf = (id: string): string =>
  new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
  new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1] ??
  "";

/** Each letter's body XML: paragraphs up to and including the one (or body end) closing its section. */
const sections = (): string[] => {
  const out: string[] = [];
  let current = "";
  for (const m of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:sectPr[\s\S]*?<\/w:sectPr>/g)) {
    current += m[0];
    if (m[0].includes("<w:sectPr")) {
      out.push(current);
      current = "";
    }
  }
  return out;
};

describe("one document with mixed letters", () => {
  it("writes each letter from its own template, in the order given", () => {
    const each = sections();
    expect(each).toHaveLength(5);
    const runsText = (xml: string): string =>
      [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(each.map(runsText)).toEqual([
      expect.stringContaining("Letter ADear AnnA oneA two"),
      expect.stringContaining("Letter BKære Bo"),
      expect.stringContaining("Letter CHej CyC one"),
      expect.stringContaining("Letter BKære Bea"),
      expect.stringContaining("Letter ADear AlA oneA two"),
    ]);
    // B's page size travels with B's letters.
    expect(each.map((s) => s.includes('w:w="12240"'))).toEqual([false, true, false, true, false]);
  });

  it("gives each letter its own template's header and footer", () => {
    const headerOf = (section: string, kind: "header" | "footer"): string => {
      const id = new RegExp(`<w:${kind}Reference [^>]*r:id="([^"]+)"`).exec(section)?.[1];
      if (!id) return "";
      return text(parts.get(`word/${targetOf(id)}`) ?? "");
    };
    const each = sections();
    expect(each.map((s) => headerOf(s, "header"))).toEqual([
      "Header A",
      "Header B for Bo",
      "Header C",
      "Header B for Bea",
      "Header A",
    ]);
    expect(each.map((s) => headerOf(s, "footer"))).toEqual([
      "Footer A",
      "Footer B",
      "",
      "Footer B",
      "Footer A",
    ]);
  });

  it("keeps the destination's style where both define it, and adds the one it lacks", () => {
    const styles = parts.get("word/styles.xml") as string;
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(styles).toContain('<w:color w:val="FF0000"/>');
    expect(styles).not.toContain('<w:color w:val="0000FF"/>');
    expect(styles).toContain('w:styleId="OnlyB"');
  });

  it("never joins one letter's list to another's", () => {
    const numIds = sections().map((s) => [
      ...new Set([...s.matchAll(/<w:numId w:val="(\d+)"/g)].map((m) => m[1])),
    ]);
    const all = numIds.flat();
    expect(numIds.every((ids) => ids.length === 1)).toBe(true);
    expect(new Set(all).size).toBe(5);
    const numberingXml = parts.get("word/numbering.xml") as string;
    const abstractOf = (numId: string): string =>
      new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"`).exec(
        numberingXml,
      )?.[1] ?? "missing";
    const abstracts = all.map((id) => abstractOf(id as string));
    expect(abstracts).not.toContain("missing");
    // A's letters share A's list definition; B and C have their own.
    expect(abstracts[0]).toBe(abstracts[4]);
    expect(abstracts[1]).toBe(abstracts[3]);
    expect(new Set(abstracts).size).toBe(3);
    expect(numberingXml).toContain('w:val="upperRoman"');
    expect(numberingXml).toContain('w:val="lowerLetter"');
    // Word joins lists sharing an nsid: A's and B's had the same one.
    const nsids = [...numberingXml.matchAll(/<w:nsid w:val="([0-9A-F]+)"/g)].map((m) => m[1]);
    expect(new Set(nsids).size).toBe(3);
  });

  it("copies a picture once per template, not per letter, and each drawing finds it", () => {
    const files = Object.keys(unzipSync(merged));
    expect(files.filter((f) => f.startsWith("word/media/"))).toEqual([
      expect.stringMatching(/^word\/media\/image1-t\d\.png$/),
    ]);
    const embeds = [...documentXml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1] as string);
    expect(embeds).toHaveLength(2);
    for (const id of embeds) expect(targetOf(id)).toMatch(/^media\/image1-t\d\.png$/);
    const docPrIds = [...documentXml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(docPrIds).size).toBe(docPrIds.length);
  });

  it("passes the OOXML validator", () => {
    const dir = mkdtempSync(join(tmpdir(), "mixed-"));
    try {
      const file = join(dir, "mixed.docx");
      writeFileSync(file, merged);
      expect(() =>
        execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], { stdio: "pipe" }),
      ).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens in LibreOffice with a page per letter and each letter's header", () => {
    const dir = mkdtempSync(join(tmpdir(), "mixed-lo-"));
    try {
      const file = join(dir, "mixed.docx");
      writeFileSync(file, merged);
      const run = (format: string) =>
        execFileSync(
          "soffice",
          [
            `-env:UserInstallation=file://${join(dir, "profile")}`,
            "--headless",
            "--convert-to",
            format,
            "--outdir",
            dir,
            file,
          ],
          { stdio: "pipe", timeout: 120_000 },
        );
      run("pdf");
      const pdf = readFileSync(join(dir, "mixed.pdf")).toString("latin1");
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(5);
      run("fodt");
      const fodt = readFileSync(join(dir, "mixed.fodt"), "utf8");
      for (const header of ["Header A", "Header B for Bo", "Header B for Bea", "Header C"])
        expect(fodt).toContain(header);
      for (const body of ["Dear Ann", "Kære Bo", "Hej Cy", "Kære Bea", "Dear Al"])
        expect(fodt).toContain(body);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is mergeDocument's very output when every letter has one template", () => {
    const records = [{ values: { Name: "Ann" } }, { values: { Name: "Bo" } }];
    expect(mergeMixedDocument(records.map((record) => ({ template: a, record })))).toEqual(
      mergeDocument(a, records),
    );
  });

  it("estimates the size from each template's letters", () => {
    expect(estimateMixedDocumentSize(letters)).toBeGreaterThan(0);
    expect(() => mergeMixedDocument(letters, { limits: { maxDocumentBytes: 1000 } })).toThrow(
      expect.objectContaining({ code: "output_too_large" }),
    );
  });
});
