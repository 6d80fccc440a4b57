import { ContactImportResult } from "@shared/model/contact-import";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";

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

const countStored = (tenant: string) => api.deps.store.contacts.store.count(asTenantId(tenant), {});

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
    const csv = bigCsv();

    let started = performance.now();
    const first = await api.call("POST", "/api/contacts/import", {
      tenant,
      rawBody: { contentType: "text/csv", text: csv },
    });
    const firstMs = performance.now() - started;
    expect(first.status).toBe(200);
    const result = ContactImportResult.parse(first.json);
    expect(result.problems.slice(0, 3)).toEqual([]);
    expect(result).toMatchObject({ rows: rowCount, imported: rowCount, invalid: 0, duplicates: 0 });
    expect(await countStored(tenant)).toBe(rowCount);

    // The list endpoint sees them too; a filter on one company finds its nine persons.
    const persons = await api.call("GET", "/api/contacts?companyNo=KT009991&top=50", { tenant });
    expect(persons.json.items).toHaveLength(9);

    started = performance.now();
    const second = ContactImportResult.parse(
      (
        await api.call("POST", "/api/contacts/import", {
          tenant,
          rawBody: { contentType: "text/csv", text: csv },
        })
      ).json,
    );
    const secondMs = performance.now() - started;
    expect(second).toMatchObject({ rows: rowCount, imported: 0, invalid: 0, duplicates: rowCount });
    expect(await countStored(tenant)).toBe(rowCount);

    started = performance.now();
    const exported = await api.call("GET", "/api/contacts/export", { tenant });
    const exportMs = performance.now() - started;
    expect(exported.status).toBe(200);
    expect(exported.text.split("\r\n")).toHaveLength(rowCount + 2); // header, rows, final CRLF

    process.stdout.write(
      `${rowCount} rows: import ${Math.round(firstMs)} ms, import again (all duplicates) ${Math.round(secondMs)} ms, export ${Math.round(exportMs)} ms\n`,
    );
    // Generous bounds for slow CI machines; per-row store round trips would take minutes.
    expect(firstMs).toBeLessThan(30_000);
    expect(secondMs).toBeLessThan(30_000);
    expect(exportMs).toBeLessThan(30_000);
  });
});
