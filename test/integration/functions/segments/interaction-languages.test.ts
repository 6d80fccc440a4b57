import { startApi, type ApiHarness } from "../../harness/api-harness";
import { minimalDocx, seedLoggingTenant } from "../interactions/logging-fixture";

/**
 * A segment's subject per language (Business Central's Segment Interaction Languages): a line in
 * Danish gets the Danish subject when it is added, when its language changes, and when the
 * segment's Danish subject changes, unless the line has a subject of its own.
 */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await seedLoggingTenant(api);
  const upload = await api.call("PUT", "/api/interaction-templates/LETTER/attachments/da-DK", {
    rawBody: {
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      bytes: minimalDocx("Kære «Name»"),
    },
    headers: { "x-file-name": "brev-da.docx" },
  });
  if (upload.status >= 300) throw new Error(`upload: ${upload.status} ${upload.text}`);
});
afterAll(() => api.close());

type Line = Record<string, unknown> & { lineNo: number; etag: string; contactNo: string };
type Language = { languageCode: string; subject: string; etag: string; letterFileName?: string };

const lines = async (no: string) =>
  Object.fromEntries(
    ((await api.call("GET", `/api/segments/${no}/lines`)).json.items as Line[]).map((l) => [
      l.contactNo,
      l,
    ]),
  ) as Record<string, Line>;

const header = async (no: string) => (await api.call("GET", `/api/segments/${no}`)).json;

const languagesPath = (no: string) => `/api/segments/${no}/interaction-languages`;

