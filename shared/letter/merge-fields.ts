import type { z } from "zod";
import type { Contact } from "../model/contact";
import type { InteractionTemplate } from "../model/interaction-template";
import type { MergeFieldInfo } from "../model/merge-job";
import type { Salesperson } from "../model/salesperson";
import type { Segment, SegmentLine } from "../model/segment";
import {
  letterFieldCatalog,
  type LetterFieldNames,
  type OwnLetterFieldName,
} from "../fields/letter-field-catalog";
import { formatAddressLines } from "./address-lines";
import { formatGreetingLine } from "./greeting-line";

type Value = string | number | boolean | null;

/** What one letter is made from; everything but the contact may be missing. */
export interface LetterData {
  readonly contact: Partial<Contact> & Pick<Contact, "no" | "name">;
  readonly company?: Partial<Contact> | undefined;
  readonly line?: Partial<SegmentLine> | undefined;
  readonly segment?: Partial<Segment> | undefined;
  readonly template?: Partial<InteractionTemplate> | undefined;
  readonly salesperson?: Partial<Salesperson> | undefined;
  readonly campaignDescription?: string | undefined;
  /** ISO date of the merge. */
  readonly today: string;
  /**
   * BCP 47: the letter's language (the line's, else the contact's, else the template's), in
   * which the greeting and a foreign country's name are written.
   */
  readonly language?: string | undefined;
  /** The sender's country (ISO code): an address there leaves its country out. */
  readonly homeCountry?: string | undefined;
}

type ValueOf = (d: LetterData) => Value | undefined;

/**
 * The company a letter names: the person's company, or the contact itself when it is a company
 * (Business Central gives a company contact its own name as Company Name), so a letter to a
 * company never reads "for ." where a letter to its person reads "for Nord A/S.".
 */
const companyOf = (d: LetterData): Partial<Contact> | undefined =>
  d.company ?? (d.contact.type === "company" ? d.contact : undefined);

/**
 * The contact's address as an envelope shows it. A person of a company without an address of
 * their own is written to at the company's address (Business Central's "alternate" contact
 * address); a company contact is named once.
 */
const addressBlock = (d: LetterData): string => {
  const c = d.contact;
  const company = c.type === "company" ? undefined : d.company;
  const at = c.address || c.postCode || c.city || !company ? c : company;
  return formatAddressLines(
    {
      kind: c.type,
      name: c.name,
      firstName: c.firstName,
      middleName: c.middleName,
      surname: c.surname,
      companyName: c.type === "company" ? undefined : (company?.name ?? c.companyName),
      address: at.address,
      address2: at.address2,
      postCode: at.postCode,
      city: at.city,
      county: at.county,
      countryRegionCode: at.countryRegionCode,
    },
    { language: d.language, homeCountry: d.homeCountry },
  ).join("\n");
};

const greetingLine = (d: LetterData): string =>
  formatGreetingLine(
    {
      kind: d.contact.type,
      salutation: d.contact.salutation,
      firstName: d.contact.firstName,
      middleName: d.contact.middleName,
      surname: d.contact.surname,
      name: d.contact.name,
    },
    { language: d.language },
  );

/** Where each of the letter's own fields takes its value; the contact's fields are read as they are. */
const ownValues: { readonly [N in OwnLetterFieldName]: ValueOf } = {
  "Address Block": addressBlock,
  "Greeting Line": greetingLine,
  "Company Name": (d) => companyOf(d)?.name ?? d.contact.companyName,
  "Company Address": (d) => companyOf(d)?.address,
  "Company Post Code": (d) => companyOf(d)?.postCode,
  "Company City": (d) => companyOf(d)?.city,
  "Company Phone No.": (d) => companyOf(d)?.phone,
  "Company E-Mail": (d) => companyOf(d)?.email,
  Description: (d) => d.line?.description ?? d.segment?.description,
  Subject: (d) => d.line?.subject ?? d.segment?.subject,
  "Personal Note": (d) => d.line?.note,
  "Segment No.": (d) => d.segment?.no,
  Campaign: (d) => d.campaignDescription,
  "Template Description": (d) => d.template?.description,
  "Interaction Group": (d) => d.template?.interactionGroupCode,
  "Salesperson Name": (d) => d.salesperson?.name,
  "Salesperson Job Title": (d) => d.salesperson?.jobTitle,
  "Salesperson E-Mail": (d) => d.salesperson?.email,
  "Salesperson Phone No.": (d) => d.salesperson?.phone,
  Today: (d) => d.today,
};

const valueOf = (field: LetterFieldNames): ValueOf => {
  if (field.contactField === undefined) return ownValues[field.name];
  const key = field.contactField;
  return (d) => d.contact[key];
};

/** The catalog's letter fields, each with where its value comes from. */
const catalog = letterFieldCatalog.map((f) => ({ name: f.name, value: valueOf(f) }));

export const mergeFields: readonly z.infer<typeof MergeFieldInfo>[] = letterFieldCatalog.map(
  (f) => ({ name: f.name, group: f.group, label: f.label }),
);

/** Custom contact fields go to letters as "Custom <key>". */
const CUSTOM_PREFIX = "Custom ";
export const customFieldName = (key: string) => `${CUSTOM_PREFIX}${key}`;

/** The custom field keys the letters' values carry ("Custom tier" is tier): Match Fields suggests them. */
export const customKeysOf = (
  letters: Iterable<{ readonly values: Readonly<Record<string, unknown>> }>,
): string[] => {
  const keys = new Set<string>();
  for (const letter of letters)
    for (const name in letter.values)
      if (name.startsWith(CUSTOM_PREFIX)) keys.add(name.slice(CUSTOM_PREFIX.length));
  return [...keys];
};

/** One letter's values, by field name; a field without data is null (Check for Errors sees it). */
export const letterValues = (data: LetterData): Record<string, Value> => {
  const values: Record<string, Value> = {};
  for (const f of catalog) values[f.name] = f.value(data) ?? null;
  for (const [key, value] of Object.entries(data.contact.customFields ?? {}))
    values[customFieldName(key)] = value;
  return values;
};
