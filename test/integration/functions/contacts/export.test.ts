import { parse } from "csv-parse/sync";
import type { Contact } from "@shared/model/contact";
import { ContactImportResult } from "@shared/model/contact-import";
import { withoutStamp } from "../../../../functions/audit/stamp";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { setUpCodesOf } from "../../harness/contact-code-setup";

let api: ApiHarness;
const source = "export-source";

const contacts = [
  {
    no: "KT800001",
    type: "company",
    name: '=HYPERLINK("http://evil.example","Klik")',
    phone: "+45 33 12 34 56",
    email: "info@formel.dk",
    address: 'Vestergade 1; "Gården"',
    address2: "Bagindgang\r\n2. sal",
    postCode: "8000",
    city: "Aarhus C",
    countryRegionCode: "DK",
    salespersonCode: "JR",
    languageCode: "da-DK",
    correspondenceType: "email",
    mailingGroups: ["NEWS", "EVENTS"],
    industryGroups: ["IT"],
    businessRelations: ["CUST", "PARTNER"],
    customFields: { tier: "Guld", points: 12, vip: true },
  },
  {
    no: "KT800002",
    type: "person",
    name: "@SUM(1+1)",
    companyNo: "KT800001",
    firstName: "Søren",
    middleName: "Å.",
    surname: "Ærø",
    jobTitle: "-Indkøbschef",
    salutation: "Kære Søren",
    mobile: "+45 20 30 40 50",
    city: "Aarhus C",
    county: "Midtjylland",
    territoryCode: "ØST",
    excludeFromSegments: true,
    jobResponsibilities: ["PURCHASE"],
    customFields: { points: -5, note: "'=already quoted" },
  },
  {
    no: "KT800003",
    type: "person",
    name: "Odense Person",
    searchName: "ODENSE SPECIAL",
    city: "Odense C",
    email: "o@x.dk",
    correspondenceType: "hardCopy",
  },
  {
    no: "KT800004",
    type: "company",
    name: "Tom Virksomhed ApS",
    city: "Odense C",
    customFields: { tier: " leading space" },
  },
  {
    // Formulas behind a separator: safe only if every reader's field start is guarded.
    no: "KT800005",
    type: "person",
    name: "x,=cmd|' /C calc'!A0",
    jobTitle: "Salg - Nord",
    address: "Vej 1;@SUM(A1)",
    city: "Odense C",
  },
] as const;

beforeAll(async () => {
  api = await startApi();
  expect(
    (
      await api.call("POST", "/api/salespeople", {
        tenant: source,
        body: { code: "JR", name: "Jens Rasmussen" },
      })
    ).status,
  ).toBe(201);
  await setUpCodesOf(api, contacts, { tenant: source });
  for (const body of contacts)
    expect((await api.call("POST", "/api/contacts", { tenant: source, body })).status).toBe(201);
});
afterAll(() => api.close());

const exportCsv = (query = "", tenant = source) =>
  api.call("GET", `/api/contacts/export${query}`, { tenant });

/** The CSV's records as cell arrays, read by an independent parser. */
const records = (text: string, delimiter = ";"): string[][] =>
  parse(text, { bom: true, delimiter, relax_column_count: false });

const listAll = async (tenant: string): Promise<Contact[]> =>
  (await api.call("GET", "/api/contacts?top=500", { tenant })).json.items;

/** A contact without what the server stamps per write. */
const comparable = (contact: Contact) => withoutStamp(contact);

