import { unzipSync } from "fflate";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, simpleField, t } from "../../../unit/shared/merge/docx-builder";
import { letters, part } from "../../../unit/shared/merge/docx-text";

/**
 * Address Block and Greeting Line through the API: a company contact is greeted with the
 * fallback in the line's language (never "Kære ,"), each address laid out by its country, and a
 * letter with an ADDRESSBLOCK switch Word would not accept is refused before anything is written.
 */

let api: ApiHarness;
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
    return res.json;
  };
  await ok("/api/contacts", {
    no: "KT1",
    type: "company",
    name: "Nord A/S",
    address: "Vestergade 1",
    postCode: "8000",
    city: "Aarhus C",
    countryRegionCode: "DK",
  });
  await ok("/api/contacts", {
    no: "KT2",
    type: "person",
    name: "Ann Lee",
    firstName: "Ann",
    surname: "Lee",
    address: "1 Main Street",
    postCode: "62701",
    city: "Springfield",
    county: "IL",
    countryRegionCode: "US",
    languageCode: "en-US",
  });
  await ok("/api/segments", { no: "A1", description: "Adresser", languageCode: "da-DK" });
  for (const c of ["KT1", "KT2"]) await ok("/api/segments/A1/lines", { contactNo: c });
});
afterAll(() => api.close());

describe("Address Block and Greeting Line merged by the API", () => {
  it("lays each contact out by country and greets a company with the fallback", async () => {
    const letter = buildDocx({
      body:
        p(control("Address Block")) +
        p(simpleField(' ADDRESSBLOCK \\c 2 \\e "Danmark" \\d ', "«AddressBlock»")) +
        p(control("Greeting Line")),
    });
    const res = await api.call("POST", "/api/segments/A1/merge", {
      body: { output: "perContact", template: { documentBase64: base64(letter) } },
    });
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("done");
    const zip = unzipSync(
      (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`)).bytes as Uint8Array,
    );
    const text = (contactNo: string) => {
      const name = Object.keys(zip).find((n) => n.startsWith(`${contactNo} `)) as string;
      return letters(part(zip[name] as Uint8Array, "word/document.xml"))[0];
    };
    const nord = "Nord A/S\nVestergade 1\n8000 Aarhus C";
    expect(text("KT1")).toBe(`${nord}\n${nord}\nKære kunde,`);
    // The line is in the segment's language, Danish (the line's language comes before the
    // contact's): the US is named in Danish and Ann greeted by first name, as in Danish letters.
    const ann = "Ann Lee\n1 Main Street\nSpringfield, IL 62701\nUSA";
    expect(text("KT2")).toBe(`${ann}\n${ann}\nKære Ann,`);
  });

  it("refuses an ADDRESSBLOCK switch Word would not accept: 422 naming the rule", async () => {
    const bad = buildDocx({ body: p(t("Til "), simpleField(" ADDRESSBLOCK \\c 7 ", "«x»")) });
    for (const path of ["/api/segments/A1/merge", "/api/segments/A1/merge-check"]) {
      const res = await api.call("POST", path, {
        body: { template: { documentBase64: base64(bad) } },
      });
      expect([path, res.status]).toEqual([path, 422]);
      expect(res.json.errors[0]).toMatchObject({ rule: "invalid_field_switch" });
      expect(res.json.errors[0].message).toContain("\\c");
    }
  });
});
