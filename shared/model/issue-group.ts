import { z } from "zod";

/** How many lines a group names; the line-by-line detail lists them all. */
export const issueGroupLinesShown = 5;

/**
 * One kind of problem with how often it occurs: 3,229 lines without a template are one group,
 * not 3,229 rows. Grouped by the rule and, where it names one, the field ("Personal Note is
 * empty" once, "Salutation is empty" once), so a rule added later groups without more code.
 */
export const IssueGroup = z.object({
  rule: z.string().meta({ description: "The rule the lines break, as in the detail." }),
  field: z.string().optional().meta({ description: "The field it is about, where it names one." }),
  severity: z.enum(["error", "warning", "info"]),
  count: z.number().int().min(1).meta({ description: "How many problems of this kind." }),
  lines: z
    .array(z.object({ lineNo: z.number().int(), contactNo: z.string().optional() }))
    .max(issueGroupLinesShown)
    .meta({ description: `The first ${issueGroupLinesShown} lines it is about, by line No.` }),
  message: z.string().meta({ description: "The first problem's message, as an example." }),
  hint: z.string().meta({ description: "What fixes it." }),
});
export type IssueGroup = z.infer<typeof IssueGroup>;

/** What grouping needs from a problem, whatever its list. */
export interface GroupableIssue {
  readonly rule: string;
  readonly severity: IssueGroup["severity"];
  readonly message: string;
  readonly lineNo?: number | undefined;
  readonly contactNo?: string | undefined;
  readonly field?: string | undefined;
}

/** Groups by rule and field, most frequent first; `hintOf` answers a rule it does not know too. */
export const groupIssues = (
  issues: readonly GroupableIssue[],
  hintOf: (rule: string) => string,
): IssueGroup[] => {
  const groups = new Map<
    string,
    { first: GroupableIssue; count: number; lines: Map<number, string | undefined> }
  >();
  for (const issue of issues) {
    const key = JSON.stringify([issue.rule, issue.field ?? null]);
    const group = groups.get(key) ?? { first: issue, count: 0, lines: new Map() };
    group.count += 1;
    if (issue.lineNo !== undefined && !group.lines.has(issue.lineNo))
      group.lines.set(issue.lineNo, issue.contactNo);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ first, count, lines }) => ({
      rule: first.rule,
      ...(first.field !== undefined ? { field: first.field } : {}),
      severity: first.severity,
      count,
      lines: [...lines.entries()]
        .sort(([a], [b]) => a - b)
        .slice(0, issueGroupLinesShown)
        .map(([lineNo, contactNo]) =>
          contactNo === undefined ? { lineNo } : { lineNo, contactNo },
        ),
      message: first.message,
      hint: hintOf(first.rule),
    }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.rule.localeCompare(b.rule) ||
        (a.field ?? "").localeCompare(b.field ?? ""),
    );
};
