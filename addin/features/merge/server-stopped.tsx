import type { MergeJob } from "@shared/model/merge-job";
import { useT } from "../../i18n/use-t";
import { useFormat } from "../../i18n/use-format";
import { OneActionBar } from "../../ui/one-action-bar";
import { MergeJobError } from "./server-merge";

/**
 * The merge's job ended because its server stopped mid-merge (failure "server_stopped", once
 * its lease ran out): the job, when the run ended so.
 */
export const stoppedJob = (error: unknown): MergeJob | undefined =>
  error instanceof MergeJobError && error.job.failure === "server_stopped" ? error.job : undefined;

/**
 * How far a merge whose server stopped got, that it made no file (the server keeps nothing
 * half-made), and the way on: merging again, which makes the whole file anew.
 */
export const ServerStoppedBar = ({
  job,
  onMergeAgain,
}: {
  readonly job: MergeJob;
  readonly onMergeAgain: () => void;
}) => {
  const t = useT();
  const count = useFormat().number;
  return (
    <OneActionBar
      title={t("merge.serverStopped.title")}
      body={t("merge.serverStopped.body", {
        done: count(job.progress.done),
        total: count(job.progress.total),
      })}
      action={t("merge.serverStopped.again")}
      onAction={onMergeAgain}
    />
  );
};
