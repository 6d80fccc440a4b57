import { checkMerge, readTemplate, type MergeRecord } from "@shared/merge";
import { groupIssues } from "@shared/model/issue-group";
import { buildDocx, mergeField, p, simpleField, t } from "./docx-builder";

/**
 * The "Dear ," guard for a plain letter: its text cannot be rewritten, so Check for Errors
 * says which contacts leave the greeting's name empty, grouped with a count.
 */

const letter = (greeting: string) =>
  readTemplate(buildDocx({ body: p(t("Dear "), greeting, t(",")) + p(t("Thank you.")) }));

const person = (name: string): MergeRecord => ({
  values: { First_Name: name, Name: name },
  fileName: name,
});
const company = (name: string): MergeRecord => ({
  values: { First_Name: null, Name: name },
  fileName: name,
});

describe("greeting_without_name", () => {
  it("warns for each contact whose greeting name is empty, grouped with the count", () => {
    const records = [person("Jens"), company("Nord A/S"), company("Syd ApS"), person("Bo")];
    const issues = checkMerge(letter(mergeField("First_Name")), records);
    const greeting = issues.filter((i) => i.code === "greeting_without_name");
    expect(greeting.map((i) => [i.severity, i.record, i.params])).toEqual([
      ["warning", 1, { record: "Nord A/S", fields: ["First_Name"] }],
      ["warning", 2, { record: "Syd ApS", fields: ["First_Name"] }],
    ]);
    const groups = groupIssues(
      issues.map((i) => ({
        rule: i.code,
        severity: i.severity,
        message: i.message,
        lineNo: i.record === undefined ? undefined : (i.record + 1) * 10000,
      })),
      () => "hint",
    );
    expect(groups.find((g) => g.rule === "greeting_without_name")).toMatchObject({
      count: 2,
      lines: [{ lineNo: 20000 }, { lineNo: 30000 }],
      message: 'Nord A/S: First_Name is empty, so a greeting with it reads "Dear ,".',
    });
  });

  it("knows Word's and the Danish names, in simple fields too", () => {
    const records: MergeRecord[] = [{ values: { Fornavn: "", Efternavn: "" }, fileName: "Nord" }];
    const body = p(
      t("Kære "),
      simpleField(" MERGEFIELD Fornavn ", "«Fornavn»"),
      mergeField("Efternavn"),
    );
    const issues = checkMerge(readTemplate(buildDocx({ body })), records);
    expect(issues.find((i) => i.code === "greeting_without_name")?.params).toEqual({
      record: "Nord",
      fields: ["Fornavn", "Efternavn"],
    });
  });

  it("says nothing when every contact has the name, or when an IF or \\b guards it", () => {
    expect(
      checkMerge(letter(mergeField("First_Name")), [person("Jens")]).map((i) => i.code),
    ).toEqual([]);
    const guarded = letter(mergeField("First_Name", '\\b " "'));
    expect(
      checkMerge(guarded, [company("Nord A/S")]).filter((i) => i.code === "greeting_without_name"),
    ).toEqual([]);
  });

  it("other empty fields are not a greeting's", () => {
    const body = p(t("Your city: "), mergeField("City"));
    const issues = checkMerge(readTemplate(buildDocx({ body })), [
      { values: { City: "" }, fileName: "Nord" },
    ]);
    expect(issues.map((i) => i.code)).toEqual(["empty_values"]);
  });
});
