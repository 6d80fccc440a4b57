import type { z } from "zod";
import type { Contact } from "../model/contact";
import type { InteractionTemplate } from "../model/interaction-template";
import type { MergeFieldInfo } from "../model/merge-job";
import type { Salesperson } from "../model/salesperson";
import type { Segment, SegmentLine } from "../model/segment";

type Group = z.infer<typeof MergeFieldInfo>["group"];
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
}

interface FieldDef {
  readonly name: string;
  readonly group: Group;
  readonly en: string;
  readonly da: string;
  readonly value: (d: LetterData) => Value | undefined;
}

const field = (
  name: string,
  group: Group,
  en: string,
  da: string,
  value: FieldDef["value"],
): FieldDef => ({ name, group, en, da, value });

/**
 * The fields a letter can use, in the order the pane lists them. The name is what a content
 * control's tag or a MERGEFIELD says; the engine matches names ignoring case, spaces and dots, so
 * letters written for Business Central's Word merge ("Company Name", "Post Code") work as they are.
 */
const catalog: readonly FieldDef[] = [
  field("Contact No.", "contact", "Contact No.", "Kontaktnr.", (d) => d.contact.no),
  field("Name", "contact", "Name", "Navn", (d) => d.contact.name),
  field("Salutation", "contact", "Salutation", "Hilsen", (d) => d.contact.salutation),
  field("First Name", "contact", "First Name", "Fornavn", (d) => d.contact.firstName),
  field("Middle Name", "contact", "Middle Name", "Mellemnavn", (d) => d.contact.middleName),
  field("Surname", "contact", "Surname", "Efternavn", (d) => d.contact.surname),
  field("Job Title", "contact", "Job Title", "Stilling", (d) => d.contact.jobTitle),
  field("Address", "contact", "Address", "Adresse", (d) => d.contact.address),
  field("Address 2", "contact", "Address 2", "Adresse 2", (d) => d.contact.address2),
  field("Post Code", "contact", "Post Code", "Postnr.", (d) => d.contact.postCode),
  field("City", "contact", "City", "By", (d) => d.contact.city),
  field("County", "contact", "County", "Amt", (d) => d.contact.county),
  field(
    "Country/Region Code",
    "contact",
    "Country/Region Code",
    "Lande-/områdekode",
    (d) => d.contact.countryRegionCode,
  ),
  field("E-Mail", "contact", "E-Mail", "E-mail", (d) => d.contact.email),
  field("Phone No.", "contact", "Phone No.", "Telefon", (d) => d.contact.phone),
  field("Mobile Phone No.", "contact", "Mobile Phone No.", "Mobiltelefon", (d) => d.contact.mobile),
  field(
    "Company Name",
    "company",
    "Company Name",
    "Virksomhedsnavn",
    (d) => d.company?.name ?? d.contact.companyName,
  ),
  field(
    "Company Address",
    "company",
    "Company Address",
    "Virksomhedens adresse",
    (d) => d.company?.address,
  ),
  field(
    "Company Post Code",
    "company",
    "Company Post Code",
    "Virksomhedens postnr.",
    (d) => d.company?.postCode,
  ),
  field("Company City", "company", "Company City", "Virksomhedens by", (d) => d.company?.city),
  field(
    "Company Phone No.",
    "company",
    "Company Phone No.",
    "Virksomhedens telefon",
    (d) => d.company?.phone,
  ),
  field(
    "Company E-Mail",
    "company",
    "Company E-Mail",
    "Virksomhedens e-mail",
    (d) => d.company?.email,
  ),
  field(
    "Description",
    "line",
    "Description",
    "Beskrivelse",
    (d) => d.line?.description ?? d.segment?.description,
  ),
  field("Subject", "line", "Subject", "Emne", (d) => d.line?.subject ?? d.segment?.subject),
  field("Personal Note", "line", "Personal Note", "Personlig note", (d) => d.line?.note),
  field("Segment No.", "line", "Segment No.", "Målgruppenr.", (d) => d.segment?.no),
  field("Campaign", "line", "Campaign", "Kampagne", (d) => d.campaignDescription),
  field(
    "Template Description",
    "template",
    "Interaction Template",
    "Interaktionsskabelon",
    (d) => d.template?.description,
  ),
  field(
    "Interaction Group",
    "template",
    "Interaction Group",
    "Interaktionsgruppe",
    (d) => d.template?.interactionGroupCode,
  ),
  field(
    "Salesperson Name",
    "salesperson",
    "Salesperson Name",
    "Sælgers navn",
    (d) => d.salesperson?.name,
  ),
  field(
    "Salesperson Job Title",
    "salesperson",
    "Salesperson Job Title",
    "Sælgers stilling",
    (d) => d.salesperson?.jobTitle,
  ),
  field(
    "Salesperson E-Mail",
    "salesperson",
    "Salesperson E-Mail",
    "Sælgers e-mail",
    (d) => d.salesperson?.email,
  ),
  field(
    "Salesperson Phone No.",
    "salesperson",
    "Salesperson Phone No.",
    "Sælgers telefon",
    (d) => d.salesperson?.phone,
  ),
  field("Today", "date", "Today's Date", "Dags dato", (d) => d.today),
];

export const mergeFields: readonly z.infer<typeof MergeFieldInfo>[] = catalog.map((f) => ({
  name: f.name,
  group: f.group,
  label: { "en-US": f.en, "da-DK": f.da },
}));

/** Custom contact fields go to letters as "Custom <key>". */
export const customFieldName = (key: string) => `Custom ${key}`;

/** One letter's values, by field name; a field without data is null (Check for Errors sees it). */
export const letterValues = (data: LetterData): Record<string, Value> => {
  const values: Record<string, Value> = {};
  for (const f of catalog) values[f.name] = f.value(data) ?? null;
  for (const [key, value] of Object.entries(data.contact.customFields ?? {}))
    values[customFieldName(key)] = value;
  return values;
};
