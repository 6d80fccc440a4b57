import {
  contactCodeNouns,
  contactCodeTables,
  type ContactCodeTable,
} from "@shared/model/contact-code";
import type { ContactFields } from "@shared/model/contact";
import { nearestCodes } from "@shared/model/nearest-codes";
import type { ProblemError } from "@shared/model/problem";
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

const didYouMean = (near: readonly string[]) =>
  near.length ? `; did you mean ${near.map((c) => `"${c}"`).join(" or ")}?` : "";

const sameAnswer = (a: ProfileAnswer, b: ProfileAnswer) =>
  a.questionnaire === b.questionnaire && a.question === b.question && a.answer === b.answer;

const plural = (n: number, one: string) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);

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

  const answersTo = new Map<string, Set<string>>();
  const profileAnswers = contact.profileAnswers.map((given, i) => {
    const at = `profileAnswers.${i}`;
    const kept = before?.profileAnswers.some((b) => sameAnswer(b, given)) ?? false;
    const questionnaire = tables.profiles.questionnaire(given.questionnaire);
    if (isMiss(questionnaire)) {
      if (!kept) problem(`${at}.questionnaire`, "exists", questionnaire.miss);
      return given;
    }
    if (!kept && questionnaire.contactType !== "any" && questionnaire.contactType !== contact.type)
      problem(
        `${at}.questionnaire`,
        "contactType",
        `profile questionnaire ${questionnaire.code} is for ${questionnaire.contactType === "company" ? "companies" : "persons"} only`,
      );
    const question = tables.profiles.question(questionnaire, given.question, true);
    if (isMiss(question)) {
      if (!kept) problem(`${at}.question`, "exists", question.miss);
      return given;
    }
    const answer = tables.profiles.answer(question, given.answer);
    if (isMiss(answer)) {
      if (!kept) problem(`${at}.answer`, "exists", answer.miss);
      return given;
    }
    const canonical = {
      questionnaire: questionnaire.code,
      question: question.description,
      answer: answer.description,
    };
    const key = `${canonical.questionnaire}\u0000${canonical.question}`;
    const answers = answersTo.get(key) ?? new Set<string>();
    answersTo.set(key, answers);
    if (kept) {
      answers.add(canonical.answer);
      return canonical;
    }
    if (answers.has(canonical.answer))
      problem(
        `${at}.answer`,
        "unique",
        `"${question.description}" is already answered "${answer.description}"`,
      );
    else if (answers.size > 0 && !question.multipleAnswers)
      problem(
        `${at}.answer`,
        "single_answer",
        `"${question.description}" takes one answer (it does not allow multiple answers); this contact gives ${plural(answers.size + 1, "answer")}`,
      );
    answers.add(canonical.answer);
    return canonical;
  });
  return { errors, profileAnswers };
};
