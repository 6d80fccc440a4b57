import { createHash } from "node:crypto";
import type { TenantId } from "../../store/tenant";

/**
 * The tenant as it may appear in a message header or a mailbox's extended property: a short
 * hash, so that no recipient learns the Entra tenant id, and the same on every attempt.
 */
const tenantTag = (tenant: TenantId): string =>
  createHash("sha256").update(`mergeline-tenant|${tenant}`).digest("hex").slice(0, 16);

/** Stable per tenant and interaction log entry: Graph's extended property, the journal's key. */
export const deliveryIdOf = (tenant: TenantId, entryNo: number): string =>
  `mergeline-${tenantTag(tenant)}-${entryNo}`;

/**
 * RFC 5322 Message-ID of the entry's message: the same on every attempt, so a message repeated
 * after a crash is recognisable as the same one (mail clients thread or drop the duplicate).
 */
export const messageIdOf = (tenant: TenantId, entryNo: number, domain: string): string =>
  `<mergeline.${entryNo}.${tenantTag(tenant)}@${domain}>`;
