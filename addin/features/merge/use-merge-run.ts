import { bytesToBase64 } from "@shared/merge/package/base64";
import type { LabelOptions } from "@shared/model/label-sheet";
import type { MergeOutputKind } from "@shared/model/merge-job";
import { useCallback } from "react";
import { useApi } from "../../api/api-context";
import { NoTemplateError } from "../../host/host";
import { useHost } from "../../host/host-context";
import { applyFieldMatches, leftEmpty, unmatchedFields } from "@shared/letter/field-matching";
import { customKeysOf } from "@shared/letter/merge-fields";
import type { FieldMatchSuggestion } from "@shared/model/field-match";
import {
  fromApi,
  fromEngine,
  ownLetterIssues,
  withUnmatched,
  type CheckIssue,
} from "./check-issues";
import { setLetterFieldMatches, useLetterFieldMatches } from "./letter-field-matches";
import { fetchAllMergeData, toMergeRecord, type MergeData } from "./merge-data";
import { runServerMerge } from "./server-merge";
import { throwIfAborted } from "../../host/abort";
import { useAcknowledgeRun, usePaneRun } from "../../ui/pane-runs";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type MergePhase =
  /** Fetching the contacts' merge data, page by page. */
  | "data"
  /** The engine or the server checks the letter. */
  | "checking"
  /** The engine merges and Word takes the result. */
  | "merging"
  /** The server's merge job runs. */
  | "server";

export type MergeOutcome =
  | { kind: "newDocument" | "appendToDocument"; count: number }
  | {
      kind: "download" | "perContact" | "labels" | "documentPdf" | "perContactPdf";
      count: number;
      fileName: string;
      /** The contacts whose letter the server could not convert to PDF: not in the file. */
      failed?: readonly { readonly contactNo: string; readonly contactName: string }[];
    }
  | {
      /** The merged document was more than Word takes from an add-in: downloaded instead. */
      kind: "tooLargeForWord";
      count: number;
      fileName: string;
      size: number;
      limit?: number;
    }
  | { kind: "empty" }
  | { kind: "canceled" };

export interface MergeRunState {
  readonly phase?: MergePhase;
  /** The output the running (or last) merge makes: the view shows it chosen when it comes back. */
  readonly output?: MergeOutputKind;
  readonly progress?: { done: number; total?: number };
  readonly check?: {
    issues: readonly CheckIssue[];
    records: number;
    /** The letter's fields that are not Mergeline's and have no match: Match Fields asks. */
    unmatched: readonly FieldMatchSuggestion[];
  };
  readonly outcome?: MergeOutcome;
  readonly error?: unknown;
  /** The server merge's request lost its server: the pane reads the job until it ends. */
  readonly serverLost?: boolean;
}

/**
 * Check for errors and Merge, with progress and cancel. In Word the pane fetches the merge
 * data (pages of 1,000, progress per page) and the engine merges locally: the letter is the
 * open document as it is, unsaved edits included, and the result goes straight into Word in a
 * constant number of round trips. One document per contact, and every merge outside Word,
 * runs as the server's merge job and ends in a download.
 *
 * The run is kept with the pane, per segment (usePaneRun), not in the Merge view: leaving the
 * tab, the segment or the list leaves it running and followed, and coming back shows it. Only
 * Cancel stops it (and the server's job with it).
 */