describe("a segment's subject per language", () => {
  beforeAll(async () => {
    // The header's language is English; Anna is English, Bo Danish, Cai Swedish.
    await api.call("POST", "/api/segments", {
      body: {
        no: "IL1",
        description: "Nyhedsbrev",
        subject: "News",
        languageCode: "en-GB",
        interactionTemplateCode: "LETTER",
      },
    });
    for (const contactNo of ["KT11", "KT12", "KT13"])
      await api.call("POST", "/api/segments/IL1/lines", { body: { contactNo } });
  });

  it("a Danish line gets the Danish subject when the segment gets one", async () => {
    // LETTER has a Danish letter, so Bo's line is Danish already.
    expect((await lines("IL1")).KT12).toMatchObject({ languageCode: "da-DK", subject: "News" });
    const res = await api.call("POST", languagesPath("IL1"), {
      body: { languageCode: "da-DK", description: "Dansk", subject: "Nyheder" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      segmentNo: "IL1",
      languageCode: "da-DK",
      subject: "Nyheder",
      letterFileName: "brev-da.docx",
    });
    expect(res.headers.get("etag")).toBe(`"${res.json.etag}"`);
    const l = await lines("IL1");
    expect(l.KT12).toMatchObject({ languageCode: "da-DK", subject: "Nyheder" });
    expect(l.KT11).toMatchObject({ languageCode: "en-GB", subject: "News" });
  });

  it("a contact's language that the segment now has moves its line to it, with its subject", async () => {
    const res = await api.call("POST", languagesPath("IL1"), {
      body: { languageCode: "sv-SE", subject: "Nyheter" },
    });
    expect(res.status).toBe(201);
    expect(res.json.letterFileName).toBeUndefined();
    expect((await lines("IL1")).KT13).toMatchObject({ languageCode: "sv-SE", subject: "Nyheter" });
    const list = await api.call("GET", languagesPath("IL1"));
    expect(list.status).toBe(200);
    expect((list.json.items as Language[]).map((x) => [x.languageCode, x.subject])).toEqual([
      ["da-DK", "Nyheder"],
      ["sv-SE", "Nyheter"],
    ]);
  });

  it("changing a language's subject reaches the lines that still carry it; a line's own subject stays", async () => {
    await api.call("POST", "/api/segments/IL1/lines", {
      body: { contactNo: "KT12", allowExistingContacts: true, subject: "Til Bo selv" },
    });
    const da = (await api.call("GET", `${languagesPath("IL1")}/da-DK`)).json as Language;
    const res = await api.call("PATCH", `${languagesPath("IL1")}/da-DK`, {
      body: { subject: "Nyt fra Nord" },
      ifMatch: da.etag,
    });
    expect(res.status).toBe(200);
    const all = (await api.call("GET", "/api/segments/IL1/lines")).json.items as Line[];
    expect(all.filter((l) => l.contactNo === "KT12").map((l) => l.subject)).toEqual(
      expect.arrayContaining(["Nyt fra Nord", "Til Bo selv"]),
    );
  });

  it("a line whose language is changed gets that language's subject; a new Danish line the Danish subject", async () => {
    const anna = (await lines("IL1")).KT11 as Line;
    const res = await api.call("PATCH", `/api/segments/IL1/lines/${anna.lineNo}`, {
      body: { languageCode: "da-DK" },
      ifMatch: anna.etag,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ languageCode: "da-DK", subject: "Nyt fra Nord" });
    await api.call("POST", "/api/segments", {
      body: { no: "IL2", description: "x", subject: "Hi", interactionTemplateCode: "LETTER" },
    });
    await api.call("POST", languagesPath("IL2"), {
      body: { languageCode: "da-DK", subject: "Hej" },
    });
    const bo = await api.call("POST", "/api/segments/IL2/lines", { body: { contactNo: "KT12" } });
    expect(bo.json).toMatchObject({ languageCode: "da-DK", subject: "Hej" });
    const cai = await api.call("POST", "/api/segments/IL2/lines", {
      body: { contactNo: "KT13", languageCode: "da-DK" },
    });
    expect(cai.json).toMatchObject({ languageCode: "da-DK", subject: "Hej" });
  });

  it("deleting a language sends its lines back to the header's language and subject", async () => {
    const sv = (await api.call("GET", `${languagesPath("IL1")}/sv-SE`)).json as Language;
    const res = await api.call("DELETE", `${languagesPath("IL1")}/sv-SE`, { ifMatch: sv.etag });
    expect(res.status).toBe(204);
    expect((await lines("IL1")).KT13).toMatchObject({ languageCode: "en-GB", subject: "News" });
    expect((await api.call("GET", `${languagesPath("IL1")}/sv-SE`)).status).toBe(404);
  });

  describe("bad input", () => {
    it("refuses a duplicate, a bad language tag, a too-long subject and an unknown field", async () => {
      const before = await api.call("GET", languagesPath("IL1"));
      const dup = await api.call("POST", languagesPath("IL1"), {
        body: { languageCode: "da-DK", subject: "igen" },
      });
      expect(dup.status).toBe(409);
      const tag = await api.call("POST", languagesPath("IL1"), {
        body: { languageCode: "dansk", subject: "x" },
      });
      expect(tag.status).toBe(400);
      expect(tag.json.errors[0]).toMatchObject({ field: "languageCode" });
      const long = await api.call("POST", languagesPath("IL1"), {
        body: { languageCode: "de-DE", subject: "x".repeat(101) },
      });
      expect(long.status).toBe(400);
      expect(long.json.errors[0]).toMatchObject({ field: "subject" });
      const longPatch = await api.call("PATCH", `${languagesPath("IL1")}/da-DK`, {
        body: { subject: "x".repeat(101) },
        ifMatch: (await api.call("GET", `${languagesPath("IL1")}/da-DK`)).json.etag,
      });
      expect(longPatch.status).toBe(400);
      expect(longPatch.json.errors[0]).toMatchObject({ field: "subject" });
      const unknown = await api.call("POST", languagesPath("IL1"), {
        body: { languageCode: "de-DE", subject: "x", attachmentNo: 7 },
      });
      expect(unknown.status).toBe(400);
      const path = await api.call("GET", `${languagesPath("IL1")}/not_a_tag`);
      expect(path.status).toBe(400);
      expect((await api.call("GET", languagesPath("IL1"))).json).toEqual(before.json);
    });

    it("a segment has at most 50 languages: the 51st is 422 and not written", async () => {
      await api.call("POST", "/api/segments", { body: { no: "IL50", description: "x" } });
      const tags = Array.from(
        { length: 51 },
        (_, i) =>
          `${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}-DK`,
      );
      for (const languageCode of tags.slice(0, 50)) {
        const res = await api.call("POST", languagesPath("IL50"), {
          body: { languageCode, subject: languageCode },
        });
        expect(res.status).toBe(201);
      }
      const over = await api.call("POST", languagesPath("IL50"), {
        body: { languageCode: tags[50], subject: "x" },
      });
      expect(over.status).toBe(422);
      expect(over.json.errors[0]).toMatchObject({ field: "languageCode", rule: "max_languages" });
      expect((await api.call("GET", languagesPath("IL50"))).json.items).toHaveLength(50);
    });

    it("a stale If-Match is 412 and changes nothing; PATCH without If-Match is 428", async () => {
      const da = (await api.call("GET", `${languagesPath("IL1")}/da-DK`)).json as Language;
      await api.call("PATCH", `${languagesPath("IL1")}/da-DK`, {
        body: { description: "Dansk" },
        ifMatch: da.etag,
      });
      const stale = await api.call("PATCH", `${languagesPath("IL1")}/da-DK`, {
        body: { subject: "Forkert" },
        ifMatch: da.etag,
      });
      expect(stale.status).toBe(412);
      const staleDelete = await api.call("DELETE", `${languagesPath("IL1")}/da-DK`, {
        ifMatch: da.etag,
      });
      expect(staleDelete.status).toBe(412);
      const none = await api.call("PATCH", `${languagesPath("IL1")}/da-DK`, {
        body: { subject: "Forkert" },
      });
      expect(none.status).toBe(428);
      expect((await api.call("GET", `${languagesPath("IL1")}/da-DK`)).json.subject).toBe(
        "Nyt fra Nord",
      );
    });

    it("an unknown segment is 404; a logged segment is 410 and nothing is written", async () => {
      expect((await api.call("GET", languagesPath("NOPE"))).status).toBe(404);
      expect(
        (
          await api.call("POST", languagesPath("NOPE"), {
            body: { languageCode: "da-DK", subject: "x" },
          })
        ).status,
      ).toBe(404);
      await api.call("POST", "/api/segments", {
        body: {
          no: "IL9",
          description: "x",
          interactionTemplateCode: "EMAIL",
          salespersonCode: "JO",
        },
      });
      const da = await api.call("POST", languagesPath("IL9"), {
        body: { languageCode: "da-DK", subject: "Hej" },
      });
      await api.call("POST", "/api/segments/IL9/lines", { body: { contactNo: "KT12" } });
      const logged = await api.call("POST", "/api/segments/IL9/log", {
        body: {},
        ifMatch: (await header("IL9")).etag,
      });
      expect(logged.status).toBe(200);
      const answers = await Promise.all([
        api.call("GET", languagesPath("IL9")),
        api.call("POST", languagesPath("IL9"), { body: { languageCode: "en-GB", subject: "x" } }),
        api.call("PATCH", `${languagesPath("IL9")}/da-DK`, {
          body: { subject: "y" },
          ifMatch: da.json.etag,
        }),
        api.call("DELETE", `${languagesPath("IL9")}/da-DK`, { ifMatch: da.json.etag }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([410, 410, 410, 410]);
      expect(answers[1]?.json).toMatchObject({ loggedSegmentEntryNo: expect.any(Number) });
    });
  });
});
