import type { AppDeps } from "../../app-deps";
import { NotFoundError } from "../../errors/app-errors";
import { storedDocumentId } from "../../store/document-names";
import type { StoredSendJob } from "../../store/send-job-repository";
import type { TenantId } from "../../store/tenant";
import { getSendJob } from "./send-job-service";

/** Why a job has no print file to serve, in words the problem's detail shows. */
const noPrintFile = (job: StoredSendJob): NotFoundError => {
  const error = new NotFoundError("Print file of send job", job.id);
  error.message =
    job.options.hardCopy === "none"
      ? `Send job ${job.id} makes no print file: it was started with hardCopy "none".`
      : job.printDocumentId
        ? `Send job ${job.id} has not made its print file yet: it is ready once the job is no longer queued.`
        : `Send job ${job.id} has no print file: none of its lines is a hard-copy line with a letter that could be printed.`;
  return error;
};

/** The job's print file (the hard-copy lines' letters) from Blob Storage. */
export const sendJobPrintFile = async (deps: AppDeps, tenant: TenantId, jobId: string) => {
  const job = await getSendJob(deps, tenant, jobId);
  const id = storedDocumentId(tenant, job.printDocumentId, { kind: "printFile", jobId });
  if (!job.printFile || !id) throw noPrintFile(job);
  return { ...job.printFile, bytes: await deps.store.documents.get(id) };
};
