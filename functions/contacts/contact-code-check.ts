import {
  contactCodeNouns,
  contactCodeTables,
  type ContactCodeTable,
} from "@shared/model/contact-code";
import type { ContactFields } from "@shared/model/contact";
import { didYouMean, nearestCodes } from "@shared/model/nearest-codes";
import type { ProblemError } from "@shared/model/problem";
import type { ProfileQuestion } from "@shared/model/profile-questionnaire";
import { isMiss, ProfileLookup } from "../setup/profile-lookup";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";

/** What of a contact names setup rows: its code lists and its profile answers. */
export type CodeCarrier = Pick<ContactFields, "type" | ContactCodeTable | "profileAnswers">;
type ProfileAnswer = ContactFields["profileAnswers"][number];

/** The tenant's setup rows a contact's codes must name; only the tables the contacts use. */
export interface ContactCodeTables {
  readonly codes: Readonly<Partial<Record<ContactCodeTable, readonly string[]>>>;
  readonly profiles: ProfileLookup;
}

/** Whether these contacts name any setup row at all (most contacts name none). */
export const carriesCodes = (contacts: readonly CodeCarrier[]): boolean =>
  contacts.some(
    (c) => c.profileAnswers.length > 0 || contactCodeTables.some((t) => c[t].length > 0),
  );

/**
 * The setup rows the given contacts can name: one read per code table they use and one for the
 * questionnaires, whether for one contact or a whole import file.
 */
export const loadContactCodeTables = async (
  store: Store,
  tenant: TenantId,
  contacts: readonly CodeCarrier[],
): Promise<ContactCodeTables> => {
  const used = contactCodeTables.filter((t) => contacts.some((c) => c[t].length > 0));
  const answered = contacts.some((c) => c.profileAnswers.length > 0);
  const [codes, questionnaires] = await Promise.all([
    Promise.all(used.map(async (t) => [t, await store.contactCodes[t].allCodes(tenant)] as const)),
    answered ? store.profileQuestionnaires.allOfTenant(tenant) : Promise.resolve([]),
  ]);
  return { codes: Object.fromEntries(codes), profiles: new ProfileLookup(questionnaires) };
};

const sameAnswer = (a: ProfileAnswer, b: ProfileAnswer) =>
  a.questionnaire === b.questionnaire && a.question === b.question && a.answer === b.answer;

const plural = (n: number, one: string) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);

/** A contact's profile answer and, when it names what is set up, the question and its spelling. */
interface ResolvedAnswer {
  readonly given: ProfileAnswer;
  readonly at: string;
  /** The contact carried it before the change: not checked again. */
  readonly kept: boolean;
  readonly canonical?: ProfileAnswer;
  readonly question?: ProfileQuestion;
}

export interface CheckedCodes {
  readonly errors: ProblemError[];
  /** The profile answers as set up (question and answer spelled as in the questionnaire). */
  readonly profileAnswers: ProfileAnswer[];
}

/**
 * Table relations of a contact's codes, as Business Central's Contact Mailing Group, Contact
 * Business Relation, ... and Contact Profile Answer enforce them: every code names a row of its
 * table (Code fields arrive upper-cased), every profile answer an answer of a question of a
 * questionnaire for the contact's type, and a question takes one answer unless it allows
 * multiple answers. What the contact carried `before` is not checked again: Business Central lets
 * some codes be deleted while contacts carry them, and those contacts must stay editable.
 */
export const checkContactCodes = (
  contact: CodeCarrier,
  tables: ContactCodeTables,
  before?: CodeCarrier,
): CheckedCodes => {
  const errors: ProblemError[] = [];
  const problem = (field: string, rule: string, message: string) =>
    errors.push({ in: "body", field, rule, message });

  for (const table of contactCodeTables) {
    const known = tables.codes[table] ?? [];
    const set = new Set(known);
    const carried = new Set(before?.[table] ?? []);
    contact[table].forEach((code, i) => {
      if (set.has(code) || carried.has(code)) return;
      problem(
        `${table}.${i}`,
        "exists",
        `${contactCodeNouns[table]} ${code} does not exist${didYouMean(nearestCodes(code, known))}`,
      );
    });
  }

  const resolved = contact.profileAnswers.map((given, i): ResolvedAnswer => {
    const at = `profileAnswers.${i}`;
    const kept = before?.profileAnswers.some((b) => sameAnswer(b, given)) ?? false;
    const miss = (field: string, message: string) => {
      if (!kept) problem(`${at}.${field}`, "exists", message);
      return { given, at, kept };
    };
    const questionnaire = tables.profiles.questionnaire(given.questionnaire);
    if (isMiss(questionnaire)) return miss("questionnaire", questionnaire.miss);
    if (!kept && questionnaire.contactType !== "any" && questionnaire.contactType !== contact.type)
      problem(
        `${at}.questionnaire`,
        "contactType",
        `profile questionnaire ${questionnaire.code} is for ${questionnaire.contactType === "company" ? "companies" : "persons"} only`,
      );
    const question = tables.profiles.question(questionnaire, given.question, true);
    if (isMiss(question)) return miss("question", question.miss);
    const answer = tables.profiles.answer(question, given.answer);
    if (isMiss(answer)) return miss("answer", answer.miss);
    const canonical = {
      questionnaire: questionnaire.code,
      question: question.description,
      answer: answer.description,
    };
    return { given, at, kept, canonical, question };
  });

  // The answers a contact keeps count first, wherever they stand in the list, so a new answer
  // cannot slip in beside a kept one to a question that takes one.
  const answersTo = new Map<string, Set<string>>();
  const answersOf = (c: ProfileAnswer) => {
    const key = `${c.questionnaire}\u0000${c.question}`;
    const set = answersTo.get(key) ?? new Set<string>();
    answersTo.set(key, set);
    return set;
  };
  for (const r of resolved)
    if (r.kept && r.canonical) answersOf(r.canonical).add(r.canonical.answer);
  for (const { kept, canonical, question, at } of resolved) {
    if (kept || !canonical || !question) continue;
    const answers = answersOf(canonical);
    if (answers.has(canonical.answer))
      problem(
        `${at}.answer`,
        "unique",
        `"${question.description}" is already answered "${canonical.answer}"`,
      );
    else if (answers.size > 0 && !question.multipleAnswers)
      problem(
        `${at}.answer`,
        "single_answer",
        `"${question.description}" takes one answer (it does not allow multiple answers); this contact gives ${plural(answers.size + 1, "answer")}`,
      );
    answers.add(canonical.answer);
  }
  const profileAnswers = resolved.map((r) => r.canonical ?? r.given);
  return { errors, profileAnswers };
};