export const useMergeRun = (segmentNo: string) => {
  const { client } = useApi();
  const host = useHost();
  const {
    state,
    set: setState,
    scratch: controller,
    setActivity,
    endActivity,
  } = usePaneRun<MergeRunState, { current?: AbortController; merging?: boolean }>(
    `merge/${segmentNo}`,
    () => ({}),
    () => ({}),
  );
  // The Merge view uses this hook: while it shows, a run's end is seen here, not in the shell.
  useAcknowledgeRun(`merge/${segmentNo}`);
  // Match Fields for the pane's letter, for this session (shared with the preview).
  const matches = useLetterFieldMatches();

  const start = useCallback(
    async (
      work: (signal: AbortSignal) => Promise<Partial<MergeRunState>>,
      output?: MergeOutputKind,
    ) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      // A merge (not a check) shows in the shell and on the Merge tab while it runs.
      controller.merging = output !== undefined;
      setActivity(controller.merging ? { segmentNo, kind: "merge" } : undefined);
      setState((previous) => ({
        check: previous.check,
        phase: "data",
        output: output ?? previous.output,
      }));
      try {
        const result = await work(abort.signal);
        if (controller.current === abort)
          setState((previous) => ({ check: previous.check, output: previous.output, ...result }));
      } catch (error) {
        if (controller.current !== abort) return;
        setState((previous) =>
          abort.signal.aborted
            ? { check: previous.check, output: previous.output, outcome: { kind: "canceled" } }
            : { check: previous.check, output: previous.output, error },
        );
      } finally {
        if (controller.current === abort) {
          controller.current = undefined;
          if (controller.merging) endActivity();
          else setActivity(undefined);
        }
      }
    },
    [controller, setState, setActivity, endActivity, segmentNo],
  );

  const progress = (phase: MergePhase, done: number, total?: number) => {
    setState((previous) => ({ ...previous, phase, progress: { done, total } }));
    if (controller.merging)
      setActivity({ segmentNo, kind: "merge", done, ...(total !== undefined ? { total } : {}) });
  };

  /** All lines' merge data, with progress against the segment's number of lines. */
  const allRecords = async (signal: AbortSignal) => {
    let total: number | undefined;
    client("getSegment", { params: { no: segmentNo }, signal }).then(
      (segment) => {
        total = segment.noOfLines;
      },
      () => undefined,
    );
    progress("data", 0);
    const records = await fetchAllMergeData(client, segmentNo, {
      signal,
      onProgress: (loaded) => progress("data", loaded, total),
    });
    return records;
  };

  const letter = async () => {
    const file = await host.letterDocx();
    if (!file) throw new NoTemplateError();
    return file;
  };

  /** The open letter's fields that are not Mergeline's and have no match yet. */
  const unmatchedInWord = async (data: readonly MergeData[]) =>
    unmatchedFields(
      (await host.listFields()).map((f) => f.name),
      matches,
      customKeysOf(data),
    );

  /** The records as the letter reads them: each matched field with its Mergeline value. */
  const matchedRecords = (data: readonly MergeData[]) =>
    data.map((d) => ({ ...toMergeRecord(d), values: applyFieldMatches(d.values, matches) }));

  /** The engine's "empty" for a field the user chose to leave empty is no news. */
  const leftEmptyIssue = (issue: CheckIssue) => {
    const empty = leftEmpty(matches);
    const fields = issue.params["fields"];
    return (
      issue.code === "empty_values" &&
      Array.isArray(fields) &&
      fields.every((f) => empty.includes(f))
    );
  };

  const check = useCallback(
    () =>
      start(async (signal) => {
        if (host.capabilities.source === "open") {
          const data = await allRecords(signal);
          setState((previous) => ({ ...previous, phase: "checking", progress: undefined }));
          const unmatched = await unmatchedInWord(data);
          const issues = await host.checkMerge(matchedRecords(data));
          return {
            check: {
              issues: withUnmatched(
                [...issues.map(fromEngine), ...ownLetterIssues(data)],
                unmatched,
              ).filter((i) => !leftEmptyIssue(i)),
              records: data.length,
              unmatched,
            },
          };
        }
        const file = await letter();
        setState((previous) => ({ ...previous, phase: "checking", progress: undefined }));
        const answer = await client("checkMerge", {
          params: { no: segmentNo },
          body: {
            template: {
              documentBase64: bytesToBase64(file.bytes),
              fileName: file.fileName,
              ...(Object.keys(matches).length > 0 ? { fieldMatches: matches } : {}),
            },
          },
          signal,
        });
        return {
          check: {
            issues: answer.issues.map(fromApi),
            records: answer.records,
            unmatched: answer.unmatched,
          },
        };
      }),
    [start, host, client, segmentNo, matches],
  );

  const merge = useCallback(
    (output: MergeOutputKind, labels?: LabelOptions) =>
      start(async (signal): Promise<Partial<MergeRunState>> => {
        if (output === "document" && host.capabilities.mergeInto !== "download") {
          const data = await allRecords(signal);
          if (data.length === 0) return { outcome: { kind: "empty" } };
          // As the server does: a field neither Mergeline's, matched nor left empty stops the
          // merge, and Check for Errors shows it with Match Fields.
          const unmatched = await unmatchedInWord(data);
          if (unmatched.length > 0)
            return {
              check: { issues: withUnmatched([], unmatched), records: data.length, unmatched },
            };
          const records = matchedRecords(data);
          setState((previous) => ({ ...previous, phase: "merging", progress: undefined }));
          const done = await host.mergeIntoWord(records, { signal });
          if (done.destination !== "file")
            return { outcome: { kind: done.destination, count: done.letters } };
          // Too large for Word to take from the pane: the user gets the file to open in Word.
          const fileName = `${segmentNo}.docx`;
          await host.saveFile(new Blob([done.file as BlobPart], { type: DOCX_TYPE }), fileName);
          return {
            outcome: {
              kind: "tooLargeForWord",
              count: done.letters,
              fileName,
              size: done.size,
              ...(done.limit !== undefined ? { limit: done.limit } : {}),
            },
          };
        }
        const file = await letter();
        setState((previous) => ({ ...previous, phase: "server", progress: undefined }));
        const result = await runServerMerge(client, segmentNo, file, output, {
          fieldMatches: matches,
          signal,
          onProgress: ({ done, total }) => progress("server", done, total),
          onServerLost: () => setState((previous) => ({ ...previous, serverLost: true })),
          ...(labels ? { labels } : {}),
        });
        throwIfAborted(signal);
        await host.saveFile(result.file, result.fileName);
        const failed = result.job.failedLines ?? [];
        return {
          outcome: {
            kind: output === "document" ? "download" : output,
            count: result.job.progress.total - failed.length,
            fileName: result.fileName,
            ...(failed.length > 0 ? { failed } : {}),
          },
        };
      }, output),
    [start, host, client, segmentNo, matches],
  );

  const cancel = useCallback(() => controller.current?.abort(), [controller]);

  return {
    state,
    running: state.phase !== undefined,
    check,
    merge,
    cancel,
    matches,
    setMatches: setLetterFieldMatches,
  };
};
