import { createHash } from "node:crypto";
import type { ContactImportResult } from "@shared/model/contact-import";
import type { ContactImportJob } from "@shared/model/contact-import-job";
import type { AppDeps } from "../../app-deps";
import type { Identity } from "../../auth/identity";
import { ConflictError, ValidationError } from "../../errors/app-errors";
import { keepLease } from "../../jobs/lease-keeper";
import {
  ImportJobExistsError,
  type StoredContactImportJob,
} from "../../store/contact-import-job-repository";
import type { TenantId } from "../../store/tenant";
import { importContacts, type ImportCounts, type ImportJob } from "./import-service";
import { groupRowProblems, keptProblems } from "./problem-groups";

/** Rows written between two looks at the job (progress saved, a cancel seen). */
export const defaultImportPageRows = 200;

export const publicImportJob = ({
  etag: _e,
  fingerprint: _f,
  leaseUntil: _l,
  jobId,
  ...job
}: StoredContactImportJob): ContactImportJob => ({ id: jobId, ...job });

/** The file and the options that change what is imported: the same id must name the same import. */
const fingerprintOf = (job: ImportJob): string => {
  const { jobId: _id, ...options } = job.options;
  return createHash("sha256")
    .update(JSON.stringify(options))
    .update("\u0000")
    .update(job.csv)
    .digest("hex");
};

const countsOf = (counts: ImportCounts) => ({
  progress: { done: counts.done, total: counts.total },
  created: counts.created,
  skipped: counts.problems.filter((p) => p.status === "duplicate").length,
  failed: counts.problems.filter((p) => p.status === "invalid").length,
  problemGroups: groupRowProblems(counts.problems),
  problems: keptProblems(counts.problems),
  problemsOmitted: Math.max(0, counts.problems.length - keptProblems(counts.problems).length),
});

/** Columns named in a job's mapping: a contact has fewer fields than this, custom ones included. */
const mappedColumnsKept = 200;

/**
 * The mapping as a job keeps it: the columns that were imported, not the ignored ones; a hostile
 * header of 100,000 columns must not make the job's document too large to write.
 */
const keptMapping = (used: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(used)
      .filter(([, target]) => target !== "")
      .slice(0, mappedColumnsKept)
      .map(([header, target]) => [header.slice(0, 200), target]),
  );

/** What POST /contacts/import answers for a job that already ran (or runs) under this id. */
const resultOfJob = (job: StoredContactImportJob): ContactImportResult => ({
  rows: job.progress.total,
  imported: job.created,
  invalid: job.failed,
  duplicates: job.skipped,
  dryRun: false,
  mapping: job.mapping,
  problems: job.problems,
  jobId: job.jobId,
  status: job.status,
});

const abandonedError = (job: StoredContactImportJob) =>
  `The server stopped while importing the file: ${job.progress.done} of ${job.progress.total} rows were gone through, ${job.created} contacts created. The contacts created stay; import the same file again to add the rows that are missing (the rows already there are skipped: by their No. or e-mail, and rows with neither as rows of this same file).`;

/**
 * The job as it stands; one still running whose lease ran out (its process died) ends failed
 * with failure "server_stopped" and how far it got. Every read, cancel, retry and the sweep
 * (functions/jobs/stopped-jobs.ts) go through it.
 */
export const currentImportJob = (deps: AppDeps, tenant: TenantId, job: StoredContactImportJob) =>
  deps.store.contactImportJobs.endIfAbandoned(tenant, job, deps.now(), abandonedError);

const repeated = (job: StoredContactImportJob, fingerprint: string): ContactImportResult => {
  if (job.fingerprint !== fingerprint)
    throw new ConflictError(
      `Import job ${job.jobId} imported another file; choose a new job id for this one.`,
      [{ in: "body", field: "jobId", rule: "unique", message: "names an import of another file" }],
    );
  return resultOfJob(job);
};

/**
 * An import followed as a job under the id the client chose: the job is written once the file
 * has been read (a file refused as a whole writes nothing), saved after every page, and a
 * cancel posted meanwhile stops it after the page being written. The same id posted again
 * (also while the first request still runs) answers that job and imports nothing.
 */
export const runImportJob = async (
  deps: AppDeps,
  identity: Identity,
  job: ImportJob & { readonly jobId: string },
): Promise<ContactImportResult> => {
  const tenant = identity.tenantId;
  const jobs = deps.store.contactImportJobs;
  const fingerprint = fingerprintOf(job);
  if (job.options.dryRun)
    throw new ValidationError([
      {
        in: job.optionsIn,
        field: "jobId",
        rule: "not_with_dry_run",
        message: "is for imports that write; a dry run answers at once",
      },
    ]);
  const existing = await jobs.find(tenant, job.jobId);
  // A retry of a job whose server died: it answers the job (failed once the lease ran out) and
  // starts no second run; importing the same file under a new id adds the rows missing.
  if (existing) return repeated(await currentImportJob(deps, tenant, existing), fingerprint);

  const now = () => deps.now().toISOString();
  let begun = false;
  // Renewed only once this request has written the job: never another request's job.
  const lease = keepLease(deps.config.importLeaseMs, deps.now, (leaseUntil) =>
    begun ? jobs.renewLease(tenant, job.jobId, leaseUntil) : Promise.resolve(),
  );
  try {
    const { stopped: _stopped, ...result } = await importContacts(deps, identity, job, {
      pageRows: deps.config.importPageRows ?? defaultImportPageRows,
      begin: async (total, mapping) => {
        await lease.write((leaseUntil) =>
          jobs.begin(tenant, {
            jobId: job.jobId,
            fingerprint,
            status: "running",
            progress: { done: 0, total },
            created: 0,
            skipped: 0,
            failed: 0,
            problemGroups: [],
            problems: [],
            problemsOmitted: 0,
            mapping: keptMapping(mapping),
            createdAt: now(),
            leaseUntil,
          }),
        );
        begun = true;
      },
      page: async (counts) => {
        const saved = await lease.write((leaseUntil) =>
          jobs.recordProgress(tenant, job.jobId, countsOf(counts), leaseUntil),
        );
        // Canceled, or ended by a reader because this request stopped renewing its lease.
        return saved.status !== "running";
      },
    });
    const ended = await lease.end(() => jobs.end(tenant, job.jobId, { status: "done", at: now() }));
    return { ...result, jobId: job.jobId, status: ended.status };
  } catch (error) {
    await lease.stop();
    // Posted twice at once: the other request writes the job; this one answers it.
    if (error instanceof ImportJobExistsError)
      return repeated(await currentImportJob(deps, tenant, error.existing), fingerprint);
    if (begun)
      await jobs.end(tenant, job.jobId, {
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
        at: now(),
      });
    throw error;
  }
};

export const getImportJob = async (
  deps: AppDeps,
  identity: Identity,
  id: string,
): Promise<ContactImportJob> => {
  const tenant = identity.tenantId;
  return publicImportJob(
    await currentImportJob(deps, tenant, await deps.store.contactImportJobs.get(tenant, id)),
  );
};

/** Cancels a running job; one whose server died ends failed instead, as any read would end it. */
export const cancelImportJob = async (
  deps: AppDeps,
  identity: Identity,
  id: string,
): Promise<ContactImportJob> => {
  const tenant = identity.tenantId;
  const jobs = deps.store.contactImportJobs;
  const job = await currentImportJob(deps, tenant, await jobs.get(tenant, id));
  if (job.status !== "running") return publicImportJob(job);
  return publicImportJob(await jobs.cancel(tenant, id, deps.now().toISOString()));
};
