import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, t } from "../../../unit/shared/merge/docx-builder";
import { part, text } from "../../../unit/shared/merge/docx-text";
import { seedLoggingTenant } from "./logging-fixture";

/**
 * The Log copies each template letter it uses and merges it later for Show letter and Resend
 * with the letter's Match Fields. A letter with fields that are not Mergeline's, neither matched
 * nor left empty, would show blank there: the Log refuses it, as the merge does, before anything
 * is written.
 */
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
  };
  await ok("/api/interaction-templates", {
    code: "GAMMEL",
    description: "Gammelt brev",
    correspondenceType: "hardCopy",
    languageCode: "da-DK",
  });
  await ok("/api/contacts", {
    no: "KT20",
    type: "person",
    name: "Eva Eng",
    firstName: "Eva",
    languageCode: "da-DK",
  });
  // An old letter from another data source (Fornavn, Efternavn: Word's Danish names), and an
  // English letter in Mergeline's own fields.
  await upload(
    "/api/interaction-templates/GAMMEL/attachments/da-DK",
    buildDocx({ body: p(t("Hej "), control("Fornavn"), control("Efternavn"), t("!")) }),
  );
  await upload(
    "/api/interaction-templates/GAMMEL/attachments/en-GB",
    buildDocx({ body: p(t("Dear "), control("Name")) }),
  );
});
afterAll(() => api.close());

const upload = async (path: string, bytes: Uint8Array) => {
  const res = await api.call("PUT", path, {
    rawBody: { contentType: docx, bytes },
    headers: { "x-file-name": "brev.docx" },
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
};

const make = async (no: string, contacts: string[]) => {
  await api.call("POST", "/api/segments", {
    body: {
      no,
      description: "Gammelt brev",
      interactionTemplateCode: "GAMMEL",
      salespersonCode: "JO",
      languageCode: "da-DK",
    },
  });
  for (const contactNo of contacts)
    await api.call("POST", `/api/segments/${no}/lines`, { body: { contactNo } });
  return (await api.call("GET", `/api/segments/${no}/lines`)).json.items as {
    lineNo: number;
    contactNo: string;
  }[];
};
const etagOf = async (no: string) =>
  (await api.call("GET", `/api/segments/${no}`)).json.etag as string;
const log = async (no: string) =>
  api.call("POST", `/api/segments/${no}/log`, { body: {}, ifMatch: await etagOf(no) });

const nothingWritten = async (no: string, contacts: string[]) => {
  expect((await api.call("GET", `/api/logged-segments?segmentNo=${no}`)).json.items).toEqual([]);
  expect((await api.call("GET", `/api/segments/${no}`)).json.status).toBe("open");
  expect((await api.call("GET", `/api/segments/${no}/log-status`)).json).toMatchObject({
    status: "notStarted",
    written: 0,
  });
  for (const contactNo of contacts)
    expect(
      (await api.call("GET", `/api/contacts/${contactNo}/interactions?segmentNo=${no}`)).json.items,
    ).toEqual([]);
};

const matchesPath = "/api/interaction-templates/GAMMEL/attachments/da-DK/field-matches";

describe("Log and a template letter with fields that are not Mergeline's", () => {
  it("does not hold lines that use another letter to a letter they do not use", async () => {
    // Anna reads English: the Danish letter's fields are not hers to match.
    await make("FM2", ["KT11"]);
    const res = await log("FM2");
    expect(res.status).toBe(200);
  });

  it("refuses, one 422 error per field of the letter the Log would use, and writes nothing; Log goes through once matched and Show letter shows the value", async () => {
    // Eva and Bo get the Danish letter; Anna (en-GB) the English one, which is fine; Cai's own
    // letter (with a field of its own) goes out as uploaded and is not matched.
    const lines = await make("FM1", ["KT20", "KT12", "KT11", "KT13"]);
    const cai = lines.find((l) => l.contactNo === "KT13") as { lineNo: number };
    const own = await api.call("PUT", `/api/segments/FM1/lines/${cai.lineNo}/attachment`, {
      rawBody: {
        contentType: docx,
        bytes: buildDocx({ body: p(t("Hej "), control("Kaldenavn")) }),
      },
      headers: { "x-file-name": "cai.docx" },
    });
    expect(own.status).toBe(200);

    const check = await api.call("POST", "/api/segments/FM1/log-check", { body: {} });
    expect(check.status).toBe(200);
    const letterProblems = (check.json.problems as { rule: string }[]).filter(
      (p) => p.rule === "fields_unmatched",
    );
    expect(letterProblems).toEqual([
      expect.objectContaining({
        lineNo: lines.find((l) => l.contactNo === "KT20")?.lineNo,
        contactNo: "KT20",
        templateCode: "GAMMEL",
        languageCode: "da-DK",
        letterField: "Fornavn",
        message: expect.stringContaining("Fornavn"),
      }),
      expect.objectContaining({
        templateCode: "GAMMEL",
        languageCode: "da-DK",
        letterField: "Efternavn",
      }),
    ]);
    expect(
      (check.json.groups as { rule: string }[]).filter((g) => g.rule === "fields_unmatched"),
    ).toEqual([
      expect.objectContaining({
        severity: "error",
        count: 2,
        hint: expect.stringMatching(/Match Fields/),
      }),
    ]);

    const refused = await log("FM1");
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.json.errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "interactionTemplates.GAMMEL.attachments.da-DK.fieldMatches.Fornavn",
        rule: "fields_unmatched",
        message: expect.stringContaining("First Name"),
      }),
      expect.objectContaining({
        field: "interactionTemplates.GAMMEL.attachments.da-DK.fieldMatches.Efternavn",
        rule: "fields_unmatched",
      }),
    ]);
    await nothingWritten("FM1", ["KT20", "KT12", "KT11", "KT13"]);

    const { etag } = (await api.call("GET", matchesPath)).json;
    const saved = await api.call("PUT", matchesPath, {
      body: { matches: { Fornavn: "First Name", Efternavn: null } },
      ifMatch: etag,
    });
    expect(saved.status).toBe(200);
    expect(
      (
        (await api.call("POST", "/api/segments/FM1/log-check", { body: {} })).json.problems as {
          rule: string;
        }[]
      ).filter((p) => p.rule === "fields_unmatched"),
    ).toEqual([]);

    const logged = await log("FM1");
    expect(logged.status).toBe(200);
    const entries = (
      await api.call("GET", `/api/logged-segments/${logged.json.loggedSegment.entryNo}/entries`)
    ).json.items as { entryNo: number; contactNo: string }[];
    expect(entries).toHaveLength(4);
    const eva = entries.find((e) => e.contactNo === "KT20") as { entryNo: number };
    const letter = await api.call("GET", `/api/interaction-log-entries/${eva.entryNo}/letter`);
    expect(letter.status).toBe(200);
    expect(text(part(letter.bytes as Uint8Array, "word/document.xml"))).toBe("Hej Eva!");
  });
});
