/**
 * Letters over the engine's limits, uploaded as an interaction template's letter or merged as
 * an uploaded letter: each answers 4xx problem+json naming the rule and the limit, and nothing
 * is stored. Uploads are rate-limited per user like merges.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, mergeField, p, simpleField, t } from "../../../unit/shared/merge/docx-builder";

const UPLOADS_PER_MINUTE = 10;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let api: ApiHarness;
let user = 0;
/** Each call as its own user, so the upload limit counts only where a test means it to. */
const freshUser = () => `user${++user}@a.example`;

const repeat = (n: number, make: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => make(i)).join("");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

const upload = (bytes: Uint8Array, as = freshUser(), languageCode = "da-DK") =>
  api.call("PUT", `/api/interaction-templates/LIMITS/attachments/${languageCode}`, {
    rawBody: { contentType: DOCX, bytes },
    headers: { "x-file-name": encodeURIComponent("Brev.docx") },
    user: as,
  });

const storedBlobs = async (): Promise<string[]> => {
  const names: string[] = [];
  for await (const blob of api.deps.blobs?.listBlobsFlat() ?? []) names.push(blob.name);
  return names;
};

const nestedIfs = (depth: number): string =>
  repeat(
    depth,
    () =>
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF 1 = 1 "</w:instrText></w:r>',
  ) +
  mergeField("Name") +
  repeat(
    depth,
    () =>
      '<w:r><w:instrText xml:space="preserve">" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
  );

/** A complex field of instruction texts and nested fields (raw XML), without a result. */
const complexField = (...code: string[]): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  code
    .map((piece) =>
      piece.startsWith("<")
        ? piece
        : `<w:r><w:instrText xml:space="preserve">${piece}</w:instrText></w:r>`,
    )
    .join("") +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

const withEntry = (name: string): Uint8Array =>
  zipSync({
    ...unzipSync(buildDocx({ body: p(t("Kære "), mergeField("Name")) })),
    [name]: strToU8("<x/>"),
  });

/** Letters over a limit: the rule, the status, the limit and the letter's own value. */
const OVER: [string, () => Uint8Array, number, string, number | undefined, number | undefined][] = [
  [
    "100,001 paragraphs",
    () => buildDocx({ body: repeat(100_001, (i) => p(t(`Linje ${i}`))) }),
    413,
    "too_many_paragraphs",
    100_000,
    100_001,
  ],
  [
    "10,001 fields",
    () => buildDocx({ body: p(repeat(10_001, (i) => simpleField(` MERGEFIELD Felt${i} `))) }),
    413,
    "too_many_fields",
    10_000,
    10_001,
  ],
  [
    "a run of 100,001 characters",
    () =>
      buildDocx({
        body: p(t(Array.from({ length: 100_001 }, (_, i) => "abcdef "[i % 7]).join(""))),
      }),
    413,
    "text_too_long",
    100_000,
    100_001,
  ],
  [
    "80,000 empty paragraphs in 1.6 KB (a zip bomb)",
    () => buildDocx({ body: "<w:p/>".repeat(80_000) }),
    422,
    "compression_ratio",
    100,
    undefined,
  ],
  [
    "elements nested 600 deep",
    () =>
      buildDocx({
        body: `<w:p><w:r><w:t>${"<x:a>".repeat(600)}${"</x:a>".repeat(600)}</w:t></w:r></w:p>`,
      }),
    422,
    "too_deep",
    512,
    605,
  ],
  [
    "fields nested 40 deep",
    () => buildDocx({ body: p(nestedIfs(40)) }),
    422,
    "fields_too_deep",
    32,
    41,
  ],
  [
    "NEXT inside an IF's text",
    () => buildDocx({ body: p(complexField(' IF 1 = 1 "', complexField(" NEXT "), '" "" ')) }),
    422,
    "record_field_nested",
    undefined,
    undefined,
  ],
  [
    "NEXTIF without an operator",
    () => buildDocx({ body: p(complexField(' NEXTIF Name "Jens" '), mergeField("Name")) }),
    422,
    "record_field_syntax",
    undefined,
    undefined,
  ],
  [
    "an IF that begins and never ends",
    () =>
      buildDocx({
        body:
          p(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF 1 = 1 "</w:instrText></w:r>',
            mergeField("Name"),
          ) + p(t("Hilsen")),
      }),
    422,
    "field_not_closed",
    undefined,
    undefined,
  ],
  [
    "a zip entry ../evil.xml",
    () => withEntry("../evil.xml"),
    422,
    "unsafe_part_name",
    undefined,
    undefined,
  ],
  [
    "a zip entry /etc/evil",
    () => withEntry("/etc/evil"),
    422,
    "unsafe_part_name",
    undefined,
    undefined,
  ],
  [
    "a zip entry C:/evil.xml",
    () => withEntry("C:/evil.xml"),
    422,
    "unsafe_part_name",
    undefined,
    undefined,
  ],
  [
    "a zip entry word\\evil.xml",
    () => withEntry("word\\evil.xml"),
    422,
    "unsafe_part_name",
    undefined,
    undefined,
  ],
];

beforeAll(async () => {
  api = await startApi({ expensivePerMinute: UPLOADS_PER_MINUTE }, undefined, { blobs: true });
  const ok = async (path: string, body: object) => {
    const res = await api.call("POST", path, { body, user: "setup@a.example" });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
    return res.json;
  };
  await ok("/api/interaction-templates", { code: "LIMITS", description: "Brev" });
  await ok("/api/contacts", { no: "KT1", type: "person", name: "Anna Holm" });
  await ok("/api/segments", { no: "S1", description: "Brev" });
  await ok("/api/segments/S1/lines", { contactNo: "KT1" });
});
afterAll(() => api.close());

