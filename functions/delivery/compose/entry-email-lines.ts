import { letterValues } from "@shared/letter/merge-fields";
import type { MergeValue } from "@shared/merge/merge-record";
import type { AppDeps } from "../../app-deps";
import {
  hasLetter,
  letterRecordsOfEntries,
  lettersOfEntries,
} from "../../interactions/entry-letters";
import type { StoredEntry } from "../../store/interaction-repository";
import type { TenantId } from "../../store/tenant";
import type { EmailLine } from "./compose-email";
import { deliverySkipOf } from "./delivery-skips";

type Values = Readonly<Record<string, MergeValue>>;

/**
 * What each entry's e-mail is made from, in the entries' order: the contact as it is now, the
 * letter values of its segment line as logged, and its letter (interactions/entry-letters.ts).
 * Letters are read or merged only for the entries that will be sent: a skipped line costs a
 * contact read.
 */
export const emailLinesOfEntries = async (
  deps: AppDeps,
  tenant: TenantId,
  entries: readonly StoredEntry[],
  options: { readonly signal?: AbortSignal } = {},
): Promise<EmailLine[]> => {
  const contacts = new Map(
    (await deps.store.contacts.getMany(tenant, [...new Set(entries.map((e) => e.contactNo))])).map(
      (c) => [c.no, c],
    ),
  );
  const sent = entries.filter((e) => !deliverySkipOf(e, contacts.get(e.contactNo)));
  const withLetter = sent.filter((e) => hasLetter(tenant, e));
  const letters = new Map(
    (withLetter.length
      ? await lettersOfEntries(
          deps,
          tenant,
          withLetter,
          options.signal ? { signal: options.signal } : {},
        )
      : []
    ).map((l) => [l.entryNo, l]),
  );
  const values = new Map<number, Values>();
  const bySegment = new Map<string, StoredEntry[]>();
  for (const e of sent)
    if (e.segmentNo !== undefined && e.segmentLineNo !== undefined)
      bySegment.set(e.segmentNo, [...(bySegment.get(e.segmentNo) ?? []), e]);
  for (const [segmentNo, group] of bySegment) {
    const records = await letterRecordsOfEntries(deps, tenant, segmentNo, group);
    group.forEach((e, i) => values.set(e.entryNo, records[i]?.values ?? {}));
  }
  return entries.map((entry) => {
    const contact = contacts.get(entry.contactNo);
    const letter = letters.get(entry.entryNo);
    return {
      entry,
      contact,
      // An entry without a segment line (or one skipped) is written from its contact alone.
      values:
        values.get(entry.entryNo) ??
        letterValues({
          contact: contact ?? { no: entry.contactNo, name: entry.contactName },
          today: entry.date,
          language: entry.languageCode ?? contact?.languageCode,
        }),
      letter: letter && { fileName: letter.fileName, bytes: letter.bytes },
    };
  });
};
