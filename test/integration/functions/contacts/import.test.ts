import { ContactCreate, type Contact } from "@shared/model/contact";
import { ContactImportResult } from "@shared/model/contact-import";
import { writeCandidates } from "../../../../functions/contacts/import/write-contacts";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { setUpCodesOf } from "../../harness/contact-code-setup";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

/** Every contact of a tenant through the list endpoint, page by page. */
const listAll = async (tenant: string): Promise<Contact[]> => {
  const all: Contact[] = [];
  let token: string | undefined;
  do {
    const page = await api.call(
      "GET",
      `/api/contacts?top=500${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
      { tenant },
    );
    expect(page.status).toBe(200);
    all.push(...page.json.items);
    token = page.json.continuationToken;
  } while (token);
  return all;
};

const importCsv = (tenant: string, body: Record<string, unknown>) =>
  api.call("POST", "/api/contacts/import", { tenant, body });

/** Problems reduced to what the tests check by hand: row, status, and each error's field and rule. */
const summary = (result: ContactImportResult) =>
  result.problems.map((p) => ({
    row: p.row,
    status: p.status,
    errors: p.errors.map((e) => `${e.field}:${e.rule}`),
  }));

describe("POST /api/contacts/import", () => {
  it("imports the good rows and reports each bad or duplicate row with its row, field and rule", async () => {
    const tenant = "import-mixed";
    expect(
      (
        await api.call("POST", "/api/salespeople", {
          tenant,
          body: { code: "JR", name: "Jens Rasmussen" },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.call("POST", "/api/contacts", {
          tenant,
          body: { no: "KT900100", type: "company", name: "Eksisterende A/S" },
        })
      ).status,
    ).toBe(201);
    await setUpCodesOf(api, [{ mailingGroups: ["NEWS", "EVENTS"] }], { tenant });
    expect(
      (
        await api.call("POST", "/api/contacts", {
          tenant,
          body: { no: "KT900101", type: "person", name: "Taken Person", email: "taken@example.dk" },
        })
      ).status,
    ).toBe(201);

    const csv = [
      "No.,Type,Name,Company No.,E-Mail,Salesperson Code,Mailing Groups,Exclude from Segments",
      "KT100001,Company,Nordlys A/S,,info@nordlys.dk,jr,news|events,no", // 1 ok; codes upper-cased
      "KT100002,Person,Anna Berg,KT100001,anna@nordlys.dk,,NEWS,yes", // 2 ok; company in the file
      "KT100003,Person,Bo Ek,KT900100,bo@eksisterende.dk,,,", // 3 ok; company in the store
      "KT100004,Person,,KT100001,nn@nordlys.dk,,,", // 4 invalid: name required
      "KT100005,Person,Carl Dahl,KT999999,carl@x.dk,,,", // 5 invalid: company does not exist
      "KT100006,Person,Dora Eng,,not-an-email,,,", // 6 invalid: e-mail format
      "KT100001,Person,Erik Fors,,erik@x.dk,,,", // 7 duplicate No. of row 1
      "KT100008,Person,Frida Gran,,ANNA@nordlys.dk,,,", // 8 duplicate e-mail of row 2 (case-insensitive)
      "KT900101,Person,Gustav Holm,,gustav@x.dk,,,", // 9 duplicate No. in the store
      ",Person,Hanne Is,,TAKEN@example.dk,,,", // 10 duplicate e-mail in the store
      "KT100011,Person,Ib Juhl,,ib@x.dk,XX,,", // 11 invalid: salesperson does not exist
      "KT100012,Company,Jens Kro ApS,,,,,maybe", // 12 invalid: not a yes/no
      "KT100013,Company,Kirsten Lund ApS,KT100001,,,,", // 13 invalid: a company has no company
      ",Person,Lars Mo,KT100001,lars@nordlys.dk,,,", // 14 ok; No. from the series
    ].join("\n");

    const response = await importCsv(tenant, { csv });
    expect(response.status).toBe(200);
    const result = ContactImportResult.parse(response.json);
    expect({
      rows: result.rows,
      imported: result.imported,
      invalid: result.invalid,
      duplicates: result.duplicates,
      dryRun: result.dryRun,
    }).toEqual({
      rows: 14,
      imported: 4,
      invalid: 6,
      duplicates: 4,
      dryRun: false,
    });
    expect(summary(result)).toEqual([
      { row: 4, status: "invalid", errors: ["name:required"] },
      { row: 5, status: "invalid", errors: ["companyNo:exists"] },
      { row: 6, status: "invalid", errors: ["email:invalid_format"] },
      { row: 7, status: "duplicate", errors: ["no:unique"] },
      { row: 8, status: "duplicate", errors: ["email:unique"] },
      { row: 9, status: "duplicate", errors: ["no:unique"] },
      { row: 10, status: "duplicate", errors: ["email:unique"] },
      { row: 11, status: "invalid", errors: ["salespersonCode:exists"] },
      { row: 12, status: "invalid", errors: ["excludeFromSegments:invalid_value"] },
      { row: 13, status: "invalid", errors: ["companyNo:contactType"] },
    ]);
    const byRow = new Map(result.problems.map((p) => [p.row, p]));
    expect(byRow.get(7)?.errors[0]?.message).toContain("row 1");
    expect(byRow.get(10)?.errors[0]?.message).toContain("KT900101");
    // The message names the CSV column, the field names the contact field.
    expect(byRow.get(6)?.errors[0]?.message).toContain('column "E-Mail"');
    expect(byRow.get(12)?.errors[0]?.message).toContain('column "Exclude from Segments"');
    expect(
      result.problems.every((p) => p.errors.every((e) => e.row === p.row && e.in === "body")),
    ).toBe(true);
    expect(result.mapping).toEqual({
      "No.": "no",
      Type: "type",
      Name: "name",
      "Company No.": "companyNo",
      "E-Mail": "email",
      "Salesperson Code": "salespersonCode",
      "Mailing Groups": "mailingGroups",
      "Exclude from Segments": "excludeFromSegments",
    });

    const stored = await listAll(tenant);
    expect(stored.map((c) => c.no).sort()).toEqual([
      "KT100001",
      "KT100002",
      "KT100003",
      "KT100007",
      "KT900100",
      "KT900101",
    ]);
    const nordlys = stored.find((c) => c.no === "KT100001");
    expect(nordlys).toMatchObject({
      type: "company",
      salespersonCode: "JR",
      mailingGroups: ["NEWS", "EVENTS"],
      excludeFromSegments: false,
      searchName: "NORDLYS A/S",
    });
    expect(nordlys?.createdBy).toBe("alice@a.example");
    expect(stored.find((c) => c.no === "KT100002")).toMatchObject({
      companyNo: "KT100001",
      excludeFromSegments: true,
    });
    // The series moved past the file's KT100003, then skipped KT100004-6 that rows 4-6 claim.
    expect(stored.find((c) => c.name === "Lars Mo")?.no).toBe("KT100007");
    const next = await api.call("POST", "/api/contacts", {
      tenant,
      body: { type: "person", name: "After Import" },
    });
    expect(next.json.no).toBe("KT100008");
  });

  it("reads the Danish Excel flavour: BOM, semicolons, CRLF, Danish headers, Ja/Nej, æøå", async () => {
    const tenant = "import-danish";
    expect(
      (
        await api.call("POST", "/api/salespeople", {
          tenant,
          body: { code: "SØREN", name: "Søren Ørsted" },
        })
      ).status,
    ).toBe(201);
    const csv =
      "\uFEFF" +
      [
        "Nr.;Navn;Type;Firmanr.;Adresse;Adresse 2;Postnr.;By;Land/område;Telefon;Mobiltelefon;E-mail;Sælgerkode;Distriktskode;Sprogkode;Korrespondancetype;Udelad fra målgrupper;Stilling;Fornavn;Efternavn",
        "KT200001;Æblegården ApS;Virksomhed;;Østergade 1;2. sal;8000;Århus C;dk;+45 86 12 34 56;;info@aeblegaarden.dk;søren;øst;DAN;Papirkopi;Nej;;;",
        "KT200002;Søren Ærø;Person;KT200001;Åvej 2;;8000;Århus C;DK;;+45 20 30 40 50;soeren@aeblegaarden.dk;;;da-DK;E-mail;Ja;Indkøbschef;Søren;Ærø",
        "",
        "KT200003;Bjørn Ødegård;Person;;;;;Aalborg;NO;;;;;;NOR;;Nej;;Bjørn;Ødegård",
      ].join("\r\n") +
      "\r\n";
    const response = await api.call("POST", "/api/contacts/import", {
      tenant,
      rawBody: { contentType: "text/csv", text: csv },
    });
    expect(response.status).toBe(200);
    const result = ContactImportResult.parse(response.json);
    expect(summary(result)).toEqual([]);
    expect(result).toMatchObject({ rows: 3, imported: 3, invalid: 0, duplicates: 0 });
    expect(result.mapping["Land/område"]).toBe("countryRegionCode");
    expect(result.mapping["Udelad fra målgrupper"]).toBe("excludeFromSegments");

    const stored = new Map((await listAll(tenant)).map((c) => [c.no, c]));
    expect(stored.get("KT200001")).toMatchObject({
      name: "Æblegården ApS",
      type: "company",
      address: "Østergade 1",
      address2: "2. sal",
      postCode: "8000",
      city: "Århus C",
      countryRegionCode: "DK",
      phone: "+45 86 12 34 56",
      email: "info@aeblegaarden.dk",
      salespersonCode: "SØREN",
      territoryCode: "ØST",
      languageCode: "da-DK",
      correspondenceType: "hardCopy",
      excludeFromSegments: false,
      searchName: "ÆBLEGÅRDEN APS",
    });
    expect(stored.get("KT200002")).toMatchObject({
      type: "person",
      companyNo: "KT200001",
      mobile: "+45 20 30 40 50",
      languageCode: "da-DK",
      correspondenceType: "email",
      excludeFromSegments: true,
      jobTitle: "Indkøbschef",
      firstName: "Søren",
      surname: "Ærø",
    });
    expect(stored.get("KT200003")).toMatchObject({
      name: "Bjørn Ødegård",
      countryRegionCode: "NO",
      languageCode: "nb-NO",
    });
  });

  it("reports row numbers that count blank lines, like the spreadsheet does", async () => {
    const response = await importCsv("import-rownumbers", {
      csv: "Name;E-Mail\nA;a@x.dk\n\n;;\nB;bad\n",
    });
    const result = ContactImportResult.parse(response.json);
    expect(result.rows).toBe(2);
    expect(summary(result)).toEqual([
      { row: 4, status: "invalid", errors: ["email:invalid_format"] },
    ]);
  });

  it("reads quoted cells with delimiters, doubled quotes and line breaks", async () => {
    const tenant = "import-quoted";
    const csv = [
      "No.;Name;Address;Address 2;City",
      'KT300001;"Hansen; Jensen & Co";"Vestergade 1, 2. th.";"c/o ""Lille"" Jens";"Kø',
      'benhavn"',
      'KT300002;"Multi',
      'line name";"";;Odense',
    ].join("\r\n");
    const response = await importCsv(tenant, { csv, defaultType: "company" });
    const result = ContactImportResult.parse(response.json);
    expect(summary(result)).toEqual([]);
    expect(result.imported).toBe(2);
    const stored = new Map((await listAll(tenant)).map((c) => [c.no, c]));
    expect(stored.get("KT300001")).toMatchObject({
      type: "company",
      name: "Hansen; Jensen & Co",
      address: "Vestergade 1, 2. th.",
      address2: 'c/o "Lille" Jens',
      city: "Kø\r\nbenhavn",
    });
    expect(stored.get("KT300002")).toMatchObject({ name: "Multi\r\nline name", city: "Odense" });
    expect(stored.get("KT300002")?.address).toBeUndefined();
  });

  it("takes a text/csv body with its options in the query string", async () => {
    const tenant = "import-textcsv";
    const mapping = encodeURIComponent(
      JSON.stringify({ Kundenavn: "name", Segment: "custom.segment", Intern: "" }),
    );
    const csv =
      "Kundenavn\tSegment\tIntern\tTelefon\nAlfa A/S\tA\themmelig\t'+45 70 10 20 30\nBeta ApS\t42\t\t\n";
    const response = await api.call(
      "POST",
      `/api/contacts/import?mapping=${mapping}&delimiter=%09&defaultType=company&dryRun=false`,
      {
        tenant,
        rawBody: { contentType: "text/csv", text: csv },
      },
    );
    expect(response.status).toBe(200);
    const result = ContactImportResult.parse(response.json);
    expect(result).toMatchObject({ rows: 2, imported: 2, dryRun: false });
    expect(result.mapping).toEqual({
      Kundenavn: "name",
      Segment: "custom.segment",
      Intern: "",
      Telefon: "phone",
    });
    const stored = await listAll(tenant);
    expect(stored.map((c) => [c.name, c.type, c.customFields, c.phone])).toEqual([
      ["Alfa A/S", "company", { segment: "A" }, "+45 70 10 20 30"],
      ["Beta ApS", "company", { segment: 42 }, undefined],
    ]);
    expect(stored.every((c) => /^KT\d{6}$/.test(c.no))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain("hemmelig");
  });

  it("lets a mapping override the automatic one and fill custom fields", async () => {
    const tenant = "import-mapping";
    const csv = "Name,City,Firma,Kundetype,Points\nAnna,Aarhus,Should not be the name,Guld,12.5\n";
    const response = await importCsv(tenant, {
      csv,
      // City would auto-map; here it is ignored. Name is still mapped automatically.
      mapping: { City: "", Kundetype: "custom.tier", Points: "custom.points" },
    });
    const result = ContactImportResult.parse(response.json);
    expect(result.mapping).toEqual({
      Name: "name",
      City: "",
      Firma: "",
      Kundetype: "custom.tier",
      Points: "custom.points",
    });
    expect(result.imported).toBe(1);
    const [anna] = await listAll(tenant);
    expect(anna).toMatchObject({ name: "Anna", customFields: { tier: "Guld", points: 12.5 } });
    expect(anna?.city).toBeUndefined();
  });

  it("writes nothing on a dry run but reports what would happen", async () => {
    const tenant = "import-dryrun";
    const csv = "No.,Name,E-Mail\nKT400001,Ok One,one@x.dk\n,Ok Two,two@x.dk\nKT400003,Bad,bad\n";
    const response = await importCsv(tenant, { csv, dryRun: true });
    const result = ContactImportResult.parse(response.json);
    expect(result).toMatchObject({ rows: 3, imported: 2, invalid: 1, duplicates: 0, dryRun: true });
    expect(summary(result)).toEqual([
      { row: 3, status: "invalid", errors: ["email:invalid_format"] },
    ]);
    expect(await listAll(tenant)).toEqual([]);
    // Not even a number was reserved: the first contact gets the series' first number.
    expect(
      (await api.call("POST", "/api/contacts", { tenant, body: { type: "person", name: "First" } }))
        .json.no,
    ).toBe("KT000001");
  });

  it("imports the same file twice without doubling anything", async () => {
    const tenant = "import-twice";
    const csv =
      "No.,Name,E-Mail,Type\nKT500001,Første A/S,first@x.dk,company\n,Anden Person,second@x.dk,person\nKT500003,Tredje Person,,person\n";
    const first = ContactImportResult.parse((await importCsv(tenant, { csv })).json);
    expect(first).toMatchObject({ rows: 3, imported: 3, duplicates: 0 });
    expect(await listAll(tenant)).toHaveLength(3);

    const second = ContactImportResult.parse((await importCsv(tenant, { csv })).json);
    expect(second).toMatchObject({ rows: 3, imported: 0, invalid: 0, duplicates: 3 });
    expect(summary(second)).toEqual([
      { row: 1, status: "duplicate", errors: ["no:unique", "email:unique"] },
      { row: 2, status: "duplicate", errors: ["email:unique"] },
      { row: 3, status: "duplicate", errors: ["no:unique"] },
    ]);
    expect(await listAll(tenant)).toHaveLength(3);
  });

  it("skips series numbers that contacts created without the series already use", async () => {
    const tenant = "import-series";
    // Created with explicit Nos., which leaves the series untouched: it would start at KT000001.
    for (const no of ["KT000001", "KT000002"]) {
      expect(
        (
          await api.call("POST", "/api/contacts", {
            tenant,
            body: { no, type: "person", name: `Seed ${no}` },
          })
        ).status,
      ).toBe(201);
    }
    const result = ContactImportResult.parse(
      (await importCsv(tenant, { csv: "Name\nNew One\nNew Two\nNew Three\n" })).json,
    );
    expect(result.imported).toBe(3);
    const nos = (await listAll(tenant))
      .filter((c) => c.name.startsWith("New"))
      .map((c) => c.no)
      .sort();
    expect(nos).toEqual(["KT000003", "KT000004", "KT000005"]);
  });

  it("accepts a person whose company is a company row later in the same file", async () => {
    const tenant = "import-company-later";
    const csv =
      "No.;Type;Name;Company No.\nKT600002;Person;Pia Person;KT600001\nKT600001;Virksomhed;Firma A/S;\nKT600003;Person;Per Person;KT600004\nKT600004;Person;Not A Company;\n";
    const result = ContactImportResult.parse((await importCsv(tenant, { csv })).json);
    expect(summary(result)).toEqual([{ row: 3, status: "invalid", errors: ["companyNo:exists"] }]);
    expect(result.imported).toBe(3);
    expect((await listAll(tenant)).find((c) => c.no === "KT600002")?.companyNo).toBe("KT600001");
  });

  it("strips the apostrophe the export puts before formula characters, and only that one", async () => {
    const tenant = "import-apostrophe";
    const csv = "No.;Name;Phone No.;Address\nKT700001;'=Not a formula;'+45 11 22 33 44;'Kanten\n";
    const result = ContactImportResult.parse(
      (await importCsv(tenant, { csv, defaultType: "company" })).json,
    );
    expect(summary(result)).toEqual([]);
    const [stored] = await listAll(tenant);
    expect(stored).toMatchObject({
      name: "=Not a formula",
      phone: "+45 11 22 33 44",
      address: "'Kanten",
    });
  });

  it("reads Business Central language codes and BCP 47 tags in any case", async () => {
    const tenant = "import-languages";
    const csv =
      "Name,Language Code\nA,DAN\nB,enu\nC,ENG\nD,sve\nE,NOR\nF,DEU\nG,NLD\nH,da-dk\nI,en_US\n";
    const result = ContactImportResult.parse((await importCsv(tenant, { csv })).json);
    expect(summary(result)).toEqual([]);
    const byName = Object.fromEntries((await listAll(tenant)).map((c) => [c.name, c.languageCode]));
    expect(byName).toEqual({
      A: "da-DK",
      B: "en-US",
      C: "en-GB",
      D: "sv-SE",
      E: "nb-NO",
      F: "de-DE",
      G: "nl-NL",
      H: "da-DK",
      I: "en-US",
    });
  });

  it("reports a No. that someone else created after the checks as a duplicate, and writes the rest", async () => {
    const tenant = "import-race";
    // The other request wins the race for KT800002 between this import's checks and its write.
    expect(
      (
        await api.call("POST", "/api/contacts", {
          tenant,
          body: { no: "KT800002", type: "person", name: "Quicker" },
        })
      ).status,
    ).toBe(201);
    const identity = {
      tenantId: asTenantId(tenant),
      userId: "alice@a.example",
      userName: "Alice",
      roles: [],
    };
    const candidates = ["KT800001", "KT800002", "KT800003"].map((no, i) => ({
      row: i + 1,
      contact: ContactCreate.parse({ no, type: "person", name: `Row ${no}` }),
    }));
    const written = await writeCandidates(api.deps, identity, candidates, {
      nosInFile: new Set(),
      companyNames: new Map(),
      importedRows: new Map(),
    });
    expect(written.imported).toBe(2);
    expect(written.problems).toEqual([
      {
        row: 2,
        no: "KT800002",
        status: "duplicate",
        errors: [expect.objectContaining({ field: "no", rule: "unique", row: 2 })],
      },
    ]);
    const stored = await listAll(tenant);
    expect(stored.map((c) => [c.no, c.name])).toEqual([
      ["KT800001", "Row KT800001"],
      ["KT800002", "Quicker"],
      ["KT800003", "Row KT800003"],
    ]);
  });
});
