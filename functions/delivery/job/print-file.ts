import type { AppDeps } from "../../app-deps";
import { NotFoundError } from "../../errors/app-errors";
import { storedDocumentId } from "../../store/document-names";
import type { TenantId } from "../../store/tenant";
import { getSendJob } from "./send-job-service";

/** The job's print file (the hard-copy lines' letters) from Blob Storage. */
export const sendJobPrintFile = async (deps: AppDeps, tenant: TenantId, jobId: string) => {
  const job = await getSendJob(deps, tenant, jobId);
  const id = storedDocumentId(tenant, job.printDocumentId, { kind: "printFile", jobId });
  if (!job.printFile || !id) throw new NotFoundError("Print file of send job", jobId);
  return { ...job.printFile, bytes: await deps.store.documents.get(id) };
};
