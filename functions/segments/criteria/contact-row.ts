import type { Contact } from "@shared/model/contact";
import type { LineContact } from "../line-defaults";

/** The fields of a contact that criteria actions need: to expand, to exclude, to write a line. */
export type ContactRow = LineContact & Pick<Contact, "type" | "excludeFromSegments">;

export const contactRowFields = [
  "no",
  "type",
  "name",
  "companyNo",
  "companyName",
  "languageCode",
  "correspondenceType",
  "salespersonCode",
  "excludeFromSegments",
] as const satisfies readonly (keyof ContactRow)[];

/** A company counts as its own company; a person without one stands alone. */
export const companyKeyOf = (c: Pick<ContactRow, "no" | "type" | "companyNo">): string =>
  c.type === "company" ? c.no : (c.companyNo ?? c.no);
