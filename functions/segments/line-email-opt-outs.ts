import type { SegmentLine } from "@shared/model/segment";
import type { AppDeps } from "../app-deps";
import type { TenantId } from "../store/tenant";

/**
 * The lines with their contacts' E-mail Opt-out (contactEmailOptOut), read from the contacts
 * when the lines are read (a line keeps no copy that a change to the contact would leave stale),
 * in one query for all of them. A line whose contact is gone says nothing.
 */
export const withEmailOptOuts = async (
  deps: AppDeps,
  tenant: TenantId,
  lines: readonly SegmentLine[],
): Promise<SegmentLine[]> => {
  const rows = await deps.store.contacts.byNos<{ no: string; emailOptOut?: boolean }>(
    tenant,
    lines.map((l) => l.contactNo),
    ["no", "emailOptOut"],
  );
  const optOut = new Map(rows.map((r) => [r.no, r.emailOptOut === true]));
  return lines.map((line) => {
    const value = optOut.get(line.contactNo);
    return value === undefined ? line : { ...line, contactEmailOptOut: value };
  });
};

/** One line with its contact's E-mail Opt-out. */
export const withEmailOptOut = async (
  deps: AppDeps,
  tenant: TenantId,
  line: SegmentLine,
): Promise<SegmentLine> => (await withEmailOptOuts(deps, tenant, [line]))[0] as SegmentLine;
