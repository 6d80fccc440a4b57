import type { Segment } from "@shared/model/segment";
import {
  Badge,
  Button,
  Caption1,
  Link,
  SearchBox,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, ArrowImportRegular } from "@fluentui/react-icons";
import { Suspense, lazy, useLayoutEffect, useRef, useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useDebounced } from "../../api/use-debounced";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { SegmentStatusBadge } from "./segment-status-badge";
import { useFormat } from "../../i18n/use-format";
import { SEGMENT_PAGE_SIZE as PAGE, takeFirstSegmentPage } from "./first-segment-page";
import { endFirstList } from "./first-list/first-list-handover";

// The dialog (and Fluent's Dialog with it) loads when first opened, not with the pane.
const CreateSegmentDialog = lazy(() =>
  import(/* webpackChunkName: "create-segment" */ "./create-segment-dialog").then((m) => ({
    default: m.CreateSegmentDialog,
  })),
);

// Contacts have no view of their own yet: their import opens here, where segments start.
const ContactImportPanel = lazy(() =>
  import(/* webpackChunkName: "contact-import" */ "../contacts/contact-import-panel").then((m) => ({
    default: m.ContactImportPanel,
  })),
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The import wraps under the search in a narrow pane rather than squeezing it.
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  search: { flexGrow: 1, minWidth: "140px" },
  noCol: { width: "76px", overflowWrap: "anywhere" },
  linesCol: { width: "44px", textAlign: "end" },
  statusCol: { width: "68px" },
  badges: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px" },
  description: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
});

interface Listing {
  readonly items: Segment[];
  readonly continuationToken?: string;
}

/** The segments, searchable by No. and description; opening one goes to its lines. */
export const SegmentListView = ({ onOpen }: { onOpen: (no: string) => void }) => {
  const t = useT();
  const format = useFormat();
  const styles = useStyles();
  const { client } = useApi();
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim(), 300);
  const [more, setMore] = useState<Listing | undefined>();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();

  const { state, reload } = useApiQuery(
    async (signal) => {
      setMore(undefined);
      // The first page was asked for while the pane started (taskpane/index.tsx).
      const early = settled ? undefined : takeFirstSegmentPage();
      if (early) return early;
      return client("listSegments", {
        query: { top: PAGE, ...(settled ? { search: settled } : {}) },
        signal,
      });
    },
    [client, settled],
  );

  const first = state.data;
  const items = [...(first?.items ?? []), ...(more?.items ?? [])];

  // The list drawn before React ran (first-list/) gives way once this one has its rows
  // (or its problem) on screen, in the same frame; the focus goes to the same segment's row.
  const section = useRef<HTMLElement>(null);
  const listed = first !== undefined || state.status === "error";
  useLayoutEffect(() => {
    if (!listed) return;
    const focused = endFirstList();
    if (focused === undefined) return;
    const rows = section.current?.querySelectorAll<HTMLElement>("[data-segment-no]") ?? [];
    [...rows].find((link) => link.dataset.segmentNo === focused)?.focus();
  }, [listed]);
  // Left before its rows came (a segment chosen in the early list opens): the early list goes too.
  useLayoutEffect(() => () => void endFirstList(), []);
  const token = more ? more.continuationToken : first?.continuationToken;

  const loadMore = async () => {
    if (!token) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await client("listSegments", {
        query: { top: PAGE, continuationToken: token, ...(settled ? { search: settled } : {}) },
      });
      setMore({
        items: [...(more?.items ?? []), ...next.items],
        continuationToken: next.continuationToken,
      });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section ref={section} className={styles.root} aria-labelledby="segments-heading">
      <Subtitle2 as="h2" id="segments-heading">
        {t("segments.list.heading")}
      </Subtitle2>
      <div className={styles.bar}>
        <SearchBox
          className={styles.search}
          size="small"
          aria-label={t("segments.list.search")}
          placeholder={t("segments.list.search")}
          value={search}
          onChange={(_, data) => setSearch(data.value)}
        />
        <Button
          size="small"
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => setCreating(true)}
        >
          {t("segments.list.newShort")}
        </Button>
        <Button
          ref={importButton}
          size="small"
          icon={<ArrowImportRegular />}
          aria-expanded={importing}
          onClick={() => setImporting(true)}
        >
          {t("contactImport.open")}
        </Button>
      </div>
      {importing && (
        <Suspense fallback={<Spinner size="tiny" label={t("common.loading")} />}>
          <ContactImportPanel
            onClose={() => {
              setImporting(false);
              // The panel (and the focus in it) is gone: back to where it was opened.
              setTimeout(() => importButton.current?.focus(), 0);
            }}
          />
        </Suspense>
      )}
      {state.status === "error" && <ApiProblemBar error={state.error} onRetry={reload} />}
      {state.status === "loading" && !first && (
        <Spinner size="small" label={t("segments.list.loading")} />
      )}
      {first &&
        (items.length === 0 ? (
          <Caption1>{settled ? t("segments.list.noMatch") : t("segments.list.empty")}</Caption1>
        ) : (
          <Table size="extra-small" aria-labelledby="segments-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.noCol} style={{ width: 76 }}>
                  {t("segments.list.col.no")}
                </TableHeaderCell>
                <TableHeaderCell>{t("segments.list.col.description")}</TableHeaderCell>
                <TableHeaderCell className={styles.linesCol} style={{ width: 44 }}>
                  {t("segments.list.col.lines")}
                </TableHeaderCell>
                <TableHeaderCell className={styles.statusCol} style={{ width: 68 }}>
                  {t("segments.list.col.status")}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((segment) => (
                <TableRow key={segment.no} onClick={() => onOpen(segment.no)}>
                  <TableCell className={styles.noCol}>
                    <Link
                      as="button"
                      data-segment-no={segment.no}
                      aria-label={t("segments.list.open", {
                        no: segment.no,
                        description: segment.description,
                      })}
                      onClick={(event) => {
                        event.stopPropagation();
                        onOpen(segment.no);
                      }}
                    >
                      {segment.no}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <div className={styles.description}>
                      <span>{segment.description}</span>
                      {segment.campaignNo && (
                        <Caption1>
                          {t("segments.list.campaign", { no: segment.campaignNo })}
                        </Caption1>
                      )}
                    </div>
                  </TableCell>
                  <TableCell className={styles.linesCol}>
                    {format.number(segment.noOfLines)}
                  </TableCell>
                  <TableCell className={styles.statusCol}>
                    <div className={styles.badges}>
                      <SegmentStatusBadge segment={segment} />
                      {segment.dynamic && (
                        <Badge size="small" appearance="outline" color="informative">
                          {t("segments.list.dynamic")}
                        </Badge>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      {moreError !== undefined && <ApiProblemBar error={moreError} onRetry={loadMore} />}
      {token && (
        <Button size="small" disabled={loadingMore} onClick={loadMore}>
          {loadingMore ? t("segments.list.loading") : t("segments.list.more")}
        </Button>
      )}
      {creating && (
        <Suspense fallback={<Spinner size="tiny" label={t("common.loading")} />}>
          <CreateSegmentDialog
            onClose={() => setCreating(false)}
            onCreated={(segment) => {
              setCreating(false);
              onOpen(segment.no);
            }}
          />
        </Suspense>
      )}
    </section>
  );
};
