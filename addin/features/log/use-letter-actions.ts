import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import type { LoggedSegment } from "@shared/model/logged-segment";
import { useEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { docxBlob } from "../letter/blob-bytes";
import { followMergeJob } from "../merge/server-merge";

/** What the letter actions are doing: the step shown, a logged segment's progress, the outcome. */
export interface LetterActionsState {
  readonly working?: "opening" | "resending";
  readonly progress?: { readonly done: number; readonly total: number };
  readonly notice?: string;
  readonly error?: unknown;
}

type EntryRef = Pick<InteractionLogEntry, "entryNo" | "contactName">;

/** The name the server gives the letter too (Content-Disposition is not read by the client). */
const letterName = (entry: EntryRef) =>
  `${entry.entryNo} ${entry.contactName}`.replace(/[\\/:*?"<>|]/g, "_") + ".docx";

const asBlob = (body: Blob | string): Blob =>
  typeof body === "string" ? docxBlob(new TextEncoder().encode(body)) : body;

/**
 * The letter a contact got (Business Central's Show Attachments) and Resend, for an entry and
 * for a logged segment. Letters come back as downloads; a logged segment's as a job whose
 * progress shows, and which stops on the server too when the view goes away.
 */
export const useLetterActions = () => {
  const t = useT();
  const host = useHost();
  const { client } = useApi();
  const [state, setState] = useState<LetterActionsState>({});
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => running.current?.abort(), []);

  const run = async (working: LetterActionsState["working"], work: () => Promise<string>) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ working });
    try {
      const notice = await work();
      if (!controller.signal.aborted) setState({ notice });
    } catch (error) {
      if (!controller.signal.aborted) setState({ error });
    }
  };

  const openLetter = (entry: EntryRef) =>
    run("opening", async () => {
      const body = await client("getEntryLetter", { params: { entryNo: entry.entryNo } });
      const fileName = letterName(entry);
      await host.saveFile(asBlob(body), fileName);
      return t("log.letters.opened", { entryNo: entry.entryNo, fileName });
    });

  const resendEntry = (entry: EntryRef) =>
    run("resending", async () => {
      const body = await client("resendEntry", {
        params: { entryNo: entry.entryNo },
        body: { via: "download" },
      });
      const fileName = letterName(entry);
      await host.saveFile(asBlob(body), fileName);
      return t("log.letters.resentOne", { entryNo: entry.entryNo, fileName });
    });

  const resendLogged = (logged: Pick<LoggedSegment, "entryNo" | "segmentNo">) =>
    run("resending", async () => {
      const signal = running.current?.signal;
      const job = await client("resendLoggedSegment", {
        params: { entryNo: logged.entryNo },
        body: { via: "download" },
        ...(signal ? { signal } : {}),
      });
      const result = await followMergeJob(client, job, `${logged.segmentNo}.zip`, {
        ...(signal ? { signal } : {}),
        onProgress: (progress) => setState({ working: "resending", progress }),
      });
      await host.saveFile(result.file, result.fileName);
      return t("log.letters.resentAll", {
        entryNo: logged.entryNo,
        count: result.job.progress.total,
        fileName: result.fileName,
      });
    });

  const clear = () => setState({});
  return { state, openLetter, resendEntry, resendLogged, clear };
};
