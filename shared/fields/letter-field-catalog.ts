import type { z } from "zod";
import type { Contact } from "../model/contact";
import type { MergeFieldInfo } from "../model/merge-job";
import { contactFieldCatalog, type StoredContactField } from "./contact-field-catalog";
import { fieldLabel, type FieldLabel } from "./field-label";

export type LetterFieldGroup = z.infer<typeof MergeFieldInfo>["group"];

/** The contact's own fields a letter can show: those holding one value each. */
export type LetterContactField = {
  [K in StoredContactField]: Contact[K] extends string | undefined ? K : never;
}[StoredContactField];

interface LetterFieldBase {
  /**
   * What a content control's tag or a MERGEFIELD says: Business Central's Word merge names, so
   * letters written for it ("Company Name", "Post Code") work as they are.
   */
  readonly name: string;
  readonly group: LetterFieldGroup;
  readonly label: FieldLabel;
}

/** A letter field showing one of the contact's own fields, or one the letter fills itself. */
export type LetterFieldNames =
  | (LetterFieldBase & { readonly contactField: LetterContactField })
  | (LetterFieldBase & { readonly name: OwnLetterFieldName; readonly contactField?: undefined });

/** A contact field under its own label, named in letters by its English label. */
const fromContact = (field: LetterContactField): LetterFieldNames => {
  const { label } = contactFieldCatalog[field];
  return { name: label["en-US"], group: "contact", label, contactField: field };
};

const own = <const N extends string>(name: N, group: LetterFieldGroup, label: FieldLabel) =>
  ({ name, group, label }) as const;

/** The fields of a letter that are not the contact's own: what the letter's value table fills. */
const ownFields = [
  // Word's Address Block and Greeting Line, as one field each: laid out from the contact's
  // fields by shared/letter (address-lines.ts, greeting-line.ts).
  own("Address Block", "contact", fieldLabel("Address Block", "Adresseblok")),
  own("Greeting Line", "contact", fieldLabel("Greeting Line", "Hilsningslinje")),
  own("Company Name", "company", fieldLabel("Company Name", "Virksomhedsnavn")),
  own("Company Address", "company", fieldLabel("Company Address", "Virksomhedens adresse")),
  own("Company Post Code", "company", fieldLabel("Company Post Code", "Virksomhedens postnr.")),
  own("Company City", "company", fieldLabel("Company City", "Virksomhedens by")),
  own("Company Phone No.", "company", fieldLabel("Company Phone No.", "Virksomhedens telefon")),
  own("Company E-Mail", "company", fieldLabel("Company E-Mail", "Virksomhedens e-mail")),
  own("Description", "line", fieldLabel("Description", "Beskrivelse")),
  own("Subject", "line", fieldLabel("Subject", "Emne")),
  own("Personal Note", "line", fieldLabel("Personal Note", "Personlig note")),
  own("Segment No.", "line", fieldLabel("Segment No.", "Målgruppenr.")),
  own("Campaign", "line", fieldLabel("Campaign", "Kampagne")),
  own(
    "Template Description",
    "template",
    fieldLabel("Interaction Template", "Interaktionsskabelon"),
  ),
  own("Interaction Group", "template", fieldLabel("Interaction Group", "Interaktionsgruppe")),
  own("Salesperson Name", "salesperson", fieldLabel("Salesperson Name", "Sælgers navn")),
  own(
    "Salesperson Job Title",
    "salesperson",
    fieldLabel("Salesperson Job Title", "Sælgers stilling"),
  ),
  own("Salesperson E-Mail", "salesperson", fieldLabel("Salesperson E-Mail", "Sælgers e-mail")),
  own(
    "Salesperson Phone No.",
    "salesperson",
    fieldLabel("Salesperson Phone No.", "Sælgers telefon"),
  ),
  own("Today", "date", fieldLabel("Today's Date", "Dags dato")),
] as const;

export type OwnLetterFieldName = (typeof ownFields)[number]["name"];

/**
 * The fields a letter can use, in the order the pane lists them. The contact number is named
 * "Contact No." in letters, where other numbers (the segment's) stand beside it.
 */
export const letterFieldCatalog: readonly LetterFieldNames[] = [
  {
    name: "Contact No.",
    group: "contact",
    label: fieldLabel("Contact No.", "Kontaktnr."),
    contactField: "no",
  },
  ...(
    [
      "name",
      "salutation",
      "firstName",
      "middleName",
      "surname",
      "jobTitle",
      "address",
      "address2",
      "postCode",
      "city",
      "county",
      "countryRegionCode",
      "email",
      "phone",
      "mobile",
    ] as const
  ).map(fromContact),
  ...ownFields,
];
