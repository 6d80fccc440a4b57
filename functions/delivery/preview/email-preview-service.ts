import type { z } from "zod";
import type { EmailPreview, EmailPreviewRequest } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import type { Identity } from "../../auth/identity";
import { NotFoundError, ValidationError } from "../../errors/app-errors";
import { lineOrHeader } from "../../interactions/log-checks";
import {
  assertAllMatched,
  assertMatchesValid,
  withFieldMatches,
} from "../../merge/letter-field-matches";
import { letterRecords, toMergeRecord, type LetterRecord } from "../../merge/letter-records";
import { recordsForEachLetter, resolveLineLetters } from "../../merge/line-letters";
import { resolveTemplate, type LetterBytes } from "../../merge/merge-template";
import { withOwnLetters } from "../../merge/own-letters";
import { assertNotLogged } from "../../segments/segment-history";
import type { SegmentHeader, StoredLine } from "../../store/segment-repository";
import type { TenantId } from "../../store/tenant";
import { composeEmail, type EmailLine } from "../compose/compose-email";
import { assertEmailChoice } from "../compose/email-choice-checks";

type Request = z.output<typeof EmailPreviewRequest>;

/** The contact's line on the segment: 404 for a contact the tenant does not have, 422 for one not on it. */
const lineOfContact = async (
  deps: AppDeps,
  tenant: TenantId,
  segmentNo: string,
  contactNo: string,
): Promise<StoredLine> => {
  const page = await deps.store.segments.listLines(tenant, segmentNo, { contactNo }, 1);
  const found = page.items[0];
  const line = found && (await deps.store.segments.storedLine(tenant, segmentNo, found.lineNo));
  if (line) return line;
  const [contact] = await deps.store.contacts.getMany(tenant, [contactNo]);
  if (!contact) throw new NotFoundError("Contact", contactNo);
  const message = `contact ${contactNo} is not on segment ${segmentNo}`;
  throw new ValidationError(
    [{ in: "body", field: "contactNo", rule: "not_in_segment", message }],
    `Contact ${contactNo} is not on segment ${segmentNo}: preview a contact of the segment.`,
    422,
  );
};

/**
 * The line's letter merged exactly as a merge merges it: the segment's letter held to Match
 * Fields, the line's own template or language (merge/line-letters.ts), its own uploaded letter
 * in place of the merged one.
 */
const mergedLetterOf = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  line: StoredLine,
): Promise<{
  readonly record: LetterRecord;
  readonly bytes: Uint8Array;
  readonly fileName: string;
}> => {
  const segmentLetter = await resolveTemplate(deps, tenant, header, undefined);
  const { fieldNames } = await deps.workers.readLetter(segmentLetter.bytes);
  assertMatchesValid(fieldNames, segmentLetter.matches, "template.fieldMatches");
  assertAllMatched(fieldNames, segmentLetter.matches, []);
  const lineLetters = await resolveLineLetters(
    deps,
    tenant,
    header,
    undefined,
    [line],
    segmentLetter,
    {
      refuseUnmatched: true,
    },
  );
  const [record] = await letterRecords(deps, tenant, header, [line]);
  const matched = recordsForEachLetter(
    lineLetters,
    withFieldMatches([record as LetterRecord], segmentLetter.matches),
  );
  const letter = lineLetters.letters[lineLetters.letterOf[0] ?? 0] as LetterBytes;
  const [merged] = await deps.workers.mergeEach(letter.bytes, matched.map(toMergeRecord));
  const [bytes] = await withOwnLetters(deps, tenant, matched, [
    (merged as { bytes: Uint8Array }).bytes,
  ]);
  return {
    record: record as LetterRecord,
    bytes: bytes as Uint8Array,
    fileName: `${(merged as { name: string }).name}`,
  };
};

/**
 * One contact's e-mail as the send job would build it after a Log of the segment as it is now:
 * the same composition (delivery/compose/), the letter merged as the merge merges it.
 */
export const previewEmail = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  request: Request,
): Promise<EmailPreview> => {
  const tenant = identity.tenantId;
  assertEmailChoice(request);
  const header = assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  const line = await lineOfContact(deps, tenant, segmentNo, request.contactNo);
  const [contact] = await deps.store.contacts.getMany(tenant, [line.contactNo]);
  const letter = await mergedLetterOf(deps, tenant, header, line);
  const emailLine: EmailLine = {
    entry: {
      // Not logged yet: no entry number. The preview shows no Message-ID.
      entryNo: 0,
      contactName: line.contactName,
      subject: lineOrHeader(line, header, "subject"),
      description: line.description ?? header.description ?? "",
      correspondenceType: lineOrHeader(line, header, "correspondenceType"),
      languageCode: lineOrHeader(line, header, "languageCode"),
    },
    contact,
    values: letter.record.values,
    letter: { fileName: letter.fileName, bytes: letter.bytes },
  };
  const composed = await composeEmail(emailLine, request, {
    tenant,
    messageIdDomain: deps.config.mail.messageIdDomain,
    toHtml: (docx, signal) => deps.workers.letterHtml(docx, signal),
    toPdf: (docx, signal) => deps.pdf.convert(docx, signal),
  });
  if (composed.kind !== "message")
    return {
      ...(composed.to ? { to: composed.to } : {}),
      subject: composed.subject,
      html: "",
      attachments: [],
      skipped: composed.reason,
    };
  const { message } = composed;
  return {
    to: message.to.address,
    subject: message.subject,
    html: message.html,
    attachments: message.attachments.map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType,
      bytes: a.bytes.byteLength,
    })),
  };
};
