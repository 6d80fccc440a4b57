import { RunRecognizer } from "@shared/merge/compile/scan/run-recognizer";
import type { RunScan } from "@shared/merge/compile/scan/scan-types";
import { tokenText, walked } from "../part-text";

describe("RunRecognizer", () => {
  it("records a run's properties and each content child, whole", () => {
    const xml =
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Dear </w:t><w:tab/></w:r></w:p>';
    const runs = new RunRecognizer();
    const tokens = walked(xml, runs);
    expect(runs.runs).toHaveLength(1);
    const run = runs.runs[0] as RunScan;
    const text = (a: number, b: number) => xml.slice(tokens[a]?.start, tokens[b]?.end);
    expect(text(run.open, run.close)).toBe(xml.slice(5, -6));
    expect(run.rPr && text(...run.rPr)).toBe("<w:rPr><w:b/></w:rPr>");
    expect(run.children.map(([a, b]) => text(a, b))).toEqual([
      '<w:t xml:space="preserve">Dear </w:t>',
      "<w:tab/>",
    ]);
  });

  it("takes only a run's own children, not what they hold, and runs inside other elements too", () => {
    const xml =
      '<w:p><w:hyperlink w:anchor="a"><w:r><w:t>x</w:t></w:r></w:hyperlink><w:r><w:drawing><wp:inline/></w:drawing></w:r></w:p>';
    const runs = new RunRecognizer();
    const tokens = walked(xml, runs);
    expect(runs.runs.map((r) => r.children.map(([a]) => tokenText(xml, tokens, a)))).toEqual([
      ["<w:t>"],
      ["<w:drawing>"],
    ]);
    expect(runs.runs.every((r) => r.rPr === undefined)).toBe(true);
  });

  it("knows which run the walk is in", () => {
    const seen: number[] = [];
    const runs = new RunRecognizer();
    walked("<w:p><w:r><w:t>a</w:t></w:r><w:t>b</w:t></w:p>", {
      open: (i, token, at) => {
        runs.open(i, token, at);
        if (token.name === "w:t") seen.push(runs.currentRun());
      },
      close: (i, token, openIndex) => runs.close(i, token, openIndex),
    });
    expect(seen).toEqual([1, -1]);
  });
});
