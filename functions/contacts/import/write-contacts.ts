import type { AppDeps } from "../../app-deps";
import { stampNew } from "../../audit/stamp";
import type { Identity } from "../../auth/identity";
import type { ContactDoc } from "../../store/contact-repository";
import { series } from "../../store/number-series";
import { toContactDoc } from "../contact-service";
import type { Candidate, RowProblem } from "./import-row";
import { highestSeriesNumber, reserveContactNos } from "./series-numbers";

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
  nosInFile: ReadonlySet<string>,
  /** Company No. -> name, from the store and from the file's own company rows. */
  companyNames: ReadonlyMap<string, string>,
): Promise<Written> => {
  const tenant = identity.tenantId;
  const highest = highestSeriesNumber(
    candidates.flatMap((c) => (c.contact.no ? [c.contact.no] : [])),
  );
  if (highest > 0) await deps.store.numberSeries.advanceTo(tenant, series.contact, highest);
  const unnumbered = candidates.filter((c) => !c.contact.no).length;
  const fresh = unnumbered
    ? await reserveContactNos(deps.store, tenant, unnumbered, nosInFile)
    : [];

  const stamp = stampNew(identity, deps.now());
  let next = 0;
  const docs: ContactDoc[] = candidates.map(({ contact }) => {
    const no = contact.no ?? (fresh[next++] as string);
    const companyName = contact.companyNo ? companyNames.get(contact.companyNo) : undefined;
    return { ...toContactDoc({ ...contact, no }, { companyName }), ...stamp };
  });
  const outcomes = await deps.store.contacts.bulkCreate(tenant, docs);

  const problems: RowProblem[] = [];
  outcomes.forEach((outcome, i) => {
    const row = (candidates[i] as Candidate).row;
    // A create that conflicts lost a race with someone who created the same No. meanwhile.
    if (outcome.status === "conflict") {
      problems.push({
        row,
        no: outcome.no,
        status: "duplicate",
        errors: [
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
      // Not the file's fault, but the row is not in the store; the report must say so, and
      // importing the file again adds exactly the rows that are missing.
      problems.push({
        row,
        no: outcome.no,
        status: "invalid",
        errors: [
          {
            in: "body",
            field: "",
            rule: "store_failed",
            message: `was not saved (${outcome.message}); import the file again`,
            row,
          },
        ],
      });
    }
  });
  return { imported: outcomes.length - problems.length, problems };
};
