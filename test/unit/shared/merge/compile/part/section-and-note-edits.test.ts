import { noteEntries } from "@shared/merge/compile/part/note-entries";
import { finalSectPrOf, sectionEdits } from "@shared/merge/compile/part/section-edits";
import { p, SEPARATORS, t } from "../../docx-builder";
import { documentXml, edited, editedBody, notesXml, scanned } from "../part-text";

describe("sectionEdits", () => {
  it("makes each section break in the body a slot, the first opening the letter, and keeps the final one aside", () => {
    const first = '<w:sectPr><w:type w:val="continuous"/></w:sectPr>';
    const second = '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>';
    const body = p(`<w:pPr>${first}</w:pPr>`) + p(`<w:pPr>${second}</w:pPr>`);
    const part = scanned(documentXml(body, "<w:sectPr><w:titlePg/></w:sectPr>"));
    const { edits, finalSection } = sectionEdits(part, finalSectPrOf(part));
    expect(editedBody(part.xml, edits)).toBe(
      p("<w:pPr>«section»</w:pPr>") + p("<w:pPr>«section»</w:pPr>"),
    );
    expect(edits.map((e) => e.nodes[0])).toMatchObject([
      { firstOfLetter: true },
      { firstOfLetter: false },
    ]);
    expect(finalSection).toMatchObject({ t: "section", firstOfLetter: false });
  });

  it("has no final section for a body without one", () => {
    const part = scanned(documentXml(p(t("a")), ""));
    expect(finalSectPrOf(part)).toBeUndefined();
    expect(sectionEdits(part, undefined)).toEqual({ edits: [], finalSection: undefined });
  });
});

describe("noteEntries", () => {
  it("lists the notes by id, keeps separators as they are, and makes the other notes' ids slots", () => {
    const note = `<w:footnote w:id="1">${p(t("See"))}</w:footnote>`;
    const xml = notesXml(SEPARATORS("footnote") + note + '<w:footnote w:id="x"/>');
    const part = scanned(xml, {}, "word/footnotes.xml");
    const { entries, edits, noteIds } = noteEntries(part);
    expect(entries.map((e) => [e.id, e.separator, xml.slice(e.start, e.end)])).toEqual([
      [
        -1,
        true,
        SEPARATORS("footnote").slice(0, SEPARATORS("footnote").indexOf("</w:footnote>") + 13),
      ],
      [0, true, SEPARATORS("footnote").slice(SEPARATORS("footnote").indexOf("</w:footnote>") + 13)],
      [1, false, note],
    ]);
    expect(noteIds).toEqual([-1, 0, 1]);
    expect(edited(xml, edits)).toContain('<w:footnote w:id="«noteId»">');
    expect(edits).toHaveLength(1);
  });
});
