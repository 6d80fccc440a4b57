import type { AppDeps } from "../../app-deps";
import type { ComposedLine, LineToCompose } from "./line-composer";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
  );

/**
 * The smallest composition: the entry's subject and a short text body, no letter. The job runs
 * with it where composition (functions/delivery/compose/) is not wired in.
 */
export const plainComposer = async (
  deps: AppDeps,
  { tenant, job, delivery, deliveryId, messageId }: LineToCompose,
): Promise<ComposedLine> => {
  if (!delivery.email)
    return {
      kind: "skipped",
      reason: { code: "no_address", message: `${delivery.contactNo} has no e-mail address` },
    };
  const interactions = deps.store.interactions;
  const entry = await interactions.entries.find(
    tenant,
    interactions.entryKey(delivery.contactNo, delivery.entryNo),
  );
  const subject = job.options.subject ?? entry?.subject ?? entry?.description ?? "";
  const text =
    job.options.email.kind === "attachment" && job.options.email.text
      ? job.options.email.text
      : `Dear ${delivery.contactName}`;
  return {
    kind: "message",
    message: {
      deliveryId,
      messageId,
      to: { name: delivery.contactName, address: delivery.email },
      subject,
      html: `<p>${escapeHtml(text)}</p>`,
      text,
      attachments: [],
      languageCode: delivery.languageCode,
    },
  };
};
