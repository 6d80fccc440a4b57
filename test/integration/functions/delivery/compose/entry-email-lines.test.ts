import { startApi, type ApiHarness } from "../../../harness/api-harness";
import { buildDocx, mergeField, p, t } from "../../../../unit/shared/merge/docx-builder";
import { composeEmail } from "../../../../../functions/delivery/compose/compose-email";
import { emailLinesOfEntries } from "../../../../../functions/delivery/compose/entry-email-lines";
import { asTenantId } from "../../../../../functions/store/tenant";

/** Logged entries to e-mails: the entries a Log wrote, their letters, their contacts as now. */
let api: ApiHarness;
const tenant = asTenantId("tenant-a");
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const ok = async (method: string, path: string, body?: object, ifMatch?: string) => {
  const res = await api.call(method, path, {
    ...(body ? { body } : {}),
    ...(ifMatch ? { ifMatch } : {}),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.json;
};

let loggedEntryNo: number;
beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  await ok("POST", "/api/salespeople", { code: "JO", name: "Jonas Olsen" });
  await ok("POST", "/api/interaction-templates", {
    code: "MAIL",
    description: "Forårsbrev",
    languageCode: "da-DK",
  });
  const letter = buildDocx({
    body: p(t("Kære "), mergeField("First Name"), t(", vi ses i "), mergeField("City"), t(".")),
  });
  expect(
    (
      await api.call("PUT", "/api/interaction-templates/MAIL/attachments/da-DK", {
        rawBody: { contentType: docx, bytes: letter },
      })
    ).status,
  ).toBe(200);
  const person = (no: string, extra: object) =>
    ok("POST", "/api/contacts", { no, type: "person", languageCode: "da-DK", ...extra });
  await person("L1", {
    name: "Ærlig Østergård",
    firstName: "Ærlig",
    city: "Aarhus",
    email: "aerlig@example.dk",
    correspondenceType: "email",
  });
  await person("L2", {
    name: "Later Out",
    firstName: "Lars",
    email: "lars@example.dk",
    correspondenceType: "email",
  });
  await person("L3", {
    name: "Paper",
    firstName: "Pia",
    email: "pia@example.dk",
    correspondenceType: "hardCopy",
  });
  await ok("POST", "/api/segments", {
    no: "LG",
    description: "Forår",
    interactionTemplateCode: "MAIL",
    salespersonCode: "JO",
    subject: "Hej «First Name»",
  });
  for (const no of ["L1", "L2", "L3"])
    await ok("POST", "/api/segments/LG/lines", { contactNo: no });
  const segment = await ok("GET", "/api/segments/LG");
  loggedEntryNo = (await ok("POST", "/api/segments/LG/log", {}, segment.etag)).loggedSegment
    .entryNo;
  // Opted out after the Log: the contact as it is when the mail goes out counts.
  const l2 = await ok("GET", "/api/contacts/L2");
  await ok("PATCH", "/api/contacts/L2", { emailOptOut: true }, l2.etag);
});
afterAll(() => api.close());

describe("a logged segment's entries as e-mails", () => {
  it("sends the e-mail lines their merged letters, and skips the rest without merging them", async () => {
    const entries = (await api.deps.store.interactions.entriesOfLogged(tenant, loggedEntryNo)).sort(
      (a, b) => a.entryNo - b.entryNo,
    );
    expect(entries.map((e) => e.contactNo)).toEqual(["L1", "L2", "L3"]);
    const lines = await emailLinesOfEntries(api.deps, tenant, entries);
    expect(lines.map((l) => l.letter !== undefined)).toEqual([true, false, false]);
    expect(lines[0]?.values["First Name"]).toBe("Ærlig");
    const context = {
      tenant,
      messageIdDomain: "contoso.com",
      toHtml: (bytes: Uint8Array) => api.deps.workers.letterHtml(bytes),
      toPdf: (bytes: Uint8Array) => api.deps.pdf.convert(bytes),
    };
    const composed = await Promise.all(
      lines.map((line) => composeEmail(line, { email: { kind: "letter" } }, context)),
    );
    expect(composed.map((c) => (c.kind === "message" ? "message" : c.reason.code))).toEqual([
      "message",
      "opted_out",
      "hard_copy",
    ]);
    const [first] = composed;
    if (first?.kind !== "message") throw new Error("expected a message");
    expect(first.message.subject).toBe("Hej Ærlig");
    expect(first.message.html).toContain("<p>Kære Ærlig, vi ses i Aarhus.</p>");
    expect(first.message.messageId).toBe(
      `<mergeline.${entries[0]?.entryNo}.${first.message.deliveryId.split("-")[1]}@contoso.com>`,
    );
  });
});
