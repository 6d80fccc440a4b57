import type { Contact } from "@shared/model/contact";

// Below every printable character, so that "HAVN" sorts before "HAVN & CO" and a blank company
// name before any other.
const separator = "\u0001";

/**
 * The key lines are listed by, as BC's segment subform shows them: the contact's company name (a
 * company's own name, blank for a person without one), the company before its persons, then the
 * contact's name. Upper-cased because BC compares names without regard to case.
 */
export const lineListOrder = (contact: Pick<Contact, "type" | "name" | "companyName">): string => {
  const companyName = contact.type === "company" ? contact.name : (contact.companyName ?? "");
  const typeRank = contact.type === "company" ? "0" : "1";
  return [companyName.toUpperCase(), typeRank, contact.name.toUpperCase()].join(separator);
};
