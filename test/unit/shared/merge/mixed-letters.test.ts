import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync, zipSync as zipSyncOf } from "fflate";
import {
  estimateMixedDocumentSize,
  mergeDocument,
  mergeMixedDocument,
  mergeMixedDocumentFlatOpc,
  readTemplate,
  type LetterOfTemplate,
  type Template,
} from "@shared/merge";
import { buildDocx, drawing, mergeField, p, PNG, t } from "./docx-builder";
import { text, unzipParts } from "./docx-text";
import { storyTextsBySection, wordTemplate } from "./fixture-files";
import { inspectDocx } from "./ooxml-assertions";
import { convertWithLibreOffice, printedPageCount } from "./libreoffice-convert";

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
    {
      kind: "header",
      content: p(t("Header B for "), mergeField("Name"), drawing(7, "rIdLogo")),
      rels: [["rIdLogo", `${REL}/image`, "media/image1.png"]],
    },
    { kind: "footer", content: p(t("Footer B")) },
  ],
  section:
    '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>',
  styles:
    heading("0000FF") +
    '<w:style w:type="paragraph" w:styleId="OnlyB"><w:name w:val="Only B"/><w:rPr><w:i/></w:rPr></w:style>' +
    // A localized Word names its default style otherwise; the destination's stays the default.
    '<w:style w:type="character" w:default="1" w:styleId="Standardskrifttypeiafsnit"><w:name w:val="Default Paragraph Font"/></w:style>',
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

