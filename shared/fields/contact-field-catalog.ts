import type { ContactFields } from "../model/contact";
import { fieldLabel, type FieldLabel } from "./field-label";

/**
 * The contact fields that have a name of their own. Profile answers are questionnaire data with
 * their own structure, and custom fields are named by their key, so neither is here.
 */
export type StoredContactField = Exclude<keyof ContactFields, "profileAnswers" | "customFields">;
/** Facts the server keeps beside the fields (the e-mail's domain, the stamps): read-only. */
export type DerivedContactField = "emailDomain" | "createdAt" | "modifiedAt";
export type ContactFieldKey = StoredContactField | DerivedContactField;

export interface ContactFieldNames {
  /**
   * What the pane shows. The English label is Business Central's caption: the CSV export heads
   * the column with it; the import recognises both labels.
   */
  readonly label: FieldLabel;
  /** Other headers a CSV file gives the column (older captions, other programs). */
  readonly aliases?: readonly string[];
}

/**
 * Every named contact field once, with its labels: the criteria builder's fields, the letter's
 * contact fields and the CSV columns take their names from here. Typed over every field of
 * ContactFields, so a field added there does not compile until it has a label.
 */
export const contactFieldCatalog: { readonly [K in ContactFieldKey]: ContactFieldNames } = {
  no: { label: fieldLabel("No.", "Nr."), aliases: ["Nummer"] },
  type: { label: fieldLabel("Type", "Type") },
  name: { label: fieldLabel("Name", "Navn") },
  searchName: { label: fieldLabel("Search Name", "Søgenavn") },
  companyNo: { label: fieldLabel("Company No.", "Virksomhedsnr."), aliases: ["Firmanr."] },
  firstName: { label: fieldLabel("First Name", "Fornavn") },
  middleName: { label: fieldLabel("Middle Name", "Mellemnavn") },
  surname: { label: fieldLabel("Surname", "Efternavn"), aliases: ["Last Name"] },
  jobTitle: { label: fieldLabel("Job Title", "Stilling") },
  salutation: { label: fieldLabel("Salutation", "Tiltale") },
  email: { label: fieldLabel("E-Mail", "E-mail"), aliases: ["E-mail-adresse", "Email Address"] },
  phone: { label: fieldLabel("Phone No.", "Telefon"), aliases: ["Phone", "Telefonnr."] },
  mobile: {
    label: fieldLabel("Mobile Phone No.", "Mobiltelefon"),
    aliases: ["Mobile", "Mobiltelefonnr.", "Mobilnr."],
  },
  address: { label: fieldLabel("Address", "Adresse") },
  address2: { label: fieldLabel("Address 2", "Adresse 2") },
  postCode: { label: fieldLabel("Post Code", "Postnr."), aliases: ["Postnummer", "ZIP Code"] },
  city: { label: fieldLabel("City", "By") },
  county: { label: fieldLabel("County", "Amt") },
  countryRegionCode: {
    label: fieldLabel("Country/Region Code", "Lande-/områdekode"),
    aliases: ["Country", "Land", "Land/område", "Land-/områdekode"],
  },
  salespersonCode: { label: fieldLabel("Salesperson Code", "Sælgerkode") },
  territoryCode: { label: fieldLabel("Territory Code", "Distriktskode") },
  languageCode: { label: fieldLabel("Language Code", "Sprogkode"), aliases: ["Language", "Sprog"] },
  correspondenceType: { label: fieldLabel("Correspondence Type", "Korrespondancetype") },
  emailOptOut: {
    label: fieldLabel("E-mail Opt-out", "Fravalgt e-mail"),
    aliases: ["E-Mail Opt-Out", "Email Opt Out", "Fravalg af e-mail", "Ingen e-mail"],
  },
  excludeFromSegments: {
    label: fieldLabel("Exclude from Segments", "Udelad fra målgrupper"),
    aliases: ["Undtag fra målgrupper"],
  },
  mailingGroups: { label: fieldLabel("Mailing Groups", "Mailinggrupper") },
  industryGroups: { label: fieldLabel("Industry Groups", "Brancher"), aliases: ["Branchegrupper"] },
  businessRelations: { label: fieldLabel("Business Relations", "Forretningsrelationer") },
  jobResponsibilities: { label: fieldLabel("Job Responsibilities", "Ansvarsområder") },
  emailDomain: { label: fieldLabel("E-Mail Domain", "E-maildomæne") },
  createdAt: { label: fieldLabel("Created", "Oprettet") },
  modifiedAt: { label: fieldLabel("Modified", "Ændret") },
};
