/**
 * One merged document holding each line's own letter (issue 14): the segment's letter, the
 * letter of the line's language, the letter of the line's own interaction template and the
 * contact's own uploaded letter, in line order, each in its own section with its own header,
 * through the API with the merge threads and the embedded store.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  findTemplateWithLetters,
  letterIdOf,
} from "../../../../functions/interactions/template-letters";
import { asTenantId } from "../../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, control, p, t } from "../../../unit/shared/merge/docx-builder";
import { letters, part } from "../../../unit/shared/merge/docx-text";
import { storyTextsBySection } from "../../../unit/shared/merge/fixture-files";
import { inspectDocx } from "../../../unit/shared/merge/ooxml-assertions";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
let api: ApiHarness;

const ok = async (method: string, path: string, body: object) => {
  const res = await api.call(method, path, { body });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.json;
};
const upload = async (path: string, bytes: Uint8Array, fileName: string) => {
  const res = await api.call("PUT", path, {
    rawBody: { contentType: DOCX, bytes },
    headers: { "x-file-name": encodeURIComponent(fileName) },
  });
  if (res.status >= 300) throw new Error(`PUT ${path}: ${res.status} ${res.text}`);
  return res.json;
};
const letterWith = (header: string, greeting: string, more = ""): Uint8Array =>
  buildDocx({
    body: p(t(greeting), control("Name"), t(","), more),
    stories: [{ kind: "header", content: p(t(header)) }],
  });
const lineOf = async (segmentNo: string, contactNo: string) =>
  (await api.call("GET", `/api/segments/${segmentNo}/lines?contactNo=${contactNo}`)).json
    .items[0] as { lineNo: number; etag: string };

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await ok("POST", "/api/interaction-templates", {
    code: "BREV",
    description: "Brev",
    languageCode: "da-DK",
  });
  await ok("POST", "/api/interaction-templates", { code: "TILBUD", description: "Tilbud" });
  await upload(
    "/api/interaction-templates/BREV/attachments/da-DK",
    letterWith("Brevhoved", "Kære "),
    "brev.docx",
  );
  await upload(
    "/api/interaction-templates/BREV/attachments/en-GB",
    letterWith("Letterhead", "Dear "),
    "letter.docx",
  );
  await upload(
    "/api/interaction-templates/TILBUD/attachments/da-DK",
    letterWith("Tilbud", "Tilbud til ", control("Personal Note")),
    "tilbud.docx",
  );
  for (const [no, name] of [
    ["KT1", "Anna Holm"],
    ["KT2", "Bo Berg"],
    ["KT3", "Cai Ek"],
    ["KT4", "Dan Dahl"],
  ])
    await ok("POST", "/api/contacts", { no, type: "person", name });
  await ok("POST", "/api/segments", {
    no: "MX1",
    description: "Blandet",
    interactionTemplateCode: "BREV",
    languageCode: "da-DK",
  });
  for (const contactNo of ["KT1", "KT2", "KT3", "KT4"])
    await ok("POST", "/api/segments/MX1/lines", { contactNo });
  // Bo in English, Cai with his own template, Dan with his own letter.
  const bo = await lineOf("MX1", "KT2");
  await api.call("PATCH", `/api/segments/MX1/lines/${bo.lineNo}`, {
    body: { languageCode: "en-GB" },
    ifMatch: bo.etag,
  });
  const cai = await lineOf("MX1", "KT3");
  await api.call("PATCH", `/api/segments/MX1/lines/${cai.lineNo}`, {
    body: { interactionTemplateCode: "TILBUD" },
    ifMatch: cai.etag,
  });
  const dan = await lineOf("MX1", "KT4");
  await upload(
    `/api/segments/MX1/lines/${dan.lineNo}/attachment`,
    buildDocx({
      body: p(t("Dan, dit eget brev")),
      stories: [{ kind: "header", content: p(t("Til Dan")) }],
    }),
    "Til Dan.docx",
  );
});
afterAll(() => api.close());

describe("one document with mixed letters", () => {
  it("holds each line's letter in line order, each with its own header", async () => {
    const res = await api.call("POST", "/api/segments/MX1/merge", { body: { output: "document" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "done", result: { fileName: "brev - MX1.docx" } });
    const docx = (await api.call("GET", `/api/merge-jobs/${res.json.id}/result`))
      .bytes as Uint8Array;
    expect(letters(part(docx, "word/document.xml"))).toEqual([
      "Kære Anna Holm,",
      "Dear Bo Berg,",
      "Tilbud til Cai Ek,",
      "Dan, dit eget brev",
    ]);
    expect(storyTextsBySection(docx, "header")).toEqual([
      "Brevhoved",
      "Letterhead",
      "Tilbud",
      "Til Dan",
    ]);
    expect(inspectDocx(docx).problems).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "mixed-api-"));
    try {
      writeFileSync(join(dir, "mixed.docx"), docx);
      expect(() =>
        execFileSync("/work/shared/schemas/ooxml/validate-docx", [join(dir, "mixed.docx")], {
          stdio: "pipe",
        }),
      ).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("checks each line against its own letter", async () => {
    const cai = await lineOf("MX1", "KT3");
    const res = await api.call("POST", "/api/segments/MX1/merge-check", {
      body: { output: "document" },
    });
    expect(res.status).toBe(200);
    // Only Cai's letter (TILBUD's) shows Personal Note, which his line leaves empty.
    const empty = (res.json.issues as { code: string; lineNo?: number }[]).filter(
      (i) => i.code === "empty_values",
    );
    expect(empty.map((i) => i.lineNo)).toEqual([cai.lineNo]);
  });

  it("holds a line's other letter to its own Match Fields: refused until matched, then merged with them", async () => {
    await ok("POST", "/api/interaction-templates", { code: "GAMMEL", description: "Gammel" });
    // An old letter from another data source: Fornavn is Word's Danish First Name.
    await upload(
      "/api/interaction-templates/GAMMEL/attachments/da-DK",
      buildDocx({
        body: p(t("Hej "), control("Fornavn"), t("!")),
        stories: [{ kind: "header", content: p(t("Gammelt brev")) }],
      }),
      "gammel.docx",
    );
    await ok("POST", "/api/segments", {
      no: "MX3",
      description: "Gammel",
      interactionTemplateCode: "BREV",
      languageCode: "da-DK",
    });
    await ok("POST", "/api/contacts", {
      no: "KT5",
      type: "person",
      name: "Eva Eng",
      firstName: "Eva",
    });
    for (const contactNo of ["KT1", "KT5"])
      await ok("POST", "/api/segments/MX3/lines", { contactNo });
    const eva = await lineOf("MX3", "KT5");
    await api.call("PATCH", `/api/segments/MX3/lines/${eva.lineNo}`, {
      body: { interactionTemplateCode: "GAMMEL" },
      ifMatch: eva.etag,
    });

    const check = await api.call("POST", "/api/segments/MX3/merge-check", {
      body: { output: "document" },
    });
    expect(check.status).toBe(200);
    expect(check.json.issues).toContainEqual(
      expect.objectContaining({
        code: "field_unmatched",
        severity: "error",
        params: expect.objectContaining({ field: "Fornavn", suggestion: "First Name" }),
      }),
    );
    const jobId = "33333333-4444-4555-8666-777777777777";
    const refused = await api.call("POST", "/api/segments/MX3/merge", {
      body: { jobId, output: "document" },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([
      expect.objectContaining({
        field: `lines.${eva.lineNo}.letter.Fornavn`,
        rule: "fields_unmatched",
      }),
    ]);
    expect((await api.call("GET", `/api/merge-jobs/${jobId}`)).status).toBe(404);

    const matches = "/api/interaction-templates/GAMMEL/attachments/da-DK/field-matches";
    const { etag } = (await api.call("GET", matches)).json;
    const saved = await api.call("PUT", matches, {
      body: { matches: { Fornavn: "First Name" } },
      ifMatch: etag,
    });
    expect(saved.status).toBe(200);
    const merged = await api.call("POST", "/api/segments/MX3/merge", {
      body: { output: "document" },
    });
    expect(merged.status).toBe(200);
    const docx = (await api.call("GET", `/api/merge-jobs/${merged.json.id}/result`))
      .bytes as Uint8Array;
    expect(letters(part(docx, "word/document.xml"))).toEqual(["Kære Anna Holm,", "Hej Eva!"]);
    expect(storyTextsBySection(docx, "header")).toEqual(["Brevhoved", "Gammelt brev"]);
  });

  describe("bad input", () => {
    it("a line's letter the engine cannot read is 422 naming the line and its letter; no job is written", async () => {
      await ok("POST", "/api/interaction-templates", { code: "BROKEN", description: "Brudt" });
      // An upload is read before it is stored; a letter stored before that check (or damaged
      // since) is what the merge meets: write it to the store directly.
      await upload(
        "/api/interaction-templates/BROKEN/attachments/da-DK",
        letterWith("X", "Y "),
        "brudt.docx",
      );
      await ok("POST", "/api/segments", {
        no: "MX2",
        description: "Brudt",
        interactionTemplateCode: "BREV",
        languageCode: "da-DK",
      });
      for (const contactNo of ["KT1", "KT2"])
        await ok("POST", "/api/segments/MX2/lines", { contactNo });
      const bo = await lineOf("MX2", "KT2");
      await api.call("PATCH", `/api/segments/MX2/lines/${bo.lineNo}`, {
        body: { interactionTemplateCode: "BROKEN" },
        ifMatch: bo.etag,
      });
      await breakStoredLetter("BROKEN");
      const jobId = "22222222-3333-4444-8555-666666666666";
      const res = await api.call("POST", "/api/segments/MX2/merge", {
        body: { jobId, output: "document" },
      });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(res.json.errors).toEqual([
        expect.objectContaining({
          field: `lines.${bo.lineNo}.letter`,
          rule: "not_a_zip",
          message: expect.stringContaining("interaction template BROKEN in da-DK"),
        }),
      ]);
      expect((await api.call("GET", `/api/merge-jobs/${jobId}`)).status).toBe(404);
    });
  });
});

/** Overwrites a template's stored letter with bytes that are no Word document. */
const breakStoredLetter = async (code: string): Promise<void> => {
  const tenant = asTenantId("tenant-a");
  const found = await findTemplateWithLetters(api.deps.store, tenant, code);
  const id = found && letterIdOf(tenant, found, "da-DK");
  if (!id) throw new Error(`${code} has no Danish letter`);
  await api.deps.store.documents.put(id, new TextEncoder().encode("not a Word document"));
};
