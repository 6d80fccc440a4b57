/**
 * The names other data sources give Mergeline's fields, for Match Fields' suggestions. Word's
 * Match Fields dialog offers its address fields (Courtesy Title, First Name, Last Name, Company,
 * Address 1, Postal Code, E-mail Address...) and its own "New Address List" names the columns
 * Title, First Name, Last Name, Company Name, Address Line 1, ZIP Code, E-mail Address; Danish
 * Word says Titel, Fornavn, Efternavn, Firmanavn, Adresselinje 1, Postnummer, Mailadresse. A
 * MERGEFIELD carries such a name with underscores (First_Name, Address_Line_1). Keys are
 * Mergeline's letter field names (shared/fields/letter-field-catalog.ts); names compare as
 * field-matching.ts's matchKey does (case, spaces, punctuation ignored).
 */
export const fieldSynonyms: Readonly<Record<string, readonly string[]>> = {
  Salutation: ["Courtesy Title", "Title", "Titel", "Høflig titel", "Anrede"],
  "First Name": ["Given Name", "Fornavn", "Forename", "Vorname"],
  "Middle Name": ["Mellemnavn"],
  Surname: ["Last Name", "Family Name", "Efternavn", "Nachname"],
  Name: ["Full Name", "Display Name", "Fulde navn", "Kontaktnavn", "Contact Name"],
  "Job Title": ["Position", "Stilling", "Titel (job)"],
  "Company Name": ["Company", "Organization", "Firma", "Firmanavn", "Virksomhed"],
  Address: [
    "Address 1",
    "Address Line 1",
    "Street",
    "Street Address",
    "Adresse 1",
    "Adresselinje 1",
    "Gade",
    "Vej",
  ],
  "Address 2": ["Address Line 2", "Adresse 2", "Adresselinje 2"],
  "Post Code": ["Postal Code", "ZIP", "ZIP Code", "Postcode", "Postnummer", "Postnr", "PLZ"],
  City: ["Town", "By", "Postdistrikt", "Bynavn", "Ort"],
  County: ["State", "Province", "Region", "Område", "Amt"],
  "Country/Region Code": ["Country or Region", "Country", "Land", "Land eller område"],
  "E-Mail": [
    "E-mail Address",
    "Email Address",
    "Mail",
    "Mailadresse",
    "Mail-adresse",
    "E-mail-adresse",
  ],
  "Phone No.": [
    "Business Phone",
    "Work Phone",
    "Phone",
    "Telephone",
    "Telefon",
    "Telefonnummer",
    "Arbejdstelefon",
    "Telefon (arbejde)",
  ],
  "Mobile Phone No.": ["Mobile Phone", "Mobile", "Cell Phone", "Mobil", "Mobiltelefon"],
  Today: ["Date", "Dato", "Dags dato"],
};
