import type { SegmentLetter } from "@shared/model/segment-letter";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useApi } from "../../api/api-context";
import { ApiError } from "../../api/errors";
import type { NamedFile } from "../../host/host";
import { useHost } from "../../host/host-context";
import { blobBytes, docxBlob } from "./blob-bytes";

/** A colleague replaced the segment's letter after this pane read it: theirs is shown now. */
export class StaleLetterError extends Error {
  override readonly name = "StaleLetterError";
  constructor(readonly current: SegmentLetter | undefined) {
    super("The segment's letter was replaced by someone else");
  }
}

export interface SegmentLetterState {
  /** False in Word: the letter is the open document, not kept with the segment. */
  readonly kept: boolean;
  readonly status: "loading" | "ready" | "error";
  /** The version on the server; undefined while the segment has none. */
  readonly letter?: SegmentLetter;
  readonly error?: unknown;
  /** Reads the segment's letter from the server again. */
  readonly reload: () => void;
  /**
   * Makes the file the segment's letter: read in the page (a file that is not a .docx is
   * refused there), then kept on the server as a new version of the one this pane read. When a
   * colleague replaced it meanwhile, throws StaleLetterError and shows their version.
   */
  readonly upload: (file: NamedFile) => Promise<SegmentLetter | undefined>;
}

const SegmentLetterContext = createContext<SegmentLetterState | undefined>(undefined);

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * Outside Word the letter lives with the open segment on the server, so that a reload finds it
 * and another segment never shows it: entering a segment forgets the page's letter and opens
 * the segment's own, if it has one. In Word the open document is the letter; nothing is kept.
 */
export const SegmentLetterProvider = ({ no, children }: { no: string; children: ReactNode }) => {
  const host = useHost();
  const { client } = useApi();
  const kept = host.capabilities.source === "upload";
  const [state, setState] = useState<Pick<SegmentLetterState, "status" | "letter" | "error">>({
    status: kept ? "loading" : "ready",
  });
  const [attempt, setAttempt] = useState(0);
  // The letter the server has, for the If-Match of the next upload (state lags a render).
  const current = useRef<SegmentLetter | undefined>(undefined);
  // The segment open now: an upload's answer for a segment already left must not land here.
  const openNo = useRef(no);
  openNo.current = no;

  const load = useCallback(
    async (isLive: () => boolean): Promise<SegmentLetter | undefined> => {
      let letter: SegmentLetter | undefined;
      try {
        letter = await client("getSegmentLetter", { params: { no } });
      } catch (error) {
        if (!notFound(error)) throw error;
      }
      if (letter) {
        const content = await client("downloadSegmentLetter", { params: { no } });
        const bytes =
          typeof content === "string"
            ? new TextEncoder().encode(content)
            : await blobBytes(content);
        if (!isLive()) return undefined;
        await host.openDocument({ fileName: letter.fileName, bytes });
      } else if (isLive()) {
        host.forgetLetter?.();
      }
      if (isLive()) current.current = letter;
      return letter;
    },
    [client, host, no],
  );

  useEffect(() => {
    if (!kept) return undefined;
    let live = true;
    // The letter of the segment left behind must never show here, even for a moment.
    host.forgetLetter?.();
    current.current = undefined;
    setState({ status: "loading" });
    load(() => live).then(
      (letter) => live && setState({ status: "ready", ...(letter ? { letter } : {}) }),
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => {
      live = false;
      host.forgetLetter?.();
    };
  }, [kept, host, load, attempt]);

  const upload = useCallback(
    async (file: NamedFile): Promise<SegmentLetter | undefined> => {
      if (!kept) {
        await host.openDocument(file);
        return undefined;
      }
      // Read first: a file that is not a Word document never reaches the server.
      await host.openDocument(file);
      const stillHere = () => openNo.current === no;
      const ifMatch = current.current?.etag;
      try {
        const saved = await client("putSegmentLetter", {
          params: { no },
          file: docxBlob(file.bytes),
          headers: { "x-file-name": encodeURIComponent(file.fileName) },
          ...(ifMatch ? { ifMatch } : {}),
        });
        if (stillHere()) {
          current.current = saved;
          setState({ status: "ready", letter: saved });
        }
        return saved;
      } catch (error) {
        if (stillHere() && error instanceof ApiError && error.status === 412) {
          // Show what the server has (the colleague's version), not the refused upload.
          const theirs = await load(stillHere);
          if (stillHere()) setState({ status: "ready", ...(theirs ? { letter: theirs } : {}) });
          throw new StaleLetterError(theirs);
        }
        // Anything else (the API unreachable...): the page keeps the file; the error says it
        // was not kept, and the server's version stays what it was.
        throw error;
      }
    },
    [kept, host, client, no, load],
  );

  const value = useMemo<SegmentLetterState>(
    () => ({ kept, ...state, reload: () => setAttempt((n) => n + 1), upload }),
    [kept, state, upload],
  );
  return <SegmentLetterContext.Provider value={value}>{children}</SegmentLetterContext.Provider>;
};

/** The open segment's letter; outside a SegmentLetterProvider (Word's views in tests) not kept. */
export const useSegmentLetter = (): SegmentLetterState => {
  const host = useHost();
  const value = useContext(SegmentLetterContext);
  return (
    value ?? {
      kept: false,
      status: "ready",
      reload: () => undefined,
      upload: async (file) => {
        await host.openDocument(file);
        return undefined;
      },
    }
  );
};