/** The ECMA-376 schemas and the package rules (../shared/schemas/ooxml/validate-docx). */
const expectValid = (docx: Uint8Array): void => {
  const dir = mkdtempSync(join(tmpdir(), "mixed-"));
  try {
    const file = join(dir, "mixed.docx");
    writeFileSync(file, docx);
    expect(() =>
      execFileSync("/work/shared/schemas/ooxml/validate-docx", [file], { stdio: "pipe" }),
    ).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    expect(styles).toContain('<w:style w:type="character" w:styleId="Standardskrifttypeiafsnit">');
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

  it("gives each copy of a header with fields its own relationships to the template's one picture", () => {
    const copies = [...parts.keys()].filter((k) => /^word\/_rels\/header\d+-t\d.*\.rels$/.test(k));
    expect(copies).toHaveLength(2);
    for (const rels of copies) expect(parts.get(rels)).toMatch(/Target="media\/image1-t\d\.png"/);
  });

  it("writes the same letters as flat OPC, which reads back", () => {
    const flat = mergeMixedDocumentFlatOpc(letters, { destination: a });
    expect(readTemplate(flat).fieldNames).toEqual([]);
    for (const greeting of ["Dear Ann", "Kære Bo", "Hej Cy", "Kære Bea", "Dear Al"])
      expect(flat.replace(/<[^>]+>/g, "")).toContain(greeting);
  });

  it("refuses a merge without letters", () => {
    expect(() => mergeMixedDocument([])).toThrow(expect.objectContaining({ code: "no_records" }));
  });

  it("passes the OOXML validator", () => {
    expectValid(merged);
    expect(inspectDocx(merged).problems).toEqual([]);
  });

  it("opens in LibreOffice with a page per letter and each letter's header", () => {
    const pdf = convertWithLibreOffice({ mixed: merged }, "pdf")["mixed"] as Buffer;
    expect(printedPageCount(pdf)).toBe(5);
    const fodt = (convertWithLibreOffice({ mixed: merged }, "fodt")["mixed"] as Buffer).toString(
      "utf8",
    );
    for (const header of ["Header A", "Header B for Bo", "Header B for Bea", "Header C"])
      expect(fodt).toContain(header);
    for (const body of ["Dear Ann", "Kære Bo", "Hej Cy", "Kære Bea", "Dear Al"])
      expect(fodt).toContain(body);
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

describe("notes, links and namespaces of the other templates", () => {
  const note = (id: number, body: string): string =>
    `<w:footnote w:id="${id}">${p(t(body))}</w:footnote>`;
  const ref = (id: number): string => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
  const link = (id: string): string => `<w:hyperlink r:id="${id}">${t("our site")}</w:hyperlink>`;
  const withNote = readTemplate(
    buildDocx({ body: p(t("A "), mergeField("Name"), ref(1)), footnotes: note(1, "A note") }),
  );
  const twoNotes = readTemplate(
    buildDocx({
      body: `<w:p>${t("B")}${ref(1)}${ref(2)}</w:p>`,
      footnotes: note(1, "B first") + note(2, "B second"),
    }),
  );
  // buildDocx has no external relationships: add one by hand to B's main relationships.
  const external = (() => {
    const files = unzipSync(
      buildDocx({ body: p(link("rIdLink"), t(" C"), ref(1)), footnotes: note(1, "C") }),
    );
    const name = "word/_rels/document.xml.rels";
    const rels = new TextDecoder().decode(files[name]);
    files[name] = new TextEncoder().encode(
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>`,
      ),
    );
    return readTemplate(zipSyncOf(files));
  })();
  const noNotes = readTemplate(buildDocx({ body: p(t("Plain "), mergeField("Name")) }));

  it("numbers every note of every letter uniquely, in the destination's notes part", () => {
    const docx = mergeMixedDocument([
      { template: withNote, record: { values: { Name: "1" } } },
      { template: external, record: { values: { Name: "2" } } },
      { template: withNote, record: { values: { Name: "3" } } },
      { template: external, record: { values: { Name: "4" } } },
    ]);
    const xml = unzipParts(docx);
    const refs = [
      ...(xml.get("word/document.xml") as string).matchAll(/<w:footnoteReference w:id="(\d+)"/g),
    ].map((m) => m[1]);
    expect(refs).toHaveLength(4);
    expect(new Set(refs).size).toBe(4);
    const notes = xml.get("word/footnotes.xml") as string;
    for (const id of refs) expect(notes).toContain(`<w:footnote w:id="${id}">`);
    expect(text(notes).split("\n").filter(Boolean).sort()).toEqual(["A note", "A note", "C", "C"]);
    const link = /r:id="([^"]+)"/.exec(
      (xml.get("word/document.xml") as string).slice(
        (xml.get("word/document.xml") as string).indexOf("<w:hyperlink"),
      ),
    )?.[1];
    expect(xml.get("word/_rels/document.xml.rels")).toMatch(
      new RegExp(`Id="${link}"[^>]*Target="https://example.com/" TargetMode="External"`),
    );
    expect(inspectDocx(docx).problems).toEqual([]);
    expectValid(docx);
  });

  it("adds a notes part when only another template has one", () => {
    const docx = mergeMixedDocument(
      [
        { template: noNotes, record: { values: { Name: "1" } } },
        { template: twoNotes, record: { values: { Name: "2" } } },
      ],
      { destination: noNotes },
    );
    const xml = unzipParts(docx);
    const notesPart = [...xml.keys()].find((k) => /^word\/footnotes.*\.xml$/.test(k)) as string;
    expect(
      text(xml.get(notesPart) as string)
        .split("\n")
        .filter(Boolean),
    ).toEqual(["B first", "B second"]);
    expect(xml.get("word/_rels/document.xml.rels")).toContain("relationships/footnotes");
    expect(inspectDocx(docx).problems).toEqual([]);
    expectValid(docx);
  });

  it("declares on the root the namespaces another template's body uses", () => {
    // A destination declaring only w and r, as a hand-written or older letter may.
    const files = unzipSync(buildDocx({ body: p(t("Bare"), mergeField("Name")) }));
    const doc = new TextDecoder().decode(files["word/document.xml"]);
    files["word/document.xml"] = new TextEncoder().encode(
      doc.replace(
        /<w:document [^>]*>/,
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}">`,
      ),
    );
    const bare = readTemplate(zipSyncOf(files));
    const docx = mergeMixedDocument([
      { template: bare, record: { values: { Name: "1" } } },
      { template: b, record: { values: { Name: "2" } } },
    ]);
    const root = /<w:document [^>]*>/.exec(
      unzipParts(docx).get("word/document.xml") as string,
    )?.[0];
    expect(root).toContain(
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
    );
    expect(root).toContain('mc:Ignorable="w14"');
    expect(inspectDocx(docx).problems).toEqual([]);
    expectValid(docx);
  });
});

describe("Word-authored letters mixed in one document", () => {
  const names = [
    "test_winword2010",
    "test_macword2011",
    "test_footer",
    "test_merge_table_multipart",
    "test_merge_templates_simple",
  ];
  const templates = names.map((name) => readTemplate(wordTemplate(name)));
  const values = {
    Voornaam: "Jan",
    first_name: "Mary",
    footer: "for Mary",
    student_name: "Sam",
    fieldname: "Simple",
  };
  const docx = mergeMixedDocument(
    [...templates, ...templates.slice().reverse()].map((template) => ({
      template,
      record: { values },
    })),
  );

  it("keeps each letter's own text and its own header fields", () => {
    const documentXml = unzipParts(docx).get("word/document.xml") as string;
    const at = ["Jan", "Mary", "Sam", "Simple"].map((v) => documentXml.indexOf(v));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(storyTextsBySection(docx, "header").filter((h) => h === "Footer for Mary")).toHaveLength(
      2,
    );
  });

  it("passes the OOXML validator", () => {
    expect(inspectDocx(docx).problems).toEqual([]);
    expectValid(docx);
  });
});
