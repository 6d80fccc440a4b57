import { Button, Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { SegmentListView } from "../features/segments/segment-list-view";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";
import { installFocusReturn } from "../ui/focus-return";
import { useHoldUnload } from "../ui/hold-unload";
import { PaneRunsProvider, usePaneRuns } from "../ui/pane-runs";
import { UnsavedChangesProvider, useConfirmLeave, useUnsavedGuard } from "../ui/unsaved-changes";
import { RunsElsewhere } from "./runs-elsewhere";
import { LoggedSegmentsView, SegmentWorkspace } from "./lazy-views";
import { runTab, type PaneRoute } from "./routes";
import { ViewSlot } from "./view-slot";
import { onFirstListOpen } from "../features/segments/first-list/first-list-handover";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column" },
  nav: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
  current: {
    borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`,
    borderRadius: 0,
  },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

/**
 * The pane's shell: where the pane runs, the top-level navigation (segments, logged segments),
 * and the current view. The segment list is in the first bundle; everything else is loaded when
 * it is first shown. Every way out of a view asks first when a form in it holds unsaved edits
 * (the browser's reload or close too, in a browser or Teams); long runs (a merge, a Log, a template
 * applied to the lines) are kept
 * here, above every view, and go on whichever view is shown.
 */
export const App = (props: { initialRoute?: PaneRoute }) => (
  <PaneRunsProvider>
    <UnsavedChangesProvider>
      <Shell {...props} />
    </UnsavedChangesProvider>
  </PaneRunsProvider>
);

const Shell = ({ initialRoute = { view: "segments" } }: { initialRoute?: PaneRoute }) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const [title, setTitle] = useState("");
  const [route, setRoute] = useState<PaneRoute>(initialRoute);
  const confirmLeave = useConfirmLeave();
  const navigate = (next: PaneRoute) => confirmLeave(() => setRoute(next));
  const runs = usePaneRuns();
  const unsaved = useUnsavedGuard();
  // Word closes its pane without asking the page; a browser tab or Teams can be held.
  useHoldUnload(host.kind !== "word", () => unsaved.dirty() || runs.busy());

  useEffect(() => installFocusReturn(), []);

  useEffect(() => {
    let live = true;
    host.documentTitle().then(
      (value) => live && setTitle(value),
      // A title is decoration: a Word that will not tell leaves the header without it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const openSegment = (no: string) => navigate({ view: "segment", no, tab: "lines" });

  // A segment chosen in the list drawn before React ran (features/segments/first-list/) opens now.
  useEffect(() => onFirstListOpen((no) => setRoute({ view: "segment", no, tab: "lines" })), []);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{t("shell.title")}</Subtitle1>
        {host.kind === "word" && title && (
          <Caption1 className={styles.ellipsis}>{t("shell.document", { title })}</Caption1>
        )}
        {/* Two plain buttons, not a TabList: the first bundle stays small (bench/pane.bench.ts). */}
        <nav className={styles.nav} aria-label={t("shell.nav")}>
          {(["segments", "logged"] as const).map((view) => {
            const current = view === "logged" ? route.view === "logged" : route.view !== "logged";
            return (
              <Button
                key={view}
                size="small"
                appearance="subtle"
                className={current ? styles.current : undefined}
                aria-current={current ? "page" : undefined}
                onClick={() => navigate({ view })}
              >
                {t(view === "logged" ? "shell.logged" : "shell.segments")}
              </Button>
            );
          })}
        </nav>
        <RunsElsewhere
          {...(route.view === "segment" ? { openNo: route.no } : {})}
          onShow={(run) => navigate({ view: "segment", no: run.segmentNo, tab: runTab[run.kind] })}
        />
      </header>
      <ViewSlot name={route.view === "segment" ? `segment/${route.no}` : route.view}>
        {route.view === "segments" && <SegmentListView onOpen={openSegment} />}
        {route.view === "logged" && <LoggedSegmentsView onOpenSegment={openSegment} />}
        {route.view === "segment" && (
          <SegmentWorkspace
            no={route.no}
            tab={route.tab}
            onTab={(tab) => navigate({ ...route, tab })}
            onBack={() => navigate({ view: "segments" })}
            onOpenSegment={openSegment}
          />
        )}
      </ViewSlot>
    </main>
  );
};
