import { companyKeyOf, type ContactRow } from "./contact-row";

export interface LineRef {
  readonly lineNo: number;
  readonly contactNo: string;
}

/**
 * Which lines Reduce or Refine Contacts takes off. `matched` are the line contacts that meet the
 * criteria. With Entire Companies a match counts for its whole company: every line of a contact
 * of that company is matched too. Reduce removes matched lines, Refine the others. A line whose
 * contact no longer exists never matches.
 */
export const planRemove = (
  kind: "reduceContacts" | "refineContacts",
  lines: readonly LineRef[],
  lineContacts: readonly Pick<ContactRow, "no" | "type" | "companyNo">[],
  matched: ReadonlySet<string>,
  entireCompanies: boolean,
): number[] => {
  let hits = matched;
  if (entireCompanies) {
    const companyOf = new Map(lineContacts.map((c) => [c.no, companyKeyOf(c)]));
    const companies = new Set(
      [...matched].flatMap((no) => (companyOf.has(no) ? [companyOf.get(no) as string] : [])),
    );
    hits = new Set(lineContacts.filter((c) => companies.has(companyKeyOf(c))).map((c) => c.no));
  }
  const remove =
    kind === "reduceContacts"
      ? (l: LineRef) => hits.has(l.contactNo)
      : (l: LineRef) => !hits.has(l.contactNo);
  return lines.filter(remove).map((l) => l.lineNo);
};
