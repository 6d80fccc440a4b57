import type { Contact } from "@shared/model/contact";
import { Email } from "@shared/model/common";
import type { DeliveryReason } from "@shared/model/delivery";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";

export type SkipCode = "hard_copy" | "opted_out" | "no_address" | "invalid_address";

const skip = (code: SkipCode, message: string): DeliveryReason => ({ code, message });

/**
 * Why an entry gets no e-mail, or undefined when it does. The contact is read as it is now: an
 * opt-out or a new address since the Log counts (Business Central reads the contact when it sends).
 */
export const deliverySkipOf = (
  entry: Pick<InteractionLogEntry, "correspondenceType">,
  contact: Pick<Contact, "email" | "emailOptOut"> | undefined,
): DeliveryReason | undefined => {
  if (entry.correspondenceType !== "email")
    return skip("hard_copy", "The line's correspondence type is not e-mail: it goes out on paper.");
  if (contact?.emailOptOut) return skip("opted_out", "The contact has opted out of e-mail.");
  const address = contact?.email?.trim();
  if (!address) return skip("no_address", "The contact has no e-mail address.");
  if (!Email.safeParse(address).success)
    return skip("invalid_address", `"${address}" is not an e-mail address.`);
  return undefined;
};