describe("GET /api/contacts/export", () => {
  it("answers an attachment in UTF-8 with BOM, CRLF and ; by default", async () => {
    const response = await exportCsv();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, "");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="contacts-${today}.csv"`,
    );
    const text = response.text;
    expect(text.startsWith("\uFEFFNo.;Type;Name;Search Name;Company No.;")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // Every line break outside quoted cells is CRLF.
    expect(text.replace(/"[^"]*"/g, "").match(/(?<!\r)\n/g)).toBeNull();
    const [header, ...rows] = records(text);
    // The union of the exported contacts' custom fields, after the standard columns.
    expect(header?.slice(-4)).toEqual([
      "custom.note",
      "custom.points",
      "custom.tier",
      "custom.vip",
    ]);
    expect(rows.map((r) => r[0])).toEqual([
      "KT800001",
      "KT800002",
      "KT800003",
      "KT800004",
      "KT800005",
    ]);
  });

  it("writes , when asked", async () => {
    const text = (await exportCsv("?delimiter=,")).text;
    expect(text.startsWith("\uFEFFNo.,Type,Name,Search Name,")).toBe(true);
    expect(records(text, ",")).toHaveLength(6);
  });

  it("applies the list endpoint's filters", async () => {
    const column = (text: string, name: string) => {
      const [header, ...rows] = records(text);
      const i = (header ?? []).indexOf(name);
      return rows.map((r) => r[i]);
    };
    expect(column((await exportCsv("?city=Aarhus%20C")).text, "No.")).toEqual([
      "KT800001",
      "KT800002",
    ]);
    expect(column((await exportCsv("?type=company")).text, "No.")).toEqual([
      "KT800001",
      "KT800004",
    ]);
    expect(column((await exportCsv("?companyNo=KT800001")).text, "No.")).toEqual(["KT800002"]);
    expect(column((await exportCsv("?mailingGroup=EVENTS")).text, "No.")).toEqual(["KT800001"]);
    expect(column((await exportCsv("?excludeFromSegments=true")).text, "No.")).toEqual([
      "KT800002",
    ]);
    expect(column((await exportCsv("?search=odense&orderBy=name")).text, "No.")).toEqual([
      "KT800003",
    ]);
    // Only the custom fields of the exported contacts become columns.
    const [header] = records((await exportCsv("?city=Odense%20C")).text);
    expect(header?.filter((h) => h.startsWith("custom."))).toEqual(["custom.tier"]);
    // Nothing matches: the header alone.
    expect(records((await exportCsv("?city=Nowhere")).text)).toHaveLength(1);
  });

  it("refuses an unknown filter like the list endpoint does", async () => {
    const response = await exportCsv("?top=10");
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      expect.objectContaining({ in: "query", field: "top", rule: "unknown_field" }),
    ]);
  });

  it("puts an apostrophe before every cell a spreadsheet would run as a formula", async () => {
    const [header, ...rows] = records((await exportCsv()).text);
    const cell = (no: string, name: string) =>
      rows.find((r) => r[0] === no)?.[(header ?? []).indexOf(name)];
    expect(cell("KT800001", "Name")).toBe(`'=HYPERLINK("http://evil.example","Klik")`);
    expect(cell("KT800001", "Phone No.")).toBe("'+45 33 12 34 56");
    expect(cell("KT800002", "Name")).toBe("'@SUM(1+1)");
    expect(cell("KT800002", "Job Title")).toBe("'-Indkøbschef");
    expect(cell("KT800002", "custom.points")).toBe("'-5");
    expect(cell("KT800002", "custom.note")).toBe("''=already quoted");
    // And wherever a reader with another delimiter would start a field.
    expect(cell("KT800005", "Name")).toBe("x,'=cmd|' /C calc'!A0");
    expect(cell("KT800005", "Job Title")).toBe("Salg '- Nord");
    expect(cell("KT800005", "Address")).toBe("Vej 1;'@SUM(A1)");
    // Cells that are safe are left alone, lists are joined with |.
    expect(cell("KT800001", "Address")).toBe('Vestergade 1; "Gården"');
    expect(cell("KT800001", "Mailing Groups")).toBe("NEWS|EVENTS");
    expect(cell("KT800001", "custom.vip")).toBe("true");
    // No cell of the raw file starts with a formula character.
    const raw = records((await exportCsv()).text).flat();
    expect(raw.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it.each([",", "\t", " ", "|", ":"])(
    "the ; export read with %j as the delimiter starts no field with a formula character",
    async (reader) => {
      const text = (await exportCsv()).text;
      const fields = parse(text, {
        bom: true,
        delimiter: reader,
        relax_quotes: true,
        relax_column_count: true,
        quote: false,
      }) as string[][];
      const dangerous = fields.flat().filter((c) => /^[=+\-@\t\r]/.test(c.replace(/^[ "]+/, "")));
      expect(dangerous).toEqual([]);
    },
  );

  it.each([";", ","])(
    "round-trips through import into another tenant unchanged (delimiter %s)",
    async (delimiter) => {
      const target = `export-target-${delimiter === ";" ? "semicolon" : "comma"}`;
      expect(
        (
          await api.call("POST", "/api/salespeople", {
            tenant: target,
            body: { code: "JR", name: "Jens Rasmussen" },
          })
        ).status,
      ).toBe(201);
      await setUpCodesOf(api, contacts, { tenant: target });
      const csv = (await exportCsv(`?delimiter=${encodeURIComponent(delimiter)}`)).text;

      const imported = await api.call("POST", "/api/contacts/import", {
        tenant: target,
        rawBody: { contentType: "text/csv", text: csv },
      });
      expect(imported.status).toBe(200);
      const result = ContactImportResult.parse(imported.json);
      expect(result.problems).toEqual([]);
      expect(result.imported).toBe(contacts.length);
      expect(Object.values(result.mapping).filter((t) => t === "")).toEqual([]);

      const before = (await listAll(source)).map(comparable);
      const after = (await listAll(target)).map(comparable);
      expect(after).toEqual(before);
      expect(after).toHaveLength(contacts.length);
    },
  );
});
