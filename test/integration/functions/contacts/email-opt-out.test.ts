import { parse } from "csv-parse/sync";
import type { Contact } from "@shared/model/contact";
import { ContactImportResult } from "@shared/model/contact-import";
import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const importCsv = async (tenant: string, csv: string) => {
  const response = await api.call("POST", "/api/contacts/import", { tenant, body: { csv } });
  expect(response.status).toBe(200);
  return ContactImportResult.parse(response.json);
};

const contactOf = async (tenant: string, no: string): Promise<Contact> => {
  const read = await api.call("GET", `/api/contacts/${no}`, { tenant });
  expect(read.status).toBe(200);
  return read.json;
};

describe("a contact's e-mail opt-out", () => {
  it("is false by default and set and cleared through PATCH", async () => {
    const tenant = "opt-out-patch";
    const created = await api.call("POST", "/api/contacts", {
      tenant,
      body: { no: "KT1", type: "person", name: "Ane Bach", email: "ane@example.dk" },
    });
    expect(created.status).toBe(201);
    expect(created.json.emailOptOut).toBe(false);
    const optedOut = await api.call("PATCH", "/api/contacts/KT1", {
      tenant,
      body: { emailOptOut: true },
      ifMatch: created.json.etag,
    });
    expect(optedOut.status).toBe(200);
    expect((await contactOf(tenant, "KT1")).emailOptOut).toBe(true);
    const back = await api.call("PATCH", "/api/contacts/KT1", {
      tenant,
      body: { emailOptOut: false },
      ifMatch: optedOut.json.etag,
    });
    expect(back.status).toBe(200);
    expect((await contactOf(tenant, "KT1")).emailOptOut).toBe(false);
  });

  it("is cleared back to false by a null (JSON Merge Patch)", async () => {
    const tenant = "opt-out-null";
    const created = await api.call("POST", "/api/contacts", {
      tenant,
      body: { no: "KT1", type: "person", name: "Eva Lund", emailOptOut: true },
    });
    expect(created.json.emailOptOut).toBe(true);
    const cleared = await api.call("PATCH", "/api/contacts/KT1", {
      tenant,
      body: { emailOptOut: null },
      ifMatch: created.json.etag,
    });
    expect(cleared.status).toBe(200);
    expect((await contactOf(tenant, "KT1")).emailOptOut).toBe(false);
  });

  it.each([["yes"], [1], [{}]])("refuses %j as the opt-out, naming the field", async (value) => {
    const tenant = "opt-out-bad-patch";
    const created = await api.call("POST", "/api/contacts", {
      tenant,
      body: { type: "person", name: "Bo Dam" },
    });
    const refused = await api.call("PATCH", `/api/contacts/${created.json.no}`, {
      tenant,
      body: { emailOptOut: value },
      ifMatch: created.json.etag,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((e: { field: string }) => e.field)).toContain("emailOptOut");
    expect((await contactOf(tenant, created.json.no)).emailOptOut).toBe(false);
  });

  it("is read by the CSV import from E-mail Opt-out or emailOptOut, in English or Danish yes/no", async () => {
    const tenant = "opt-out-import";
    const values = ["yes", "no", "true", "false", "1", "0", "ja", "nej", "JA", ""];
    const csv = [
      "No.,Type,Name,E-mail Opt-out",
      ...values.map((v, i) => `KT${100 + i},Person,Person ${i},${v}`),
    ].join("\n");
    const result = await importCsv(tenant, csv);
    expect(result.imported).toBe(values.length);
    expect(result.mapping["E-mail Opt-out"]).toBe("emailOptOut");
    const read = await Promise.all(values.map((_, i) => contactOf(tenant, `KT${100 + i}`)));
    expect(read.map((c) => c.emailOptOut)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    const byFieldName = await importCsv(tenant, "No.,Type,Name,emailOptOut\nKT200,Person,Cai,true");
    expect(byFieldName.mapping["emailOptOut"]).toBe("emailOptOut");
    expect((await contactOf(tenant, "KT200")).emailOptOut).toBe(true);
  });

  it("reports a value that is not a yes/no as the row's error naming the column, importing the rest", async () => {
    const tenant = "opt-out-import-bad";
    const result = await importCsv(
      tenant,
      ["No.,Type,Name,E-mail Opt-out", "KT1,Person,Good,nej", "KT2,Person,Bad,maybe"].join("\n"),
    );
    expect(result.imported).toBe(1);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.row).toBe(2);
    expect(result.problems[0]?.errors.map((e) => `${e.field}:${e.rule}`)).toEqual([
      "emailOptOut:invalid_value",
    ]);
    expect(result.problems[0]?.errors[0]?.message).toContain('column "E-mail Opt-out"');
    expect((await api.call("GET", "/api/contacts/KT2", { tenant })).status).toBe(404);
  });

  it("is written by the export under E-mail Opt-out and reads back the same", async () => {
    const tenant = "opt-out-export";
    await importCsv(
      tenant,
      ["No.,Type,Name,E-mail Opt-out", "KT1,Person,Out,ja", "KT2,Person,In,nej"].join("\n"),
    );
    const exported = await api.call("GET", "/api/contacts/export", { tenant });
    expect(exported.status).toBe(200);
    const [header, ...rows] = parse(exported.text, { bom: true, delimiter: ";" }) as string[][];
    const column = header?.indexOf("E-mail Opt-out") ?? -1;
    expect(column).toBeGreaterThan(-1);
    expect(rows.map((r) => [r[0], r[column]])).toEqual([
      ["KT1", "true"],
      ["KT2", "false"],
    ]);
    const again = "opt-out-export-again";
    const reimported = await importCsv(again, exported.text.replace(/^\uFEFF/, ""));
    expect(reimported.imported).toBe(2);
    expect((await contactOf(again, "KT1")).emailOptOut).toBe(true);
    expect((await contactOf(again, "KT2")).emailOptOut).toBe(false);
  });
});
