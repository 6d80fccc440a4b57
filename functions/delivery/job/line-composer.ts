import type { DeliveryReason } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import type { StoredDelivery, StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";
import type { MailMessage } from "../mail-transport";

/** A line's message, or why the line gets none (skipped) or cannot be sent (failed). */
export type ComposedLine =
  | { readonly kind: "message"; readonly message: MailMessage }
  | { readonly kind: "skipped" | "failed"; readonly reason: DeliveryReason };

/**
 * The seam between the send job and composition (functions/delivery/compose/): a batch of the
 * job's lines to their messages, in order. The same line composes the same message (the same
 * Message-ID) on every attempt.
 */
export type LineComposer = (
  deps: AppDeps,
  tenant: TenantId,
  job: StoredSendJob,
  lines: readonly StoredDelivery[],
) => Promise<ComposedLine[]>;
