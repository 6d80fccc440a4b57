import type { DeliveryReason } from "@shared/model/delivery";
import type { Translate } from "../../i18n/translate";

/** The reason codes the pane says in the user's language (shared/model/delivery.ts lists them). */
const KNOWN = [
  "opted_out",
  "no_address",
  "invalid_address",
  "too_large",
  "transport_not_configured",
  "auth_failed",
  "consent_missing",
  "recipient_rejected",
  "conversion_failed",
  "hard_copy",
  "throttled",
] as const;
type KnownCode = (typeof KNOWN)[number];

/** Problems that stop a whole job, each with what fixes it. */
const FIXABLE = [
  "transport_not_configured",
  "auth_failed",
  "consent_missing",
  "too_large",
] as const;
type FixableCode = (typeof FIXABLE)[number];

const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code);
const isFixable = (code: string): code is FixableCode =>
  (FIXABLE as readonly string[]).includes(code);

/** Why a line was skipped or failed; a code the pane does not know yet reads as the server wrote it. */
export const reasonText = (t: Translate, reason: DeliveryReason): string =>
  isKnown(reason.code) ? t(`delivery.reason.${reason.code}`) : reason.message;

/** What the user (or their administrator) does about a job's problem, when the pane knows. */
export const reasonFix = (t: Translate, reason: DeliveryReason): string | undefined =>
  isFixable(reason.code) ? t(`delivery.fix.${reason.code}`) : undefined;
