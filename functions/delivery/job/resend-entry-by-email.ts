import type { SendAttachments, SendJob } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import type { Identity } from "../../auth/identity";
import { NotFoundError, ValidationError } from "../../errors/app-errors";
import { startSendJob } from "./send-job-service";
import type { SendGrant } from "./send-session";

const refuse = (rule: string, message: string, title: string) =>
  new ValidationError([{ in: "path", field: "entryNo", rule, message }], title, 422);

/**
 * Business Central's Resend Attachments for one e-mail entry: a send job of that one line. Its
 * message is a new one (its own Message-ID and delivery id, from the resend job), so Graph's
 * lookup does not take it for the first message and no mailbox drops it as a repeat. Only
 * an e-mail entry of a logged segment is resent by e-mail; a hard-copy entry's letter is
 * downloaded (POST .../resend).
 */
export const resendEntryByEmail = async (
  deps: AppDeps,
  identity: Identity,
  entryNo: number,
  request: SendAttachments & { readonly jobId?: string | undefined },
  grant?: SendGrant,
): Promise<SendJob> => {
  const entry = await deps.store.interactions.findEntry(identity.tenantId, entryNo);
  if (!entry) throw new NotFoundError("Interaction log entry", String(entryNo));
  if (entry.correspondenceType !== "email")
    throw refuse(
      "email_entry",
      `entry ${entryNo} is a ${entry.correspondenceType ?? "no"} correspondence`,
      `Interaction log entry ${entryNo} did not go out by e-mail: download its letter instead (Resend).`,
    );
  if (entry.loggedSegmentEntryNo === undefined)
    throw refuse(
      "logged_entry",
      `entry ${entryNo} was not logged with a segment`,
      `Interaction log entry ${entryNo} has no logged segment to send from.`,
    );
  const { jobId, ...options } = request;
  return startSendJob(deps, identity, {
    jobId,
    loggedSegmentEntryNo: entry.loggedSegmentEntryNo,
    options,
    origin: "resend",
    entryNos: [entryNo],
    grant,
  });
};
