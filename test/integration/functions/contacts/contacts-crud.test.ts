import { Contact } from "@shared/model/contact";
import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe("contacts CRUD", () => {
  it("creates a company and a person, reads, lists, updates and deletes", async () => {
    const company = await api.call("POST", "/api/contacts", {
      body: {
        no: "KT900001",
        type: "company",
        name: "Nordlys A/S",
        city: "Aarhus C",
        postCode: "8000",
        email: "info@nordlys.dk",
      },
    });
    expect(company.status).toBe(201);
    expect(Contact.parse(company.json).searchName).toBe("NORDLYS A/S");
    expect(company.headers.get("etag")).toBeTruthy();
    expect(company.headers.get("location")).toBe("/api/contacts/KT900001");

    const person = await api.call("POST", "/api/contacts", {
      body: {
        type: "person",
        name: "Søren Kierkegaard",
        firstName: "Søren",
        surname: "Kierkegaard",
        companyNo: "KT900001",
      },
    });
    expect(person.status).toBe(201);
    expect(person.json.no).toMatch(/^KT\d{6}$/);
    expect(person.json.companyName).toBe("Nordlys A/S");

    const read = await api.call("GET", `/api/contacts/${person.json.no}`);
    expect(read.status).toBe(200);
    expect(read.json.name).toBe("Søren Kierkegaard");

    const list = await api.call("GET", "/api/contacts?search=nordlys");
    expect(list.status).toBe(200);
    expect(list.json.items.map((c: Contact) => c.no)).toEqual(["KT900001"]);

    const updated = await api.call("PATCH", "/api/contacts/KT900001", {
      body: { city: "Odense C", postCode: "5000" },
      ifMatch: company.json.etag,
    });
    expect(updated.status).toBe(200);
    expect(updated.json.city).toBe("Odense C");

    const blocked = await api.call("DELETE", "/api/contacts/KT900001");
    expect(blocked.status).toBe(409);

    expect((await api.call("DELETE", `/api/contacts/${person.json.no}`)).status).toBe(204);
    expect((await api.call("DELETE", "/api/contacts/KT900001")).status).toBe(204);
    expect((await api.call("GET", "/api/contacts/KT900001")).status).toBe(404);
  });

  it("keeps a person's company name in step when the company is renamed", async () => {
    const company = await api.call("POST", "/api/contacts", {
      body: { no: "KT900010", type: "company", name: "Gammelt Navn ApS" },
    });
    const person = await api.call("POST", "/api/contacts", {
      body: { no: "KT900011", type: "person", name: "Ida Holm", companyNo: "KT900010" },
    });
    expect(person.json.companyName).toBe("Gammelt Navn ApS");
    await api.call("PATCH", "/api/contacts/KT900010", {
      body: { name: "Nyt Navn A/S" },
      ifMatch: company.json.etag,
    });
    expect((await api.call("GET", "/api/contacts/KT900011")).json.companyName).toBe("Nyt Navn A/S");
    const listed = await api.call("GET", "/api/contacts?companyNo=KT900010");
    expect(listed.json.items.map((c: Contact) => c.companyName)).toEqual(["Nyt Navn A/S"]);
    const moved = await api.call("PATCH", "/api/contacts/KT900011", {
      body: { companyNo: null },
      ifMatch: (await api.call("GET", "/api/contacts/KT900011")).json.etag,
    });
    expect(moved.json.companyName).toBeUndefined();
  });
});
