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

/**
 * Each problem type the server answers, said from the catalog in a Danish pane: its title, and,
 * without field entries, what happened and what to do in place of the server's English detail,
 * which names keys and statuses a marketer does not know (it stays one click away, under
 * Technical details). `internal` and a type this pane does not know yet are said by status.
 */
const BY_TYPE: Readonly<
  Record<string, { readonly title: MessageKey; readonly detail?: MessageKey }>
> = {
  validation: { title: "problem.type.validation", detail: "problem.detail.validation" },
  "not-found": { title: "problem.type.not-found", detail: "problem.detail.not-found" },
  conflict: { title: "problem.type.conflict", detail: "problem.detail.conflict" },
  "stale-etag": { title: "problem.type.stale-etag", detail: "problem.detail.stale-etag" },
  "segment-logged": {
    title: "problem.type.segment-logged",
    detail: "problem.detail.segment-logged",
  },
  "too-large": { title: "problem.type.too-large", detail: "problem.detail.too-large" },
  forbidden: { title: "problem.type.forbidden", detail: "problem.detail.forbidden" },
  "partial-write": { title: "problem.type.partial-write", detail: "problem.detail.partial-write" },
  internal: { title: "problem.type.internal" },
  unauthorized: { title: "problem.type.unauthorized", detail: "problem.detail.unauthorized" },
  busy: { title: "problem.type.busy", detail: "problem.detail.busy" },
  "converter-busy": {
    title: "problem.type.converter-busy",
    detail: "problem.detail.converter-busy",
  },
  "conversion-failed": {
    title: "problem.type.conversion-failed",
    detail: "problem.detail.conversion-failed",
  },
  unavailable: { title: "problem.type.unavailable", detail: "problem.detail.unavailable" },
  "too-many-requests": {
    title: "problem.type.too-many-requests",
    detail: "problem.detail.too-many-requests",
  },
  "letter-too-large": {
    title: "problem.type.letter-too-large",
    detail: "problem.detail.letter-too-large",
  },
  "letter-fields-malformed": {
    title: "problem.type.letter-fields-malformed",
    detail: "error.template.fields",
  },
  "not-a-word-document": {
    title: "problem.type.not-a-word-document",
    detail: "error.template.notDocx",
  },
  "label-sheet-not-printable": {
    title: "problem.type.label-sheet-not-printable",
    detail: "problem.detail.label-sheet-not-printable",
  },
  "merge-too-large": {
    title: "problem.type.merge-too-large",
    detail: "problem.detail.merge-too-large",
  },
  "merge-not-possible": {
    title: "problem.type.merge-not-possible",
    detail: "problem.detail.merge-not-possible",
  },
  "request-timeout": {
    title: "problem.type.request-timeout",
    detail: "problem.detail.request-timeout",
  },
  // What reaches the server only when the pane and the server disagree (a route, a method, a
  // content type, a header): the user's way out is the same for all of them.
  "no-route": { title: "problem.type.mismatch", detail: "problem.detail.mismatch" },
  "method-not-allowed": { title: "problem.type.mismatch", detail: "problem.detail.mismatch" },
  "bad-request": { title: "problem.type.mismatch", detail: "problem.detail.mismatch" },
  misdirected: { title: "problem.type.mismatch", detail: "problem.detail.mismatch" },
  "unsupported-media-type": { title: "problem.type.mismatch", detail: "problem.detail.mismatch" },
  "if-match-required": { title: "problem.type.mismatch", detail: "problem.detail.mismatch" },
  "headers-too-large": { title: "problem.type.mismatch", detail: "problem.detail.mismatch" },
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
 * What happened and what to do, by the problem's type; a type this pane does not know yet by its
 * status. Our own failures name the problem's instance, the id support finds it by in the logs.
 */
const detailText = (t: Translate, problem: Problem): string => {
  const slug = slugOf(problem.type);
  const key = BY_TYPE[slug]?.detail;
  if (key) return t(key);
  if (slug !== "internal" && problem.status < 500) return t("problem.detail.other");
  return problem.instance
    ? t("problem.detail.internal.reference", { reference: problem.instance })
    : t("problem.detail.internal");
};

/**
 * The problem as the pane shows it: fields' refusals by rule in either language; in Danish the
 * title from the problem's type too, and in place of the server's English detail either nothing
 * (its fields say what is wrong) or a sentence from the catalog by the problem's type. The
 * server's own problem stays with the ApiError (`sent`) for the Technical details.
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
    const title = BY_TYPE[slugOf(problem.type)]?.title;
    const { detail: _english, ...rest } = problem;
    return {
      ...rest,
      ...(errors?.length ? {} : { detail: detailText(t, problem) }),
      title: title ? t(title) : t("error.api.title"),
      ...(errors ? { errors } : {}),
    };
  };
