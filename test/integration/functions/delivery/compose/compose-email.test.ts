/**
 * E-mail composition with real LibreOffice (PDF attachments, read back with pdftotext), real
 * mammoth (the letter as HTML), and one round trip through the SMTP transport into a real SMTP
 * server, as a contact's mailbox would see it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { letterValues } from "@shared/letter/merge-fields";
import type { Contact } from "@shared/model/contact";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import {
  createPdfConverter,
  type PdfConverter,
} from "../../../../../functions/convert/pdf-converter";
import {
  composeEmail,
  type ComposeContext,
  type ComposedEmail,
  type EmailLine,
} from "../../../../../functions/delivery/compose/compose-email";
import type { EmailChoice } from "../../../../../functions/delivery/compose/email-choice-checks";
import type { MailMessage } from "../../../../../functions/delivery/mail-transport";
import {
  createMergeWorkers,
  type MergeWorkers,
} from "../../../../../functions/merge/worker/merge-workers";
import { createSmtpTransport } from "../../../../../functions/delivery/smtp/smtp-transport";
import { asTenantId } from "../../../../../functions/store/tenant";
import { startSmtpInbox } from "../../../harness/smtp-inbox";
import { buildDocx, drawing, p, PNG, t } from "../../../../unit/shared/merge/docx-builder";

const tenant = asTenantId("72f988bf-86f1-41af-91ab-2d7cd011db47");
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const pdfText = (pdf: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), "mail-pdf-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    return execFileSync("pdftotext", [join(dir, "in.pdf"), "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const words = (text: string): string => text.replace(/\s+/g, " ").trim();

const letterOf = (lines: readonly string[], picture = false): Uint8Array =>
  buildDocx({
    body: lines.map((line) => p(t(line))).join("") + (picture ? p(drawing(1)) : ""),
    ...(picture
      ? {
          extraParts: [
            {
              name: "word/media/image1.png",
              content: PNG,
              relType: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
              relId: "rIdImg",
            },
          ],
        }
      : {}),
  });

const contact = (extra: Partial<Contact> = {}): Contact => ({
  no: "KT1",
  type: "person",
  name: "Ærlig Østergård",
  firstName: "Ærlig",
  surname: "Østergård",
  searchName: "ÆRLIG ØSTERGÅRD",
  email: "aerlig@example.dk",
  emailOptOut: false,
  excludeFromSegments: false,
  mailingGroups: [],
  industryGroups: [],
  businessRelations: [],
  jobResponsibilities: [],
  profileAnswers: [],
  customFields: { tier: "gold" },
  etag: "e",
  createdAt: "2026-01-01T00:00:00.000Z",
  createdBy: "u",
  modifiedAt: "2026-01-01T00:00:00.000Z",
  modifiedBy: "u",
  ...extra,
});

type Entry = EmailLine["entry"];
const entry = (extra: Partial<InteractionLogEntry> = {}): Entry => ({
  entryNo: 41,
  contactName: "Ærlig Østergård",
  description: "Spring mailing",
  subject: "Velkommen, «First Name»",
  correspondenceType: "email",
  languageCode: "da-DK",
  ...extra,
});

const lineOf = (
  options: {
    entry?: Partial<InteractionLogEntry>;
    contact?: Contact | undefined;
    letter?: Uint8Array;
  } = {},
): EmailLine => {
  const c = "contact" in options ? options.contact : contact();
  const e = entry(options.entry);
  return {
    entry: e,
    contact: c,
    values: letterValues({
      contact: c ?? { no: "KT1", name: e.contactName },
      template: { description: "Forårsbrev" },
      today: "2026-03-05",
      language: e.languageCode,
    }),
    letter: {
      fileName: "41 Ærlig Østergård.docx",
      bytes:
        options.letter ?? letterOf(["Kære Ærlig,", "Vi åbner butikken i Aarhus den 5. marts."]),
    },
  };
};

const attach = (format: "docx" | "pdf", text = ""): EmailChoice => ({
  email: { kind: "attachment", format, text },
});

const messageOf = (composed: ComposedEmail): MailMessage => {
  if (composed.kind !== "message") throw new Error(`expected a message, got ${composed.kind}`);
  return composed.message;
};

let converter: PdfConverter;
let workers: MergeWorkers;
let conversions = 0;
let context: ComposeContext;
beforeAll(() => {
  converter = createPdfConverter({ size: 1, maxQueue: 8, timeoutMs: 120_000 });
  // The letter becomes HTML in a merge thread, as in the API.
  workers = createMergeWorkers({ size: 1, maxQueue: 8 });
  context = {
    tenant,
    messageIdDomain: "contoso.com",
    toHtml: (docx, signal) => workers.letterHtml(docx, signal),
    toPdf: (docx, signal) => {
      conversions++;
      return converter.convert(docx, signal);
    },
  };
});
afterAll(() => Promise.all([converter.close(), workers.close()]));

describe("composing an entry's e-mail", () => {
  it("sends the merged letter as the HTML body, pictures inline, with a plain-text alternative", async () => {
    const letter = letterOf(["Kære Ærlig,", "Vi åbner butikken i Aarhus."], true);
    const message = messageOf(
      await composeEmail(lineOf({ letter }), { email: { kind: "letter" } }, context),
    );
    expect(message.html).toContain("<p>Kære Ærlig,</p>");
    expect(message.html).toContain("<p>Vi åbner butikken i Aarhus.</p>");
    expect(message.html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    expect(message.html).toContain('<html lang="da-DK">');
    expect(words(message.text)).toBe("Kære Ærlig, Vi åbner butikken i Aarhus.");
    expect(message.attachments).toEqual([]);
    expect(message.to).toEqual({ name: "Ærlig Østergård", address: "aerlig@example.dk" });
  });

  it("gives every attempt the same ids, and never shows the tenant id", async () => {
    const first = messageOf(await composeEmail(lineOf(), attach("docx"), context));
    const again = messageOf(await composeEmail(lineOf(), attach("docx"), context));
    expect(again.messageId).toBe(first.messageId);
    expect(again.deliveryId).toBe(first.deliveryId);
    expect(first.messageId).toMatch(/^<mergeline\.41\.[0-9a-f]{16}@contoso\.com>$/);
    expect(first.messageId).not.toContain(tenant);
    expect(first.deliveryId).not.toContain(tenant);
    const otherTenant = messageOf(
      await composeEmail(lineOf(), attach("docx"), { ...context, tenant: asTenantId("other") }),
    );
    expect(otherTenant.messageId).not.toBe(first.messageId);
    const otherEntry = messageOf(
      await composeEmail(lineOf({ entry: { entryNo: 42 } }), attach("docx"), context),
    );
    expect(otherEntry.messageId).not.toBe(first.messageId);
  });

  it("attaches the letter as it is (.docx) under a short body with merge fields", async () => {
    const line = lineOf();
    const message = messageOf(
      await composeEmail(
        line,
        attach("docx", "Hej «FirstName» («Custom tier»),\n\nSe brevet."),
        context,
      ),
    );
    expect(message.text).toBe("Hej Ærlig (gold),\n\nSe brevet.");
    expect(message.html).toContain("<p>Hej Ærlig (gold),</p>\n<p>Se brevet.</p>");
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]?.fileName).toBe("41 Ærlig Østergård.docx");
    expect(message.attachments[0]?.contentType).toBe(DOCX);
    expect([...(message.attachments[0]?.bytes ?? [])]).toEqual([...(line.letter?.bytes ?? [1])]);
  });

  it("attaches the letter as PDF whose text is the letter's", async () => {
    const message = messageOf(await composeEmail(lineOf(), attach("pdf"), context));
    const pdf = message.attachments[0];
    expect(pdf?.fileName).toBe("41 Ærlig Østergård.pdf");
    expect(pdf?.contentType).toBe("application/pdf");
    expect(words(pdfText(pdf?.bytes ?? new Uint8Array()))).toBe(
      "Kære Ærlig, Vi åbner butikken i Aarhus den 5. marts.",
    );
  });

  it("fails only that line, with conversion_failed, when LibreOffice cannot convert the letter", async () => {
    // A broken zip: LibreOffice writes no PDF for it.
    const broken = new TextEncoder().encode("PK\u0003\u0004 not a zip");
    const composed = await composeEmail(lineOf({ letter: broken }), attach("pdf"), context);
    expect(composed.kind).toBe("failed");
    expect(composed.kind !== "message" && composed.reason.code).toBe("conversion_failed");
    // The next line goes on.
    expect((await composeEmail(lineOf(), attach("pdf"), context)).kind).toBe("message");
  });

  it("fails an e-mail line whose entry kept no letter, with no_letter", async () => {
    const composed = await composeEmail(
      { ...lineOf(), letter: undefined },
      { email: { kind: "letter" } },
      context,
    );
    expect(composed.kind).toBe("failed");
    expect(composed.kind !== "message" && composed.reason.code).toBe("no_letter");
  });

  it("writes the subject and greeting in the line's language", async () => {
    const da = messageOf(
      await composeEmail(
        lineOf({ entry: { subject: "Brev af «Today»" } }),
        attach("docx"),
        context,
      ),
    );
    expect(da.subject).toBe("Brev af 05-03-2026");
    expect(da.text).toBe("Kære Ærlig,");
    expect(da.languageCode).toBe("da-DK");
    const en = messageOf(
      await composeEmail(
        lineOf({ entry: { subject: "Letter of «Today»", languageCode: "en-US" } }),
        attach("docx"),
        context,
      ),
    );
    expect(en.subject).toBe("Letter of 3/5/2026");
    expect(en.text).toBe("Dear Ærlig Østergård,");
    expect(en.languageCode).toBe("en-US");
  });

  it("takes the subject from the request, else the line, else the template, else the description", async () => {
    const subject = async (choice: EmailChoice, e: Partial<InteractionLogEntry>) =>
      messageOf(await composeEmail(lineOf({ entry: e }), choice, context)).subject;
    expect(await subject({ ...attach("docx"), subject: "Til «Name»" }, {})).toBe(
      "Til Ærlig Østergård",
    );
    expect(await subject(attach("docx"), {})).toBe("Velkommen, Ærlig");
    expect(await subject(attach("docx"), { subject: undefined })).toBe("Forårsbrev");
    const noTemplate = lineOf({ entry: { subject: undefined } });
    const described = messageOf(
      await composeEmail(
        { ...noTemplate, values: { ...noTemplate.values, "Template Description": null } },
        attach("docx"),
        context,
      ),
    );
    expect(described.subject).toBe("Spring mailing");
  });

  it.each([
    ["hard_copy", { entry: { correspondenceType: "hardCopy" as const } }],
    ["hard_copy", { entry: { correspondenceType: undefined } }],
    ["opted_out", { contact: contact({ emailOptOut: true }) }],
    ["no_address", { contact: contact({ email: undefined }) }],
    ["no_address", { contact: undefined }],
    ["invalid_address", { contact: contact({ email: "aerlig at example" }) }],
  ])("skips with %s, converting nothing", async (code, options) => {
    const before = conversions;
    const composed = await composeEmail(lineOf(options), attach("pdf"), context);
    expect(composed.kind).toBe("skipped");
    expect(composed.kind !== "message" && composed.reason.code).toBe(code);
    expect(composed.kind !== "message" && composed.subject).toBeTruthy();
    expect(conversions).toBe(before);
  });
});

describe("composed e-mails through SMTP", () => {
  it("each contact gets one message with its subject, body, attachment and language", async () => {
    const inbox = await startSmtpInbox();
    const transport = createSmtpTransport({
      smtpUrl: inbox.url,
      from: "news@contoso.com",
      concurrency: 2,
      maxMessageBytes: 10_000_000,
    });
    try {
      const danish = lineOf();
      const english = lineOf({
        entry: { entryNo: 42, languageCode: "en-US", subject: "Welcome, «First Name»" },
        contact: contact({
          no: "KT2",
          firstName: "Jo",
          surname: "Hart",
          name: "Jo Hart",
          email: "jo@example.com",
        }),
        letter: letterOf(["Dear Jo,", "We open in Aarhus."]),
      });
      for (const line of [danish, english])
        await transport.send(messageOf(await composeEmail(line, attach("pdf"), context)));
      const mails = await inbox.waitFor(2);
      const byTo = new Map(mails.map((m) => [m.to[0], m.parsed]));
      const da = byTo.get("aerlig@example.dk");
      const en = byTo.get("jo@example.com");
      expect(da?.subject).toBe("Velkommen, Ærlig");
      expect(da?.text?.trim()).toBe("Kære Ærlig,");
      expect(da?.headers.get("content-language")).toBe("da-DK");
      expect(words(pdfText(da?.attachments[0]?.content ?? Buffer.alloc(0)))).toBe(
        "Kære Ærlig, Vi åbner butikken i Aarhus den 5. marts.",
      );
      expect(en?.subject).toBe("Welcome, Jo");
      expect(en?.text?.trim()).toBe("Dear Jo Hart,");
      expect(en?.headers.get("content-language")).toBe("en-US");
      expect(words(pdfText(en?.attachments[0]?.content ?? Buffer.alloc(0)))).toBe(
        "Dear Jo, We open in Aarhus.",
      );
      expect(en?.messageId).toMatch(/^<mergeline\.42\./);
    } finally {
      await transport.close();
      await inbox.close();
    }
  });
});
