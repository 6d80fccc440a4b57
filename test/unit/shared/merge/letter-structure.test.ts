import { strFromU8, unzipSync } from "fflate";
import { mergeDocument, readTemplate, type MergeRecord } from "@shared/merge";
import { PNG, buildDocx, control, drawing, mergeField, p, t, type DocxSpec } from "./docx-builder";
import { compact, letters, part, text } from "./docx-text";
import { storyTextsBySection } from "./fixture-files";
import { inspectDocx } from "./ooxml-assertions";

const IMAGE_PART = {
  name: "word/media/image1.png",
  content: PNG,
  relType: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
  relId: "rIdImg",
};

const records = (n: number): MergeRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    values: { Name: `Contact ${i + 1}`, Phone: `+45 ${1000 + i}` },
  }));

const merge = (spec: DocxSpec, n = 3, options = {}) => {
  const docx = mergeDocument(readTemplate(buildDocx(spec)), records(n), options);
  const report = inspectDocx(docx);
  expect(report.problems).toEqual([]);
  return { docx, report, document: part(docx, "word/document.xml") };
};

describe("one document, a section per letter", () => {
  it("ends every letter with a next-page section break carrying the template's page setup", () => {
    const { report, document } = merge({
      body: p(t("Dear "), mergeField("Name")) + p(t("Regards")),
      section:
        '<w:type w:val="continuous"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1701" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/><w:titlePg/>',
    });
    expect(report.sections).toBe(3);
    expect(document.match(/<w:pgMar w:top="1701"/g)).toHaveLength(3);
    expect(document.match(/<w:titlePg\/>/g)).toHaveLength(3);
    expect(document.match(/<w:type w:val="nextPage"\/>/g)).toHaveLength(3);
    expect(document).not.toContain("continuous");
    // In the letter's last paragraph, not in an extra one: no blank line to push a page over.
    expect(letters(document)).toEqual([
      "Dear Contact 1\nRegards",
      "Dear Contact 2\nRegards",
      "Dear Contact 3\nRegards",
    ]);
  });

  it("numbers each letter's pages from 1, unless told not to", () => {
    expect(
      merge({ body: p(mergeField("Name")) }).document.match(/<w:pgNumType w:start="1"\/>/g),
    ).toHaveLength(3);
    expect(
      merge({ body: p(mergeField("Name")) }, 3, { restartPageNumbering: false }).document,
    ).not.toContain("pgNumType");
  });

  it("adds a paragraph for the break when the body ends in a table, and handles a body without section properties", () => {
    const table = `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>${p(mergeField("Name"))}</w:tc></w:tr></w:tbl>`;
    expect(letters(merge({ body: table }).document).map(compact)).toEqual([
      "Contact 1",
      "Contact 2",
      "Contact 3",
    ]);
    const { report } = merge({ body: p(mergeField("Name")), noSection: true });
    expect(report.sections).toBe(2);
  });

  it("keeps a multi-section template's sections per letter; the first one of each letter starts a new page", () => {
    const body =
      p(mergeField("Name")) +
      `<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr>${t("page one")}</w:p>` +
      p(t("landscape"));
    const { report, document } = merge(
      {
        body,
        section:
          '<w:type w:val="continuous"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      },
      2,
    );
    expect(report.sections).toBe(4);
    expect(document.match(/w:orient="landscape"/g)).toHaveLength(2);
    expect(document.match(/<w:type w:val="nextPage"\/>/g)).toHaveLength(2);
    expect(document.match(/<w:type w:val="continuous"\/>/g)).toHaveLength(2);
  });

  it("gives N identical copies of a template without fields", () => {
    const { document } = merge({ body: p(t("Same for all")) + p(t("Second line")) }, 4);
    expect(letters(document)).toEqual(Array(4).fill("Same for all\nSecond line"));
  });
});

describe("unique ids per letter", () => {
  it("renumbers drawings (wp:docPr) and keeps their image relationship", () => {
    const { document, docx } = merge({
      body: p(drawing(1), mergeField("Name")) + p(drawing(2)),
      stories: [
        {
          kind: "header",
          content: p(drawing(3, "rIdHdr"), mergeField("Name")),
          rels: [["rIdHdr", IMAGE_PART.relType, "media/image1.png"]],
        },
      ],
      extraParts: [IMAGE_PART],
    });
    const ids = [...document.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(ids.slice(0, 2)).toEqual([1, 2]);
    expect(ids).not.toContain(3);
    expect(document.match(/r:embed="rIdImg"/g)).toHaveLength(6);
    // The header (it holds a field) is copied per letter with its own relationships and new drawing ids.
    expect(part(docx, "word/_rels/header1-m2.xml.rels")).toContain("media/image1.png");
    const headerIds = ["word/header1.xml", "word/header1-m2.xml", "word/header1-m3.xml"].map(
      (name) => /<wp:docPr id="(\d+)"/.exec(part(docx, name))?.[1],
    );
    expect(new Set([...headerIds, ...ids.map(String)]).size).toBe(9);
  });

  it("renames bookmarks per letter, drops Word's _GoBack after the first, and keeps hyperlinks to them", () => {
    const body =
      p(
        '<w:bookmarkStart w:id="0" w:name="Intro"/>',
        mergeField("Name"),
        '<w:bookmarkEnd w:id="0"/>',
      ) +
      p('<w:bookmarkStart w:id="1" w:name="_GoBack"/><w:bookmarkEnd w:id="1"/>') +
      p(`<w:hyperlink w:anchor="Intro">${t("back to the top")}</w:hyperlink>`) +
      p(
        '<w:bookmarkStart w:id="2" w:name="AVeryLongBookmarkNameThatFillsFortyChar"/>',
        t("x"),
        '<w:bookmarkEnd w:id="2"/>',
      );
    const { document } = merge({ body });
    const names = [...document.matchAll(/w:name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      "Intro",
      "_GoBack",
      "AVeryLongBookmarkNameThatFillsFortyChar",
      "Intro_2",
      "AVeryLongBookmarkNameThatFillsFortyCha_2",
      "Intro_3",
      "AVeryLongBookmarkNameThatFillsFortyCha_3",
    ]);
    expect([...document.matchAll(/w:anchor="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "Intro",
      "Intro_2",
      "Intro_3",
    ]);
  });

  it("restarts numbered lists in every letter, through direct numbering and numbered styles", () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>';
    const styles =
      '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const item = (text: string, num: number) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${num}"/></w:numPr></w:pPr>${t(text)}</w:p>`;
    const styled = `<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr>${t("styled")}</w:p>`;
    const { docx, document } = merge({
      body: item("one", 1) + item("two", 1) + item("five", 2) + styled,
      numbering,
      styles,
    });
    const numbers = part(docx, "word/numbering.xml");
    // Letters 2 and 3 each get their own w:num for numIds 1 and 2 (4 new), with start overrides.
    expect(numbers.match(/<w:num /g)).toHaveLength(6);
    expect(numbers).toContain(
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride><w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>',
    );
    expect(numbers).toContain(
      '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>',
    );
    const used = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // Letter 1: 1, 1, 2 (the styled paragraph keeps its style's list); letters 2 and 3: fresh ones,
    // the styled paragraph with an explicit w:numPr of its letter's list.
    expect(used).toEqual([1, 1, 2, 3, 3, 4, 3, 5, 5, 6, 5]);
  });

  it("copies footnotes per letter with that letter's values and fresh ids", () => {
    const { docx, document } = merge({
      body: p(
        t("Call"),
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
        mergeField("Name"),
      ),
      footnotes: `<w:footnote w:id="1">${p("<w:r><w:footnoteRef/></w:r>", t(" Phone: "), mergeField("Phone"))}</w:footnote>`,
    });
    expect(
      [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]),
    ).toEqual(["1", "2", "3"]);
    const notes = part(docx, "word/footnotes.xml");
    expect(
      text(notes)
        .split("\n")
        .filter((l) => l.includes("Phone")),
    ).toEqual([" Phone: +45 1000", " Phone: +45 1001", " Phone: +45 1002"]);
  });

  it("copies headers and footers that hold fields per letter, shares the others", () => {
    const { docx } = merge({
      body: p(mergeField("Name")),
      stories: [
        { kind: "header", content: p(t("To: "), mergeField("Name")) },
        { kind: "header", type: "first", content: p(t("First page of "), control("Name")) },
        { kind: "footer", content: p(t("Company footer")) },
      ],
      section: "<w:titlePg/>",
    });
    expect(storyTextsBySection(docx, "header")).toEqual([
      "To: Contact 1",
      "To: Contact 2",
      "To: Contact 3",
    ]);
    expect(storyTextsBySection(docx, "header", "first")).toEqual([
      "First page of Contact 1",
      "First page of Contact 2",
      "First page of Contact 3",
    ]);
    expect(storyTextsBySection(docx, "footer")).toEqual([
      "Company footer",
      "Company footer",
      "Company footer",
    ]);
    const rels = part(docx, "word/_rels/document.xml.rels");
    expect(rels.match(/relationships\/header"/g)).toHaveLength(6);
    expect(rels.match(/relationships\/footer"/g)).toHaveLength(1);
  });

  it("drops paragraph ids (w14:paraId) from copies, keeps them in the first letter", () => {
    const { document } = merge({
      body: '<w:p w14:paraId="1A2B3C4D" w14:textId="77777777">' + mergeField("Name") + "</w:p>",
    });
    expect(document.match(/w14:paraId/g)).toHaveLength(1);
  });
});

describe("what the merged package leaves out", () => {
  it("removes comments with their anchors and parts", () => {
    const { docx, document } = merge({
      body: p(
        '<w:commentRangeStart w:id="0"/>',
        mergeField("Name"),
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
      ),
      comments: `<w:comment w:id="0" w:author="Reviewer">${p(t("check the name"))}</w:comment>`,
    });
    expect(document).not.toContain("comment");
    expect(() => part(docx, "word/comments.xml")).toThrow();
    expect(part(docx, "[Content_Types].xml")).not.toContain("comments");
    expect(part(docx, "word/_rels/document.xml.rels")).not.toContain("comments");
  });

  it("removes w:mailMerge from the settings and the data source relationships", () => {
    const settingsRels =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource" Target="file:///C:\\data.xlsx" TargetMode="External"/></Relationships>';
    const { docx } = merge({
      body: p(mergeField("Name")),
      settings:
        '<w:zoom w:percent="100"/><w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="spreadsheet"/><w:dataSource r:id="rId1"/></w:mailMerge><w:defaultTabStop w:val="720"/>',
      settingsRels,
    });
    const settings = part(docx, "word/settings.xml");
    expect(settings).not.toContain("mailMerge");
    expect(settings).toContain('<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>');
    expect(part(docx, "word/_rels/settings.xml.rels")).not.toContain("mailMergeSource");
  });

  it("turns a .dotx template into a .docx document", () => {
    const { docx } = merge({
      body: p(mergeField("Name")),
      mainContentType:
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    });
    expect(part(docx, "[Content_Types].xml")).toContain(
      'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
    );
  });

  it("keeps every other part byte for byte", () => {
    const spec: DocxSpec = {
      body: p(mergeField("Name")),
      extraParts: [IMAGE_PART],
      styles: '<w:style w:type="paragraph" w:styleId="X"><w:name w:val="X"/></w:style>',
    };
    const { docx } = merge(spec);
    expect(part(docx, "word/styles.xml")).toBe(
      strFromU8(unzipSync(buildDocx(spec))["word/styles.xml"] as Uint8Array),
    );
  });
});
