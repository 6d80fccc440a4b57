import { Item, Items } from "@azure/cosmos";
import { ContactImportResult } from "@shared/model/contact-import";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { setUpCodesOf } from "../../harness/contact-code-setup";
import { countStored } from "../../harness/stored-documents";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const rowCount = 10_000;

/**
 * 10,000 rows as a marketer's export would have them: one company per ten rows and its persons,
 * half of the rows with a No. and half numbered by the series, every row with an e-mail address.
 */
const bigCsv = (): string => {
  const lines = ["No.;Type;Name;Company No.;E-Mail;Salesperson Code;City;Mailing Groups"];
  for (let i = 1; i <= rowCount; i++) {
    const company = Math.ceil(i / 10) * 10 - 9;
    const isCompany = i === company;
    const no = i % 2 === 1 ? `KT${String(i).padStart(6, "0")}` : "";
    lines.push(
      [
        no,
        isCompany ? "Virksomhed" : "Person",
        `Kontakt ${i}`,
        isCompany ? "" : `KT${String(company).padStart(6, "0")}`,
        `kontakt${i}@example.dk`,
        i % 3 === 0 ? "JR" : "",
        "Aarhus C",
        "NEWS|EVENTS",
      ].join(";"),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
};

/**
 * Counts the store operations (queries, reads, writes, bulk calls) made while `run` runs: the
 * cost that grows with the rows if an import or export goes to the store once per row.
 */
const storeOperations = async <T>(run: () => Promise<T>): Promise<{ value: T; count: number }> => {
  const spies = [
    ...(
      ["query", "readAll", "create", "upsert", "batch", "bulk", "executeBulkOperations"] as const
    ).map((method) => jest.spyOn(Items.prototype, method)),
    ...(["read", "replace", "delete", "patch"] as const).map((method) =>
      jest.spyOn(Item.prototype, method),
    ),
  ];
  try {
    const value = await run();
    return { value, count: spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
};

const countContacts = (tenant: string) =>
  countStored(api.deps.store.containers.contacts, { tenant, docType: "contact" });

// How fast the three run, against the Cosmos SDK doing the same, is measured by `npm run bench`
// (bench/api-overhead.bench.ts).
describe("POST /api/contacts/import with 10,000 rows", () => {
  it("imports them all in one request, then finds them all as duplicates the second time", async () => {
    const tenant = "import-volume";
    expect(
      (
        await api.call("POST", "/api/salespeople", {
          tenant,
          body: { code: "JR", name: "Jens Rasmussen" },
        })
      ).status,
    ).toBe(201);
    await setUpCodesOf(api, [{ mailingGroups: ["NEWS", "EVENTS"] }], { tenant });
    const csv = bigCsv();

    const { value: first, count: importOperations } = await storeOperations(() =>
      api.call("POST", "/api/contacts/import", {
        tenant,
        rawBody: { contentType: "text/csv", text: csv },
      }),
    );
    expect(first.status).toBe(200);
    const result = ContactImportResult.parse(first.json);
    expect(result.problems.slice(0, 3)).toEqual([]);
    expect(result).toMatchObject({ rows: rowCount, imported: rowCount, invalid: 0, duplicates: 0 });
    expect(await countContacts(tenant)).toBe(rowCount);

    // The list endpoint sees them too; a filter on one company finds its nine persons.
    const persons = await api.call("GET", "/api/contacts?companyNo=KT009991&top=50", { tenant });
    expect(persons.json.items).toHaveLength(9);

    const { value: again, count: againOperations } = await storeOperations(() =>
      api.call("POST", "/api/contacts/import", {
        tenant,
        rawBody: { contentType: "text/csv", text: csv },
      }),
    );
    const second = ContactImportResult.parse(again.json);
    expect(second).toMatchObject({ rows: rowCount, imported: 0, invalid: 0, duplicates: rowCount });
    expect(await countContacts(tenant)).toBe(rowCount);

    const { value: exported, count: exportOperations } = await storeOperations(() =>
      api.call("GET", "/api/contacts/export", { tenant }),
    );
    expect(exported.status).toBe(200);
    expect(exported.text.split("\r\n")).toHaveLength(rowCount + 2); // header, rows, final CRLF

    // A few operations per thousand rows at most (lookups in chunks of 1,000, bulk writes of
    // 100 per request in one call); once per row would be 10,000 or more.
    const operations = { importOperations, againOperations, exportOperations };
    expect({
      ...operations,
      bounded: Object.values(operations).every((n) => n > 0 && n <= rowCount / 100),
    }).toMatchObject({ bounded: true });
  });
});
