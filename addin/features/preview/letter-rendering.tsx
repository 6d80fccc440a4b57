import { Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { MergeRecord } from "@shared/merge";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useDocumentVersion, useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";

const useStyles = makeStyles({
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflow: "hidden",
  },
  // The page keeps Word's width and is scaled to the pane (zoom, so the layout shrinks with it):
  // at 350 px the whole line is visible, never a sideways scroll.
  page: { transformOrigin: "top left" },
});

/** docx-preview only where there is no document to preview in: its own chunk, fetched here. */
const loadRenderer = () =>
  import(/* webpackChunkName: "docx-preview" */ "docx-preview").then((m) => m.renderAsync);

type Shown = "rendering" | "shown" | "none" | "failed";

/**
 * The letter itself with the contact's values (browser and Teams): the host merges the one
 * record in the page and docx-preview draws the .docx as HTML, text and all, scaled to the pane.
 */
export const LetterRendering = ({ record, name }: { record: MergeRecord; name: string }) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const { version } = useDocumentVersion();
  const page = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Shown>("rendering");

  useEffect(() => {
    let live = true;
    setShown("rendering");
    (async () => {
      const bytes = await host.recordLetter?.(record);
      if (!live) return;
      if (!bytes) {
        page.current?.replaceChildren();
        setShown("none");
        return;
      }
      const renderAsync = await loadRenderer();
      const target = page.current;
      if (!live || !target) return;
      await renderAsync(bytes, target, undefined, {
        className: "mergeline-letter",
        inWrapper: true,
        breakPages: true,
        renderHeaders: true,
        renderFooters: true,
        ignoreLastRenderedPageBreak: true,
        experimental: false,
        useBase64URL: true,
      });
      if (live) setShown("shown");
    })().catch((error: unknown) => {
      console.error("The letter could not be rendered", error);
      if (live) setShown("failed");
    });
    return () => {
      live = false;
    };
  }, [host, record, version]);

  // Fit the page's width to the pane, now and whenever the pane is resized.
  useLayoutEffect(() => {
    const outer = frame.current;
    const inner = page.current;
    if (!outer || !inner || shown !== "shown") return undefined;
    const fit = () => {
      inner.style.zoom = "1";
      inner.style.width = "";
      // docx-preview centres each page (its <section>) in a wrapper padded 30 px a side: a page
      // wider than the pane would stick out on both sides, so the page's own width is measured.
      const pages = [...inner.querySelectorAll<HTMLElement>("section")];
      const natural = Math.max(0, ...pages.map((section) => section.offsetWidth)) + 60;
      const available = outer.clientWidth;
      if (natural <= available || available === 0) return;
      inner.style.width = `${natural}px`;
      inner.style.zoom = String(available / natural);
    };
    fit();
    if (typeof ResizeObserver !== "function") return undefined;
    const observer = new ResizeObserver(fit);
    observer.observe(outer);
    return () => observer.disconnect();
  }, [shown]);

  return (
    <>
      {shown === "rendering" && <Spinner size="tiny" label={t("preview.letter.rendering")} />}
      {shown === "none" && <Caption1>{t("preview.letter.none")}</Caption1>}
      {shown === "failed" && <Caption1>{t("preview.letter.failed")}</Caption1>}
      <div
        ref={frame}
        role="document"
        aria-label={t("preview.letter.label", { name })}
        className={styles.frame}
        hidden={shown === "none" || shown === "failed"}
      >
        <div ref={page} className={styles.page} lang={record.language} />
      </div>
    </>
  );
};
