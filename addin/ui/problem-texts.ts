import type { Problem, ProblemError } from "@shared/model/problem";
import { enUS, type MessageKey } from "../i18n/en-US";
import { messagesFor, translator, type Translate } from "../i18n/translate";
import { busyEntryText, isBusyEntry } from "./segment-busy-text";

/**
 * The server answers in English (problem+json, RFC 9457): a title per problem type, a detail,
 * and per field a rule code and a message. A pane that speaks English shows them as they are; a
 * Danish one says them from its catalog, by the problem's type and each field's rule, so a
 * Danish marketer never reads the server's English alone (and never zod's "Too big: expected
 * string to have <=20 characters": "Højst 20 tegn").
 */

const TITLES: Readonly<Record<string, MessageKey>> = {
  validation: "problem.type.validation",
  "not-found": "problem.type.not-found",
  conflict: "problem.type.conflict",
  "stale-etag": "problem.type.stale-etag",
  "segment-logged": "problem.type.segment-logged",
  "too-large": "problem.type.too-large",
  forbidden: "problem.type.forbidden",
  "partial-write": "problem.type.partial-write",
  internal: "problem.type.internal",
};

// `exists` is not among them: its message names the code and the one meant ("did you mean
// JULEKORT?"), which a generic sentence would lose; it keeps the server's words after the lead.
const RULES: Readonly<Record<string, MessageKey>> = {
  required: "problem.rule.required",
  invalid_format: "problem.rule.invalid_format",
  invalid_type: "problem.rule.invalid_type",
  invalid_value: "problem.rule.invalid_value",
  unknown_field: "problem.rule.unknown_field",
  unique: "problem.rule.unique",
  not_empty: "problem.rule.not_empty",
  negative: "problem.rule.negative",
  not_a_number: "problem.rule.not_a_number",
  in_use: "problem.rule.in_use",
};

/** "must be at most 20 characters" -> the bound and what it counts. */
const bound = (
  message: string,
): { readonly limit: number; readonly unit: "chars" | "items" | "value" } | undefined => {
  const match =
    /(?:at most|at least|fewer than|more than|less than|<=|>=|<|>)\s*([\d,.]+)\s*(character|item)?/i.exec(
      message,
    );
  if (!match) return undefined;
  const limit = Number((match[1] ?? "").replace(/,/g, ""));
  if (!Number.isFinite(limit)) return undefined;
  const unit = /character/i.test(message)
    ? "chars"
    : /item|element/i.test(message)
      ? "items"
      : "value";
  return { limit, unit: match[2] ? (match[2].toLowerCase() === "item" ? "items" : "chars") : unit };
};

/**
 * One field's refusal in words a marketer knows, in the pane's language. A rule the catalog does
 * not know keeps the server's own message: as it is in English, after a Danish lead in Danish.
 */
export const problemEntryText = (t: Translate, entry: ProblemError, english: boolean): string => {
  if (entry.rule === "too_big" || entry.rule === "too_small") {
    const found = bound(entry.message);
    const limit = entry.limit ?? found?.limit;
    if (limit !== undefined) {
      const unit = found?.unit ?? "value";
      return t(`problem.rule.${entry.rule}.${unit}`, { limit });
    }
  }
  const key = RULES[entry.rule];
  if (key) return t(key);
  return english ? entry.message : t("problem.rule.other", { message: entry.message });
};

const slugOf = (type: string): string => type.slice(type.lastIndexOf("/") + 1);

/**
 * The problem as the pane shows it: fields' refusals by rule in either language; in Danish the
 * title from the problem's type too, and the server's English detail left out where its fields
 * say what is wrong (in Danish); without fields, the detail stays under the Danish title.
 */
export const localizeProblem =
  (language: string) =>
  (problem: Problem): Problem => {
    const messages = messagesFor(language);
    // Compared with English, not Danish: importing the Danish catalog here would put it in the
    // first bundle of every pane (i18n/translate.ts loads it only for a Danish one).
    const english = messages === enUS;
    const t = translator(messages, language);
    const errors = problem.errors?.map((entry) => ({
      ...entry,
      message: isBusyEntry(entry)
        ? busyEntryText(t, language, entry)
        : problemEntryText(t, entry, english),
    }));
    // A busy segment is said by its entry in either language: the server's English detail, with
    // its raw times, is for API clients.
    if (errors?.some(isBusyEntry)) {
      const { detail: _forApiClients, ...rest } = problem;
      return { ...rest, title: t("problem.busy.title"), errors };
    }
    if (english) return errors ? { ...problem, errors } : problem;
    const title = TITLES[slugOf(problem.type)];
    const { detail, ...rest } = problem;
    return {
      ...rest,
      ...(detail !== undefined && !errors?.length ? { detail } : {}),
      title: title ? t(title) : t("error.api.title"),
      ...(errors ? { errors } : {}),
    };
  };
