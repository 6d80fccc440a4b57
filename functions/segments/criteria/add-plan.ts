import type { CriteriaOptions } from "@shared/model/criteria-action";
import type { Store } from "../../store/store";
import type { LineVia } from "../../store/segment-repository";
import type { TenantId } from "../../store/tenant";
import { contactRowFields, type ContactRow } from "./contact-row";

export interface AddEntry {
  readonly contact: ContactRow;
  readonly via: LineVia;
  /** The company a person came with (expandedCompany), or the person a company came with. */
  readonly viaContactNo?: string;
}

/**
 * Which contacts an Add Contacts action puts on the segment, as Business Central's dialog
 * decides: the matches; with Expand Companies the company of every match and every person of
 * that company; with Allow Related Companies the company of a matched person; never a contact marked "exclude from
 * segments" unless Ignore Exclusion; never one already on a line unless Allow Existing Contacts.
 * Lines come in contact No. order.
 */
export const planAdd = async (
  store: Store,
  tenant: TenantId,
  matched: readonly ContactRow[],
  options: CriteriaOptions,
  onSegment: ReadonlySet<string>,
  via: LineVia = "criteria",
): Promise<AddEntry[]> => {
  const entries = new Map<string, AddEntry>(
    matched.map((contact) => [contact.no, { contact, via }]),
  );
  if (options.expandCompanies) {
    // BC's Add Contacts expands by Company No.: a matched person brings its company and every
    // person of it, just as a matched company brings its persons.
    const broughtBy = new Map<string, string>();
    for (const c of matched) {
      // A matched company brings its persons itself, whichever of them matched too.
      if (c.type === "company") broughtBy.set(c.no, c.no);
      else if (c.companyNo && !broughtBy.has(c.companyNo)) broughtBy.set(c.companyNo, c.no);
    }
    const companies = [...broughtBy.keys()];
    const missingCompanies = companies.filter((no) => !entries.has(no));
    const [companyRows, persons] = await Promise.all([
      store.contacts.byNos<ContactRow>(tenant, missingCompanies, contactRowFields),
      store.contacts.personsOf<ContactRow>(tenant, companies, contactRowFields),
    ]);
    for (const company of companyRows) {
      entries.set(company.no, {
        contact: company,
        via: "expandedCompany",
        viaContactNo: broughtBy.get(company.no),
      });
    }
    for (const person of persons) {
      if (!entries.has(person.no)) {
        entries.set(person.no, {
          contact: person,
          via: "expandedCompany",
          // The contact that was matched: its company, or the colleague that brought it.
          viaContactNo: broughtBy.get(person.companyNo ?? "") ?? person.companyNo,
        });
      }
    }
  }
  if (options.allowRelatedCompanies) {
    const firstPersonOf = new Map<string, string>();
    for (const c of matched)
      if (c.type === "person" && c.companyNo && !firstPersonOf.has(c.companyNo))
        firstPersonOf.set(c.companyNo, c.no);
    const missing = [...firstPersonOf.keys()].filter((no) => !entries.has(no));
    for (const company of await store.contacts.byNos<ContactRow>(
      tenant,
      missing,
      contactRowFields,
    )) {
      entries.set(company.no, {
        contact: company,
        via: "relatedCompany",
        viaContactNo: firstPersonOf.get(company.no),
      });
    }
  }
  return [...entries.values()]
    .filter((e) => options.ignoreExclusion || !e.contact.excludeFromSegments)
    .filter((e) => options.allowExistingContacts || !onSegment.has(e.contact.no))
    .sort((a, b) => (a.contact.no < b.contact.no ? -1 : a.contact.no > b.contact.no ? 1 : 0));
};
