import type { DeliveryReason } from "@shared/model/delivery";
import type { AppDeps } from "../../app-deps";
import type { StoredDelivery, StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";
import type { MailMessage } from "../mail-transport";

/** One line the job is about to send, with the ids every attempt at it carries. */
export interface LineToCompose {
  readonly tenant: TenantId;
  readonly job: StoredSendJob;
  readonly delivery: StoredDelivery;
  readonly deliveryId: string;
  readonly messageId: string;
}

/** A line's message, or why the line gets none (skipped) or cannot be sent (failed). */
export type ComposedLine =
  | { readonly kind: "message"; readonly message: MailMessage }
  | { readonly kind: "skipped"; readonly reason: DeliveryReason }
  | { readonly kind: "failed"; readonly reason: DeliveryReason };

/** The seam between the send job and composition: the same line composes the same message. */
export type LineComposer = (deps: AppDeps, line: LineToCompose) => Promise<ComposedLine>;

/** Stable per tenant and line, so a resend carries the same ids. */
export const deliveryIdOf = (tenant: TenantId, jobId: string, entryNo: number): string =>
  `${tenant}.${jobId}.${entryNo}`;

export const messageIdOf = (tenant: TenantId, jobId: string, entryNo: number): string =>
  `<${jobId}.${entryNo}.${tenant}@mergeline.invalid>`;