describe("a letter over a limit is refused at upload, naming the rule and the limit", () => {
  it.each(OVER)("%s", async (_name, letter, status, rule, limit, actual) => {
    const res = await upload(letter());
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0]).toMatchObject({ in: "body", rule });
    if (rule.startsWith("record_field") || rule === "field_not_closed") {
      expect(res.json.type).toMatch(/letter-fields-malformed/);
      expect(res.json.errors[0].field).toBe("word/document.xml");
    }
    if (limit !== undefined) expect(res.json.errors[0].limit).toBe(limit);
    if (actual !== undefined) expect(res.json.errors[0].actual).toBe(actual);
    else if (limit !== undefined) expect(res.json.errors[0].actual).toBeGreaterThan(limit);
    if (limit !== undefined) expect(res.json.detail).toContain(String(limit));
    // Nothing stored: no attachment on the template, no blob.
    expect((await api.call("GET", "/api/interaction-templates/LIMITS")).json.attachments).toEqual(
      [],
    );
    expect(await storedBlobs()).toEqual([]);
  });

  it("refuses such a letter as a contact's own letter too, and keeps the line as it was", async () => {
    const [line] = (await api.call("GET", "/api/segments/S1/lines")).json.items;
    const res = await api.call("PUT", `/api/segments/S1/lines/${line.lineNo}/attachment`, {
      rawBody: { contentType: DOCX, bytes: withEntry("../../evil.xml") },
      user: freshUser(),
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ rule: "unsafe_part_name", field: "../../evil.xml" });
    const after = (await api.call("GET", `/api/segments/S1/lines/${line.lineNo}`)).json;
    expect(after.attachment).toEqual({ kind: "inherited" });
    expect(await storedBlobs()).toEqual([]);
  });

  it("refuses such a letter sent to merge or to check for errors; no merge job is left", async () => {
    const jobId = "6f1c2a8e-4b7d-4e2a-9c1f-0a1b2c3d4e5f";
    for (const path of ["/api/segments/S1/merge", "/api/segments/S1/merge-check"]) {
      const res = await api.call("POST", path, {
        body: { jobId, template: { documentBase64: base64(withEntry("../evil.xml")) } },
        user: freshUser(),
      });
      expect(res.status).toBe(422);
      expect(res.json.errors[0]).toMatchObject({ rule: "unsafe_part_name" });
    }
    expect(await storedBlobs()).toEqual([]);
    expect((await api.call("GET", `/api/merge-jobs/${jobId}`)).status).toBe(404);
  });
});

describe("a merge over the output limit is refused before it starts", () => {
  it("answers 413 naming the limit and suggesting one document per contact", async () => {
    // 10,000 notes of 2,000 characters per letter, for 30 contacts: 600 MB from a 1 MB letter.
    const note = repeat(300, (i) => `Tak ${i % 10}! `).slice(0, 2_000);
    expect(note.length).toBe(2_000);
    await api.call("POST", "/api/segments", { body: { no: "BIG" }, user: "setup@a.example" });
    for (let i = 0; i < 30; i++) {
      await api.call("POST", "/api/contacts", {
        body: { no: `KB${i}`, type: "person", name: `Kontakt ${i}` },
        user: "setup@a.example",
      });
      await api.call("POST", "/api/segments/BIG/lines", {
        body: { contactNo: `KB${i}`, note },
        user: "setup@a.example",
      });
    }
    const letter = buildDocx({
      body: repeat(10_000, (i) =>
        p(t(`Afsnit ${i}: `), simpleField(' MERGEFIELD "Personal Note" ')),
      ),
    });
    const jobId = "0c9e8d7f-6a5b-4c3d-8e2f-1a2b3c4d5e6f";
    const res = await api.call("POST", "/api/segments/BIG/merge", {
      body: { jobId, output: "document", template: { documentBase64: base64(letter) } },
      user: freshUser(),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors[0]).toMatchObject({
      field: "output",
      rule: "output_too_large",
      limit: 512 * 1024 * 1024,
    });
    expect(res.json.errors[0].actual).toBeGreaterThan(512 * 1024 * 1024);
    expect(res.json.detail).toMatch(/one document per contact/);
    expect(await storedBlobs()).toEqual([]);
    // Bad input leaves nothing: not even a failed job.
    expect((await api.call("GET", `/api/merge-jobs/${jobId}`)).status).toBe(404);
  });
});

describe("uploads are rate-limited per user, like merges", () => {
  it(`answers the upload after ${UPLOADS_PER_MINUTE} in a minute with 429 and Retry-After`, async () => {
    const letter = buildDocx({ body: p(t("Kære "), mergeField("Name")) });
    const uploader = "uploader@a.example";
    for (let i = 0; i < UPLOADS_PER_MINUTE; i++) {
      expect((await upload(letter, uploader, i % 2 ? "da-DK" : "en-GB")).status).toBe(200);
    }
    // The contact's own letter counts with the template's: one limit for every upload.
    const [line] = (await api.call("GET", "/api/segments/S1/lines")).json.items;
    const res = await api.call("PUT", `/api/segments/S1/lines/${line.lineNo}/attachment`, {
      rawBody: { contentType: DOCX, bytes: letter },
      user: uploader,
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await upload(letter, uploader)).status).toBe(429);
    // Someone else is not held up.
    expect((await upload(letter, freshUser())).status).toBe(200);
  });
});
