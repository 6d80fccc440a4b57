export interface SerialReports {
  /** Queues a report behind the others; rejects as the first that failed did. */
  report(lettersDone: number): Promise<void>;
  /** No report is saved after this; resolves once the one being saved is. */
  close(): Promise<void>;
}

/**
 * An output's progress reports, saved one at a time and none once the merge is over: letters
 * merged side by side report at once, and no report may race the job's own last write (its
 * ETag would be stale, and a done or failed job would be written over).
 */
export const serialReports = (save: (lettersDone: number) => Promise<void>): SerialReports => {
  let reports: Promise<void> = Promise.resolve();
  let open = true;
  return {
    report: (lettersDone) => {
      reports = reports.then(() => (open ? save(lettersDone) : undefined));
      return reports;
    },
    close: async () => {
      open = false;
      await reports.catch(() => undefined);
    },
  };
};
