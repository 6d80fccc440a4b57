import type { AppDeps } from "../../app-deps";
import { stampNew } from "../../audit/stamp";
import type { Identity } from "../../auth/identity";
import type { ContactDoc } from "../../store/contact-repository";
import { series } from "../../store/number-series";
import { toContactDoc } from "../contact-service";
import type { Candidate, RowProblem } from "./import-row";
import { importedBefore } from "./duplicate-rules";
import { highestSeriesNumber, reserveContactNos } from "./series-numbers";

/**
 * Not the file's fault, but the row is not in the store; the report must say so, and importing
 * the file again adds exactly the rows that are missing.
 */
const storeFailed = (row: number, no: string | undefined, message: string): RowProblem => ({
  row,
  ...(no ? { no } : {}),
  status: "invalid",
  errors: [
    {
      in: "body",
      field: "",
      rule: "store_failed",
      message: `was not saved (${message}); import the file again`,
      row,
    },
  ],
});

/** What the whole file tells about the rows of one page. */
export interface WriteContext {
  /** Every No. the file names: reserved numbers skip them (see reserveContactNos). */
  readonly nosInFile: ReadonlySet<string>;
  /** Company No. -> name, from the store and from the file's own company rows. */
  readonly companyNames: ReadonlyMap<string, string>;
  /** Row key -> No. for the file's rows that an earlier import of it claimed (store-facts.ts). */
  readonly importedRows: ReadonlyMap<string, string>;
}

export interface Written {
  readonly imported: number;
  readonly problems: RowProblem[];
}

/**
 * Writes the rows that passed every check, in file order, through the bulk API (one request per
 * 100 contacts rather than one per contact). Creates never overwrite: a No. that someone created
 * since the checks ran comes back as a conflict and is reported as a duplicate.
 *
 * The series is moved past the file's own series-style Nos. before numbers are reserved, so the
 * rows without a No. continue after them as Business Central users expect. Should the write then
 * fail, the series has a gap, which number series allow; it never hands out a used number.
 */
export const writeCandidates = async (
  deps: AppDeps,
  identity: Identity,
  candidates: readonly Candidate[],
  known: WriteContext,
): Promise<Written> => {
  const tenant = identity.tenantId;
  const highest = highestSeriesNumber(
    candidates.flatMap((c) => (c.contact.no ? [c.contact.no] : [])),
  );
  if (highest > 0) await deps.store.numberSeries.advanceTo(tenant, series.contact, highest);
  const claimedBefore = (c: Candidate) =>
    c.rowKey === undefined ? undefined : known.importedRows.get(c.rowKey);
  const unnumbered = candidates.filter((c) => !c.contact.no && !claimedBefore(c)).length;
  const fresh = unnumbered
    ? await reserveContactNos(deps.store, tenant, unnumbered, known.nosInFile)
    : [];
  let next = 0;
  const nos = candidates.map(
    ({ contact }, i) =>
      contact.no ?? claimedBefore(candidates[i] as Candidate) ?? (fresh[next++] as string),
  );

  // Rows without No. and e-mail claim their row key before their contact is written: a crash in
  // between leaves a claim whose contact the next import of the file writes; an import of the
  // same file at the same time finds the claim and writes the same No., which only one create
  // can win.
  const toClaim = candidates.flatMap((c, i) =>
    c.rowKey !== undefined && !claimedBefore(c) ? [i] : [],
  );
  const claims = await deps.store.importedRows.claim(
    tenant,
    toClaim.map((i) => ({
      rowKey: (candidates[i] as Candidate).rowKey as string,
      contactNo: nos[i] as string,
    })),
    deps.now(),
  );
  const claimFailed = new Map<number, string>();
  claims.forEach((claim, k) => {
    const i = toClaim[k] as number;
    if (claim.status === "failed") claimFailed.set(i, claim.message);
    else if (claim.status === "taken") nos[i] = claim.contactNo;
  });

  const stamp = stampNew(identity, deps.now());
  const writing = candidates.flatMap((c, i) => (claimFailed.has(i) ? [] : [i]));
  const docs: ContactDoc[] = writing.map((i) => {
    const { contact } = candidates[i] as Candidate;
    const companyName = contact.companyNo ? known.companyNames.get(contact.companyNo) : undefined;
    return { ...toContactDoc({ ...contact, no: nos[i] as string }, { companyName }), ...stamp };
  });
  const outcomes = await deps.store.contacts.bulkCreate(tenant, docs);

  const problems: RowProblem[] = [...claimFailed].map(([i, message]) =>
    storeFailed((candidates[i] as Candidate).row, undefined, message),
  );
  outcomes.forEach((outcome, k) => {
    const i = writing[k] as number;
    const row = (candidates[i] as Candidate).row;
    if (outcome.status === "conflict") {
      problems.push({
        row,
        no: outcome.no,
        status: "duplicate",
        errors: [
          candidates[i]?.rowKey !== undefined
            ? // The checks found no contact for its claim, so an import of the same file running
              // at the same time created it.
              importedBefore(row, outcome.no, "at the same time")
            : // A create that conflicts lost a race with someone who created the same No. meanwhile.
              {
                in: "body",
                field: "no",
                rule: "unique",
                message: `contact ${outcome.no} was created by someone else during the import`,
                row,
              },
        ],
      });
    } else if (outcome.status === "failed") {
      problems.push(storeFailed(row, outcome.no, outcome.message));
    }
  });
  return { imported: outcomes.filter((o) => o.status === "created").length, problems };
};
