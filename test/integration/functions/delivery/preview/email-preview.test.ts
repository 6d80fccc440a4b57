import { EmailPreview } from "@shared/model/delivery";
import { startApi, type ApiHarness } from "../../../harness/api-harness";
import { buildDocx, mergeField, p, t } from "../../../../unit/shared/merge/docx-builder";

/**
 * POST /segments/{no}/email-preview: one contact's e-mail as it would go out, its letter merged
 * as the merge merges it (the segment's template, the API's merge threads, real LibreOffice).
 */
let api: ApiHarness;
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const letter = buildDocx({
  body:
    p(t("Kære "), mergeField("First Name"), t(",")) + p(t("Vi ses i "), mergeField("City"), t(".")),
});

const ok = async (method: string, path: string, body?: object) => {
  const res = await api.call(method, path, body ? { body } : {});
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.json;
};

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await ok("POST", "/api/interaction-templates", {
    code: "MAIL",
    description: "Forårsbrev",
    correspondenceType: "email",
    languageCode: "da-DK",
  });
  const upload = await api.call("PUT", "/api/interaction-templates/MAIL/attachments/da-DK", {
    rawBody: { contentType: docx, bytes: letter },
  });
  expect(upload.status).toBe(200);
  const person = (no: string, extra: object) =>
    ok("POST", "/api/contacts", { no, type: "person", correspondenceType: "email", ...extra });
  await person("P1", {
    name: "Ærlig Østergård",
    firstName: "Ærlig",
    surname: "Østergård",
    city: "Aarhus",
    email: "aerlig@example.dk",
    languageCode: "da-DK",
  });
  await person("P2", {
    name: "Jo Hart",
    firstName: "Jo",
    surname: "Hart",
    city: "York",
    email: "jo@example.com",
    languageCode: "en-US",
  });
  await person("P3", { name: "Out", email: "out@example.dk", emailOptOut: true });
  await person("P4", { name: "No Address" });
  await person("P5", { name: "Elsewhere", email: "elsewhere@example.dk" });
  await ok("POST", "/api/segments", {
    no: "EP",
    description: "Forår",
    interactionTemplateCode: "MAIL",
    subject: "Velkommen «First Name»",
  });
  for (const no of ["P1", "P2", "P3", "P4"])
    await ok("POST", "/api/segments/EP/lines", { contactNo: no });
});
afterAll(() => api.close());

const preview = (body: object, segment = "EP") =>
  api.call("POST", `/api/segments/${segment}/email-preview`, { body });

const previewOk = async (body: object): Promise<EmailPreview> => {
  const res = await preview(body);
  expect({ status: res.status, text: res.status === 200 ? "" : res.text }).toEqual({
    status: 200,
    text: "",
  });
  return EmailPreview.parse(res.json);
};

describe("POST /segments/{no}/email-preview", () => {
  it("shows the contact's merged letter as the HTML body", async () => {
    const shown = await previewOk({ contactNo: "P1", email: { kind: "letter" } });
    expect(shown.to).toBe("aerlig@example.dk");
    expect(shown.subject).toBe("Velkommen Ærlig");
    expect(shown.html).toContain("<p>Kære Ærlig,</p>");
    expect(shown.html).toContain("<p>Vi ses i Aarhus.</p>");
    expect(shown.attachments).toEqual([]);
    expect(shown.skipped).toBeUndefined();
  });

  it("shows a short body in the contact's language with the letter attached as PDF", async () => {
    const da = await previewOk({ contactNo: "P1" });
    expect(da.html).toContain("<p>Kære Ærlig,</p>");
    expect(da.attachments).toHaveLength(1);
    expect(da.attachments[0]?.contentType).toBe("application/pdf");
    expect(da.attachments[0]?.fileName).toMatch(/\.pdf$/);
    expect(da.attachments[0]?.bytes).toBeGreaterThan(1000);
    const en = await previewOk({ contactNo: "P2" });
    expect(en.html).toContain("<p>Dear Jo Hart,</p>");
    expect(en.subject).toBe("Velkommen Jo");
  });

  it("writes the request's short body and subject with merge fields, the letter as .docx", async () => {
    const shown = await previewOk({
      contactNo: "P2",
      email: { kind: "attachment", format: "docx", text: "Hi «FirstName» from «City»" },
      subject: "For «Name»",
    });
    expect(shown.subject).toBe("For Jo Hart");
    expect(shown.html).toContain("<p>Hi Jo from York</p>");
    expect(shown.attachments).toEqual([
      { fileName: expect.stringMatching(/\.docx$/), contentType: docx, bytes: expect.any(Number) },
    ]);
  });

  it.each([
    ["P3", "opted_out"],
    ["P4", "no_address"],
  ])("says why %s gets no e-mail (%s)", async (contactNo, code) => {
    const shown = await previewOk({ contactNo });
    expect(shown.skipped?.code).toBe(code);
    expect(shown.html).toBe("");
    expect(shown.attachments).toEqual([]);
  });
});

describe("POST /segments/{no}/email-preview refuses bad input", () => {
  const refused = async (body: object, status: number, segment = "EP") => {
    const res = await preview(body, segment);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    return res.json as { errors?: { field: string; rule: string }[]; title?: string };
  };

  it("an unknown segment: 404", async () => {
    await refused({ contactNo: "P1" }, 404, "NOPE");
  });

  it("an unknown contact: 404", async () => {
    await refused({ contactNo: "P999" }, 404);
  });

  it("a contact that is not on the segment: 422 naming contactNo", async () => {
    const problem = await refused({ contactNo: "P5" }, 422);
    expect(problem.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["contactNo", "not_in_segment"],
    ]);
  });

  it("an unknown merge field in the short body or the subject: 422 naming each", async () => {
    const problem = await refused(
      {
        contactNo: "P1",
        email: { kind: "attachment", format: "pdf", text: "Hej «Kaldenavn»" },
        subject: "«Skostørrelse»",
      },
      422,
    );
    expect(problem.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["email.text", "unknown_merge_field"],
      ["subject", "unknown_merge_field"],
    ]);
  });

  it.each([
    [
      "an over-long short body",
      { email: { kind: "attachment", text: "x".repeat(10_001) } },
      "email.text",
    ],
    ["an over-long subject", { subject: "x".repeat(251) }, "subject"],
    ["an unknown body kind", { email: { kind: "fax" } }, "email.kind"],
    [
      "an unknown attachment format",
      { email: { kind: "attachment", format: "odt" } },
      "email.format",
    ],
  ])("%s: 400 naming the field", async (_what, extra, field) => {
    const problem = await refused({ contactNo: "P1", ...extra }, 400);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it("no contactNo: 400", async () => {
    const problem = await refused({}, 400);
    expect(problem.errors?.map((e) => e.field)).toContain("contactNo");
  });

  it("an unknown member: 400", async () => {
    const problem = await refused({ contactNo: "P1", bcc: "x@example.com" }, 400);
    expect(problem.errors?.length).toBeGreaterThan(0);
  });
});
