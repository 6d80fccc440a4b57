import {
  importGroupRowsShown,
  importJobProblemsKept,
  type ImportProblemGroup,
} from "@shared/model/contact-import-job";
import type { RowProblem } from "./import-row";

/** Longest message kept per error in a job document; a cell can be megabytes long. */
const messageChars = 300;
/** Errors kept per row in a job document. */
const errorsPerRow = 10;

/** Every row problem by rule and field: count, the first rows, an example; most frequent first. */
export const groupRowProblems = (problems: readonly RowProblem[]): ImportProblemGroup[] => {
  const groups = new Map<string, ImportProblemGroup & { rows: number[] }>();
  for (const problem of [...problems].sort((a, b) => a.row - b.row)) {
    for (const error of problem.errors) {
      const field = error.field.split(".")[0] ?? "";
      const key = `${problem.status}|${error.rule}|${field}`;
      const group = groups.get(key);
      if (!group) {
        groups.set(key, {
          rule: error.rule,
          field,
          status: problem.status,
          count: 1,
          rows: [problem.row],
          message: error.message.slice(0, messageChars),
        });
      } else {
        group.count++;
        if (group.rows.length < importGroupRowsShown && group.rows.at(-1) !== problem.row)
          group.rows.push(problem.row);
      }
    }
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.rows[0] ?? 0) - (b.rows[0] ?? 0),
  );
};

/** The first problem rows, cut to a size a job document can carry. */
export const keptProblems = (problems: readonly RowProblem[]): RowProblem[] =>
  [...problems]
    .sort((a, b) => a.row - b.row)
    .slice(0, importJobProblemsKept)
    .map((p) => ({
      ...p,
      ...(p.no !== undefined ? { no: p.no.slice(0, 100) } : {}),
      errors: p.errors
        .slice(0, errorsPerRow)
        .map((e) => ({ ...e, message: e.message.slice(0, messageChars) })),
    }));
