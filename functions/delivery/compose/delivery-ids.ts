import { createHash } from "node:crypto";
import type { TenantId } from "../../store/tenant";

/**
 * The tenant as it may appear in a message header or a mailbox's extended property: a short
 * hash, so that no recipient learns the Entra tenant id, and the same on every attempt.
 */
const tenantTag = (tenant: TenantId): string =>
  createHash("sha256").update(`mergeline-tenant|${tenant}`).digest("hex").slice(0, 16);

/**
 * A resend is a message of its own, asked for on purpose: it must not be found as the first
 * message by Graph's lookup (which would mark it sent without sending), nor dropped by a
 * mailbox that removes repeats of a Message-ID. Its ids carry the resend job, so each attempt
 * of that one resend is still recognisable as the same message.
 */
const resendPart = (resendJobId: string | undefined, separator: string): string =>
  resendJobId === undefined
    ? ""
    : `${separator}r${createHash("sha256").update(`mergeline-resend|${resendJobId}`).digest("hex").slice(0, 12)}`;

/**
 * Stable per tenant and interaction log entry (and resend): Graph's extended property, the
 * journal's key.
 */
export const deliveryIdOf = (tenant: TenantId, entryNo: number, resendJobId?: string): string =>
  `mergeline-${tenantTag(tenant)}-${entryNo}${resendPart(resendJobId, "-")}`;

/**
 * RFC 5322 Message-ID of the entry's message: the same on every attempt, so a message repeated
 * after a crash is recognisable as the same one (mail clients thread or drop the duplicate).
 */
export const messageIdOf = (
  tenant: TenantId,
  entryNo: number,
  domain: string,
  resendJobId?: string,
): string => `<mergeline.${entryNo}${resendPart(resendJobId, ".")}.${tenantTag(tenant)}@${domain}>`;
