import type { AppDeps } from "../../app-deps";
import type { StoredDelivery, StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";
import { composeEmail } from "../compose/compose-email";
import { emailLinesOfEntries } from "../compose/entry-email-lines";
import type { ComposedLine } from "./line-composer";

/**
 * The job's lines as e-mails, composed as a preview shows them: each line's interaction log
 * entry, its contact as it is now, its letter as the HTML body or attached (the job's options).
 */
export const composeEntryLines = async (
  deps: AppDeps,
  tenant: TenantId,
  job: StoredSendJob,
  lines: readonly StoredDelivery[],
): Promise<ComposedLine[]> => {
  const entries = await deps.store.interactions.entriesByKeys(tenant, lines);
  const missing: ComposedLine = {
    kind: "failed",
    reason: { code: "no_entry", message: "The interaction log entry no longer exists." },
  };
  const present = entries.filter((e) => e !== undefined);
  const emailLines = await emailLinesOfEntries(deps, tenant, present);
  const byEntry = new Map(emailLines.map((l) => [l.entry.entryNo, l]));
  const context = {
    tenant,
    messageIdDomain: deps.config.mail.messageIdDomain,
    toHtml: (docx: Uint8Array, signal?: AbortSignal) => deps.workers.letterHtml(docx, signal),
    toPdf: (docx: Uint8Array, signal?: AbortSignal) => deps.pdf.convert(docx, signal),
    resendJobId: job.origin === "resend" ? job.id : undefined,
  };
  return Promise.all(
    lines.map(async (line): Promise<ComposedLine> => {
      const emailLine = byEntry.get(line.entryNo);
      if (!emailLine) return missing;
      const composed = await composeEmail(emailLine, job.options, context);
      return composed.kind === "message"
        ? composed
        : { kind: composed.kind, reason: composed.reason };
    }),
  );
};
