import { contactFields } from "@shared/criteria/fields";
import { contactFieldCatalog } from "@shared/fields/contact-field-catalog";
import { letterFieldCatalog } from "@shared/fields/letter-field-catalog";
import { letterValues, mergeFields } from "@shared/letter/merge-fields";
import {
  columnFields,
  contactColumns,
  fieldForHeader,
} from "../../../../functions/contacts/import/contact-columns";

describe("the field catalog", () => {
  it("names a field once: criteria, letters and CSV columns show the catalog's label", () => {
    const { label } = contactFieldCatalog.jobTitle;
    expect(label).toEqual({ "en-US": "Job Title", "da-DK": "Stilling" });
    expect(contactFields["jobTitle"]?.label).toBe(label);
    expect(mergeFields.find((f) => f.name === "Job Title")?.label).toBe(label);
    expect(contactColumns.jobTitle.caption).toBe(label["en-US"]);
    expect(fieldForHeader(label["da-DK"])).toBe("jobTitle");
  });

  it("gives every criteria field the catalog's label", () => {
    for (const field of Object.values(contactFields)) {
      const entry = contactFieldCatalog[field.name as keyof typeof contactFieldCatalog];
      expect([field.name, field.label]).toEqual([field.name, entry.label]);
    }
  });

  it("heads every CSV column with the English label and reads it under either label", () => {
    for (const field of columnFields) {
      const { label } = contactFieldCatalog[field];
      expect([field, contactColumns[field].caption]).toEqual([field, label["en-US"]]);
      expect([label["da-DK"], fieldForHeader(label["da-DK"])]).toEqual([label["da-DK"], field]);
    }
  });

  it("reads a CSV column headed by the field's name in letters", () => {
    expect(fieldForHeader("Contact No.")).toBe("no");
    expect(fieldForHeader("Kontaktnr.")).toBe("no");
  });

  it("names each letter field once, the contact's fields under their own labels", () => {
    const names = letterFieldCatalog.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const field of letterFieldCatalog) {
      if (field.contactField === undefined || field.contactField === "no") continue;
      expect([field.name, field.label]).toEqual([
        contactFieldCatalog[field.contactField].label["en-US"],
        contactFieldCatalog[field.contactField].label,
      ]);
    }
  });

  it("fills every letter field: the contact's from the contact, the others from the letter's data", () => {
    const values = letterValues({
      contact: { no: "KT1", name: "Anna Holm", jobTitle: "Indkøber", companyName: "Nord A/S" },
      segment: { no: "M1", description: "Forår" },
      today: "2026-03-01",
    });
    expect(Object.keys(values)).toEqual(letterFieldCatalog.map((f) => f.name));
    expect(values).toMatchObject({
      "Contact No.": "KT1",
      Name: "Anna Holm",
      "Job Title": "Indkøber",
      "Company Name": "Nord A/S",
      Description: "Forår",
      "Segment No.": "M1",
      Today: "2026-03-01",
      Salutation: null,
    });
  });

  it("gives a company contact's letter its own name and address as the company's, as Business Central does", () => {
    const values = letterValues({
      contact: {
        no: "KT10",
        type: "company",
        name: "Nord A/S",
        address: "Havnegade 1",
        postCode: "8000",
        city: "Aarhus C",
        phone: "+45 11 22 33 44",
        email: "info@nord.dk",
      },
      today: "2026-03-01",
    });
    expect(values).toMatchObject({
      "Company Name": "Nord A/S",
      "Company Address": "Havnegade 1",
      "Company Post Code": "8000",
      "Company City": "Aarhus C",
      "Company Phone No.": "+45 11 22 33 44",
      "Company E-Mail": "info@nord.dk",
    });
  });

  it("leaves a person without a company without company values", () => {
    const values = letterValues({
      contact: { no: "KT11", type: "person", name: "Anna Holm", address: "Vej 2" },
      today: "2026-03-01",
    });
    expect(values["Company Name"]).toBeNull();
    expect(values["Company Address"]).toBeNull();
  });
});
