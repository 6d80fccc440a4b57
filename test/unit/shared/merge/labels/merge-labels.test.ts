import {
  LABEL_PRESETS,
  LabelGridError,
  MergeError,
  labelGridIssues,
  mergeLabels,
  type LabelGrid,
  type LabelPresetId,
} from "@shared/merge";
import { part } from "../docx-text";
import { printedPages, sheetsOf, validateDocx } from "./label-sheets";

const contact = (i: number): string[] => [
  `Contact ${i + 1}`,
  "Nord & Syd A/S",
  `Vestergade ${i + 1}`,
  "8000 Aarhus C",
];
const labels = (n: number) => Array.from({ length: n }, (_, i) => contact(i));

/** A custom grid without gaps: A5 landscape, 4 × 3 labels of 50 × 45 mm. */
const CUSTOM: LabelGrid = {
  pageWidth: 210,
  pageHeight: 148,
  topMargin: 6.5,
  sideMargin: 5,
  columns: 4,
  rows: 3,
  labelWidth: 50,
  labelHeight: 45,
  horizontalPitch: 50,
  verticalPitch: 45,
};

const SHEETS: [string, LabelGrid][] = [
  ...(Object.entries(LABEL_PRESETS) as [LabelPresetId, LabelGrid][]),
  ["custom", CUSTOM],
];

describe("labels: one table per sheet, each label's text in order", () => {
  it.each(SHEETS)("%s: ceil(n / per sheet) tables, labels in order, blanks after", (_, grid) => {
    const perSheet = grid.columns * grid.rows;
    const n = 2 * perSheet + 1;
    const sheets = sheetsOf(mergeLabels(labels(n), grid));
    expect(sheets).toHaveLength(3);
    const all = sheets.flatMap((s) => s.labels);
    expect(all).toHaveLength(3 * perSheet);
    expect(all.slice(0, n)).toEqual(labels(n).map((lines) => lines.join("\n")));
    expect(all.slice(n).every((t) => t === "")).toBe(true);
  });

  it.each(SHEETS)("%s: exact row heights, columns from the pitch", (_, grid) => {
    const [sheet] = sheetsOf(mergeLabels(labels(1), grid));
    const gapColumns = grid.horizontalPitch > grid.labelWidth ? grid.columns - 1 : 0;
    const gapRows = grid.verticalPitch > grid.labelHeight ? grid.rows - 1 : 0;
    expect(sheet?.gridColumns).toHaveLength(grid.columns + gapColumns);
    expect(sheet?.rowHeights).toHaveLength(grid.rows + gapRows);
    expect(sheet?.rowHeights.every((r) => r.rule === "exact")).toBe(true);
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    // The grid's columns add up to the labels' span, within a twip of rounding.
    const span = twips((grid.columns - 1) * grid.horizontalPitch + grid.labelWidth);
    const width = (sheet?.gridColumns ?? []).reduce((a, b) => a + b, 0);
    expect(Math.abs(width - span)).toBeLessThanOrEqual(1);
    const height = (sheet?.rowHeights ?? []).reduce((a, r) => a + r.height, 0);
    expect(
      Math.abs(height - twips((grid.rows - 1) * grid.verticalPitch + grid.labelHeight)),
    ).toBeLessThanOrEqual(1);
  });

  it("puts the page size and margins in every sheet's section", () => {
    const xml = part(mergeLabels(labels(25), LABEL_PRESETS["a4-3x8"]), "word/document.xml");
    const sections = xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
      expect(section).toMatch(/<w:pgMar w:top="731" w:right="\d+" w:bottom="0" w:left="408"/);
    }
  });

  it("writes a contact's text as text: escaped, one line per line, nothing XML cannot hold", () => {
    const sheets = sheetsOf(
      mergeLabels([['<Nord> & "Syd"', "line\nbroken", "bell\u0007"]], LABEL_PRESETS["a4-2x7"]),
    );
    expect(sheets[0]?.labels[0]).toBe('<Nord> & "Syd"\nline broken\nbell');
  });

  it.each(SHEETS)("%s: passes validate-docx", (_, grid) => {
    expect(validateDocx(mergeLabels(labels(grid.columns * grid.rows + 2), grid))).toMatch(
      /^valid:/,
    );
  });

  it("refuses no labels", () => {
    expect(() => mergeLabels([], CUSTOM)).toThrow(MergeError);
  });
});

describe("labels: a grid that cannot be printed is refused, naming the field and the rule", () => {
  const cases: [string, Partial<LabelGrid>, string, string][] = [
    ["columns wider than the page", { columns: 5 }, "columns", "does_not_fit_page_width"],
    ["a side margin past the edge", { sideMargin: 20 }, "columns", "does_not_fit_page_width"],
    ["rows taller than the page", { rows: 4 }, "rows", "does_not_fit_page_height"],
    ["no room for the sheet's end", { topMargin: 13 }, "rows", "does_not_fit_page_height"],
    ["a pitch below the label", { horizontalPitch: 40 }, "horizontalPitch", "pitch_below_label"],
    [
      "a vertical pitch below the label",
      { verticalPitch: 30 },
      "verticalPitch",
      "pitch_below_label",
    ],
    ["zero columns", { columns: 0 }, "columns", "not_a_count"],
    ["half a row", { rows: 2.5 }, "rows", "not_a_count"],
    ["a negative margin", { topMargin: -1 }, "topMargin", "negative"],
    ["a zero label", { labelWidth: 0 }, "labelWidth", "too_small"],
    ["an absurd page", { pageHeight: 1e9 }, "pageHeight", "too_large"],
    ["not a number", { labelHeight: Number.NaN }, "labelHeight", "not_a_number"],
    [
      "too many labels on one sheet",
      {
        pageWidth: 558,
        pageHeight: 558,
        columns: 21,
        rows: 21,
        labelWidth: 5,
        labelHeight: 5,
        horizontalPitch: 5,
        verticalPitch: 5,
        sideMargin: 0,
        topMargin: 0,
      },
      "rows",
      "too_many_labels",
    ],
  ];

  it.each(cases)("%s", (_, change, field, rule) => {
    const grid = { ...CUSTOM, ...change };
    expect(labelGridIssues(grid)).toContainEqual(expect.objectContaining({ field, rule }));
    let refused: unknown;
    try {
      mergeLabels(labels(3), grid);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(LabelGridError);
    expect((refused as LabelGridError).issues).toContainEqual(
      expect.objectContaining({ field, rule }),
    );
  });

  it("finds nothing wrong with the presets and the custom grid", () => {
    for (const [, grid] of SHEETS) expect(labelGridIssues(grid)).toEqual([]);
  });
});

describe("labels through LibreOffice: a page per sheet, no page left empty", () => {
  it("prints as many pages as sheets", () => {
    const documents: Record<string, Uint8Array> = {};
    const expected: Record<string, number> = {};
    for (const [name, grid] of SHEETS) {
      const perSheet = grid.columns * grid.rows;
      for (const n of [perSheet, perSheet + 1, 3 * perSheet]) {
        documents[`${name}-${n}`] = mergeLabels(labels(n), grid);
        expected[`${name}-${n}`] = Math.ceil(n / perSheet);
      }
    }
    expect(printedPages(documents)).toEqual(expected);
  }, 200_000);
});
