import { randomUUID } from "node:crypto";
import type { MergeJob } from "@shared/model/merge-job";
import type { ResendVia } from "@shared/model/resend";
import type { AppDeps } from "../app-deps";
import type { Identity } from "../auth/identity";
import { ConflictError, ValidationError } from "../errors/app-errors";
import { repeatedJob, runJob } from "../merge/merge-job-run";
import type { MergeOutputFile } from "../merge/outputs/merge-output";
import { entryWithLetter, hasLetter, lettersOfEntries, safeFileName } from "./entry-letters";
import { resendTransports } from "./resend-transports";

const canceled = (what: string, remedy: string) =>
  new ConflictError(`${what} is canceled: ${remedy}`, [
    { in: "path", field: "entryNo", rule: "not_canceled", message: `${what} is canceled` },
  ]);

/** Show Attachments: the letter an entry logged (entry-letters.ts says which and how). */
export const entryLetter = async (deps: AppDeps, identity: Identity, entryNo: number) => {
  const tenant = identity.tenantId;
  const entry = await entryWithLetter(deps, tenant, entryNo);
  const [letter] = await lettersOfEntries(deps, tenant, [entry]);
  return letter as NonNullable<typeof letter>;
};

/**
 * Business Central's Resend Attachments for one entry, without "Update Merge Fields": the same
 * letter goes out again and nothing new is logged. A canceled entry is not resent.
 */
export const resendEntry = async (
  deps: AppDeps,
  identity: Identity,
  entryNo: number,
  via: ResendVia,
): Promise<MergeOutputFile> => {
  const tenant = identity.tenantId;
  const entry = await entryWithLetter(deps, tenant, entryNo);
  if (entry.canceled)
    throw canceled(
      `Interaction log entry ${entryNo}`,
      `undo the cancel of logged segment ${entry.loggedSegmentEntryNo ?? "?"} to resend it.`,
    );
  const letters = await lettersOfEntries(deps, tenant, [entry]);
  return resendTransports[via].deliver(deps, letters, {
    single: true,
    fileName: letters[0]?.fileName ?? `${entryNo}.docx`,
  });
};

/**
 * Resend Attachments for a logged segment: every entry that has a letter, the same letters
 * again, as a merge job (progress at /merge-jobs/{id}, the zip as its result). As Business
 * Central, entries without a letter are left out and nothing at all to send is an error; a
 * canceled logged segment (and a canceled entry) is not resent. Nothing new is logged.
 */
export const resendLoggedSegment = async (
  deps: AppDeps,
  identity: Identity,
  loggedSegmentEntryNo: number,
  request: { jobId?: string | undefined; via: ResendVia },
): Promise<MergeJob> => {
  const tenant = identity.tenantId;
  const interactions = deps.store.interactions;
  const logged = await interactions.loggedSegments.get(tenant, String(loggedSegmentEntryNo));
  const id = request.jobId ?? randomUUID();
  const spec = { id, segmentNo: logged.segmentNo, loggedSegmentEntryNo };
  const repeated = await repeatedJob(deps, tenant, spec);
  if (repeated) return repeated;
  if (logged.canceled)
    throw canceled(
      `Logged segment ${loggedSegmentEntryNo}`,
      "undo the cancel to resend its letters.",
    );
  const entries = (await interactions.entriesOfLogged(tenant, loggedSegmentEntryNo))
    .filter((e) => !e.canceled && hasLetter(tenant, e))
    .sort((a, b) => a.entryNo - b.entryNo);
  if (entries.length === 0) {
    const message = `no entry of logged segment ${loggedSegmentEntryNo} has a letter`;
    throw new ValidationError(
      [{ in: "path", field: "entryNo", rule: "has_letters", message }],
      `There is nothing to send: ${message} (only letters can be resent).`,
      422,
    );
  }
  return runJob(
    deps,
    tenant,
    { ...spec, output: "perContact", total: entries.length },
    async ({ signal, report }) => {
      const letters = await lettersOfEntries(deps, tenant, entries, { signal, progress: report });
      const file = await resendTransports[request.via].deliver(deps, letters, {
        single: false,
        fileName: `${safeFileName(`${logged.description || logged.segmentNo} - ${loggedSegmentEntryNo}`)}.zip`,
        signal,
      });
      return { file, issues: [] };
    },
  );
};
