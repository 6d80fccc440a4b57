import { groupIssues, issueGroupLinesShown } from "../../../../shared/model/issue-group";

const issue = (rule: string, lineNo: number) => ({
  rule,
  severity: "error" as const,
  message: `${rule} on ${lineNo}`,
  lineNo,
  contactNo: `KT${lineNo}`,
});

describe("groupIssues", () => {
  it("makes 3,229 problems of one rule one group with its count and the first lines", () => {
    const many = Array.from({ length: 3229 }, (_, i) => issue("template_set", 3229 - i));
    const groups = groupIssues(many, () => "choose a template");
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      rule: "template_set",
      count: 3229,
      hint: "choose a template",
    });
    expect(groups[0]?.lines.map((l) => l.lineNo)).toEqual([1, 2, 3, 4, 5]);
    expect(groups[0]?.lines).toHaveLength(issueGroupLinesShown);
  });

  it("groups a rule nobody told it about, most frequent first, with the hint the caller gives", () => {
    const groups = groupIssues(
      [issue("a_rule_added_later", 2), issue("template_set", 1), issue("a_rule_added_later", 3)],
      (rule) => (rule === "template_set" ? "known" : "general"),
    );
    expect(groups.map((g) => [g.rule, g.count, g.hint])).toEqual([
      ["a_rule_added_later", 2, "general"],
      ["template_set", 1, "known"],
    ]);
  });

  it("counts every problem but names a line once; problems without a line name none", () => {
    const groups = groupIssues(
      [issue("x", 4), issue("x", 4), { rule: "y", severity: "warning", message: "whole letter" }],
      () => "",
    );
    expect(groups).toEqual([
      expect.objectContaining({ rule: "x", count: 2, lines: [{ lineNo: 4, contactNo: "KT4" }] }),
      expect.objectContaining({ rule: "y", count: 1, lines: [], severity: "warning" }),
    ]);
  });

  it("groups by rule and field: each field's empty values once, with its count and example lines", () => {
    const empty = (field: string, lineNo: number) => ({
      ...issue("empty_values", lineNo),
      field,
      message: `${field} is empty.`,
    });
    const many = Array.from({ length: 3229 }, (_, i) => empty("Personal Note", i + 1));
    const groups = groupIssues([...many, empty("Salutation", 7), empty("Salutation", 9)], () => "");
    expect(groups.map((g) => [g.rule, g.field, g.count, g.message])).toEqual([
      ["empty_values", "Personal Note", 3229, "Personal Note is empty."],
      ["empty_values", "Salutation", 2, "Salutation is empty."],
    ]);
    expect(groups[0]?.lines).toHaveLength(issueGroupLinesShown);
    expect(groups[1]?.lines.map((l) => l.contactNo)).toEqual(["KT7", "KT9"]);
  });
});
