import type { SegmentLine } from "@shared/model/segment";
import {
  Badge,
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MenuItem,
  SearchBox,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  AddRegular,
  DeleteRegular,
  EditRegular,
  HistoryRegular,
  MailOffRegular,
  QuestionCircleRegular,
} from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useDebounced } from "../../api/use-debounced";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { useGoToFix } from "../../ui/go-to-fix";
import { usePaneRuns } from "../../ui/pane-runs";
import { RowActionsCell, RowActionsHeaderCell } from "../../ui/row-actions";
import { useWideLayout } from "../../ui/use-wide-layout";
import { ExplainDialog } from "../criteria/explain-dialog";
import {
  EmailOptOutDialog,
  setEmailOptOut,
  type OptOutChange,
} from "../delivery/email-opt-out-dialog";
import { ContactInteractionsDrawer } from "../log/contact-interactions-drawer";
import { AddLineDialog } from "./add-line-dialog";
import { InteractionLanguagesEditor } from "./interaction-languages-editor";
import { LineEditDrawer } from "./line-edit-drawer";
import { useOpenSegment } from "./open-segment";
import { SegmentHeaderForm } from "./segment-header-form";

const PAGE = 100;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  stack: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  code: { width: "7rem" },
  // In a Teams tab the search box does not stretch over the whole window.
  search: { flexGrow: 1, minWidth: 0, maxWidth: "32rem" },
});

type Dialogs =
  | { kind: "edit"; line: SegmentLine }
  | { kind: "explain"; line: SegmentLine }
  | { kind: "interactions"; line: SegmentLine }
  | { kind: "remove"; line: SegmentLine }
  | { kind: "optOut"; line: SegmentLine }
  | { kind: "add" };

/** The open segment's header (folded away) and its lines, each with its own actions. */
export const SegmentLinesView = () => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const { segment, reload: reloadSegment } = useOpenSegment();
  const wide = useWideLayout();
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim(), 300);
  const [dialog, setDialog] = useState<Dialogs | undefined>();
  const [actionError, setActionError] = useState<unknown>();
  // The removal a busy segment refused, offered again once its holder is done.
  const [refusedRemoval, setRefusedRemoval] = useState<SegmentLine>();
  const [extra, setExtra] = useState<{ items: SegmentLine[]; token?: string } | undefined>();
  // Opt-outs set here, by contact, over what the lines were read with; the last one can be undone.
  const [optOuts, setOptOuts] = useState<Record<string, boolean>>({});
  const [lastOptOut, setLastOptOut] = useState<OptOutChange>();
  const [undoing, setUndoing] = useState(false);
  const optedOut = (line: SegmentLine) =>
    optOuts[line.contactNo] ?? line.contactEmailOptOut === true;
  const recordOptOut = (change: OptOutChange) =>
    setOptOuts((previous) => ({ ...previous, [change.contactNo]: change.optedOut }));
  const undoOptOut = async () => {
    if (!lastOptOut) return;
    setUndoing(true);
    setActionError(undefined);
    try {
      const saved = await setEmailOptOut(
        client,
        lastOptOut.contactNo,
        !lastOptOut.optedOut,
        lastOptOut.etag,
      );
      recordOptOut({ ...lastOptOut, optedOut: saved.emailOptOut === true, etag: saved.etag });
      setLastOptOut(undefined);
    } catch (error) {
      setActionError(error);
    } finally {
      setUndoing(false);
    }
  };

  const lines = useApiQuery(
    async (signal) => {
      setExtra(undefined);
      return client("listSegmentLines", {
        params: { no: segment.no },
        query: { top: PAGE, ...(settled ? { search: settled } : {}) },
        signal,
      });
    },
    // noOfLines and the etag change with every criteria action: the lines are read again.
    [client, segment.no, segment.etag, segment.noOfLines, segment.noOfCriteriaActions, settled],
  );
  const open = segment.status === "open";
  // A problem's "go to the fix" opens Details on the field to set, focused.
  const goToFix = useGoToFix();
  const pendingField = goToFix?.pendingField;
  // A template going on to the lines (or just ended, unseen) is shown in Details: it opens on
  // it, as the shell's Show and the Lines tab's spinner promise. Read once: no re-render per poll.
  const runs = usePaneRuns();
  const [headerOpen, setHeaderOpen] = useState<string[]>(() =>
    pendingField ||
    runs.activities().some((run) => run.kind === "apply" && run.segmentNo === segment.no)
      ? ["header"]
      : [],
  );
  useEffect(() => {
    if (!pendingField) return;
    setHeaderOpen((items) => (items.includes("header") ? items : [...items, "header"]));
    const wanted = `[data-fix="${pendingField}"]`;
    // The panel renders on the next frame: focus the field's control once it is there.
    let tries = 0;
    const timer = window.setInterval(() => {
      const control = document.querySelector<HTMLElement>(
        `${wanted} input, ${wanted} button, ${wanted} textarea`,
      );
      if (!control && ++tries < 40) return;
      window.clearInterval(timer);
      control?.scrollIntoView({ block: "center" });
      control?.focus();
      goToFix?.fieldShown();
    }, 50);
    return () => window.clearInterval(timer);
  }, [pendingField]);
  const items = [...(lines.state.data?.items ?? []), ...(extra?.items ?? [])];
  const token = extra ? extra.token : lines.state.data?.continuationToken;

  const loadMore = async () => {
    if (!token) return;
    try {
      const next = await client("listSegmentLines", {
        params: { no: segment.no },
        query: { top: PAGE, continuationToken: token, ...(settled ? { search: settled } : {}) },
      });
      setExtra({ items: [...(extra?.items ?? []), ...next.items], token: next.continuationToken });
    } catch (error) {
      setActionError(error);
    }
  };

  const remove = async (line: SegmentLine) => {
    setDialog(undefined);
    setActionError(undefined);
    setRefusedRemoval(undefined);
    try {
      await client("deleteSegmentLine", {
        params: { no: segment.no, lineNo: line.lineNo },
        ifMatch: line.etag,
      });
      reloadSegment();
    } catch (error) {
      setActionError(error);
      setRefusedRemoval(line);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="lines-heading">
      <Accordion
        collapsible
        openItems={headerOpen}
        onToggle={(_, d) => setHeaderOpen(d.openItems as string[])}
      >
        <AccordionItem value="header">
          <AccordionHeader size="small">{t("segments.header.title")}</AccordionHeader>
          <AccordionPanel>
            <SegmentHeaderForm />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="languages">
          <AccordionHeader size="small">{t("segments.languages.title")}</AccordionHeader>
          <AccordionPanel>
            <InteractionLanguagesEditor />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <Subtitle2 as="h3" id="lines-heading">
        {t("segments.lines.heading", { count: segment.noOfLines })}
      </Subtitle2>
      <div className={styles.bar}>
        <SearchBox
          className={styles.search}
          size="small"
          aria-label={t("segments.lines.search")}
          placeholder={t("segments.lines.search")}
          value={search}
          onChange={(_, d) => setSearch(d.value)}
        />
        {open && (
          <Tooltip content={t("segments.lines.add")} relationship="label">
            <Button size="small" icon={<AddRegular />} onClick={() => setDialog({ kind: "add" })} />
          </Tooltip>
        )}
      </div>
      {lines.state.status === "error" && (
        <ApiProblemBar error={lines.state.error} onRetry={lines.reload} />
      )}
      {actionError !== undefined && (
        <ApiProblemBar
          error={actionError}
          onReload={reloadSegment}
          onRetry={lines.reload}
          {...(refusedRemoval ? { onRepeat: () => void remove(refusedRemoval) } : {})}
        />
      )}
      {lastOptOut && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t(lastOptOut.optedOut ? "delivery.optOut.set" : "delivery.optOut.cleared", {
              name: lastOptOut.contactName,
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={undoing} onClick={() => void undoOptOut()}>
              {t("delivery.optOut.undo")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {lines.state.status === "loading" && !lines.state.data && (
        <Spinner size="small" label={t("segments.lines.loading")} />
      )}
      {lines.state.data &&
        (items.length === 0 ? (
          <Caption1>{settled ? t("segments.lines.noMatch") : t("segments.lines.empty")}</Caption1>
        ) : (
          <Table size="extra-small" aria-labelledby="lines-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("segments.lines.col.contact")}</TableHeaderCell>
                {wide && (
                  <>
                    <TableHeaderCell className={styles.code}>
                      {t("segments.lines.col.no")}
                    </TableHeaderCell>
                    <TableHeaderCell>{t("segments.lines.col.company")}</TableHeaderCell>
                    <TableHeaderCell>{t("segments.lines.col.description")}</TableHeaderCell>
                    <TableHeaderCell>{t("segments.lines.col.subject")}</TableHeaderCell>
                    <TableHeaderCell className={styles.code}>
                      {t("segments.lines.col.language")}
                    </TableHeaderCell>
                  </>
                )}
                <RowActionsHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((line) => {
                // The line's own description and subject only where they differ from the
                // segment's: repeated on every row they crowd the names at 350 px.
                const ownDescription =
                  line.description && line.description !== segment.description
                    ? line.description
                    : undefined;
                const ownSubject =
                  line.subject && line.subject !== segment.subject ? line.subject : undefined;
                const marks = (
                  <>
                    {line.note && <Caption1 italic>{t("segments.lines.hasNote")}</Caption1>}
                    {optedOut(line) && (
                      <Badge
                        size="small"
                        appearance="tint"
                        color="warning"
                        icon={<MailOffRegular />}
                      >
                        {t("delivery.optOut.badge")}
                      </Badge>
                    )}
                  </>
                );
                return (
                  <TableRow key={line.lineNo}>
                    {wide ? (
                      <>
                        <TableCell>
                          <div className={styles.stack}>
                            <span>{line.contactName}</span>
                            {marks}
                          </div>
                        </TableCell>
                        <TableCell className={styles.code}>{line.contactNo}</TableCell>
                        <TableCell>{line.contactCompanyName ?? ""}</TableCell>
                        <TableCell>{line.description ?? ""}</TableCell>
                        <TableCell>{line.subject ?? ""}</TableCell>
                        <TableCell className={styles.code}>{line.languageCode ?? ""}</TableCell>
                      </>
                    ) : (
                      <TableCell>
                        <div className={styles.stack}>
                          <span className={styles.name}>{line.contactName}</span>
                          <Caption1>
                            {line.contactNo}
                            {line.contactCompanyName ? ` · ${line.contactCompanyName}` : ""}
                          </Caption1>
                          {ownDescription && <Caption1>{ownDescription}</Caption1>}
                          {ownSubject && <Caption1>{ownSubject}</Caption1>}
                          {marks}
                        </div>
                      </TableCell>
                    )}
                    <RowActionsCell
                      label={t("segments.lines.actionsFor", { name: line.contactName })}
                    >
                      <MenuItem
                        icon={<EditRegular />}
                        onClick={() => setDialog({ kind: "edit", line })}
                      >
                        {open ? t("segments.lines.edit") : t("segments.lines.view")}
                      </MenuItem>
                      <MenuItem
                        icon={<QuestionCircleRegular />}
                        onClick={() => setDialog({ kind: "explain", line })}
                      >
                        {t("segments.lines.explain")}
                      </MenuItem>
                      <MenuItem
                        icon={<HistoryRegular />}
                        onClick={() => setDialog({ kind: "interactions", line })}
                      >
                        {t("segments.lines.interactions")}
                      </MenuItem>
                      <MenuItem
                        icon={<MailOffRegular />}
                        onClick={() => setDialog({ kind: "optOut", line })}
                      >
                        {t("delivery.optOut.menu")}
                      </MenuItem>
                      {open && (
                        <MenuItem
                          icon={<DeleteRegular />}
                          onClick={() => setDialog({ kind: "remove", line })}
                        >
                          {t("segments.lines.remove")}
                        </MenuItem>
                      )}
                    </RowActionsCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        ))}
      {token && (
        <Button size="small" onClick={loadMore}>
          {t("common.showMore")}
        </Button>
      )}

      {dialog?.kind === "edit" && (
        <LineEditDrawer
          line={dialog.line}
          readOnly={!open}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            lines.reload();
            // A changed line changes the segment's ETag, which a Log must send.
            reloadSegment();
          }}
        />
      )}
      {dialog?.kind === "optOut" && (
        <EmailOptOutDialog
          contactNo={dialog.line.contactNo}
          contactName={dialog.line.contactName}
          onClose={() => setDialog(undefined)}
          onChanged={(change) => {
            setDialog(undefined);
            recordOptOut(change);
            setLastOptOut(change);
          }}
        />
      )}
      {dialog?.kind === "explain" && (
        <ExplainDialog line={dialog.line} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === "interactions" && (
        <ContactInteractionsDrawer
          contactNo={dialog.line.contactNo}
          contactName={dialog.line.contactName}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === "add" && (
        <AddLineDialog
          segmentNo={segment.no}
          onClose={() => setDialog(undefined)}
          onAdded={() => {
            setDialog(undefined);
            reloadSegment();
          }}
        />
      )}
      {dialog?.kind === "remove" && (
        <Dialog open onOpenChange={(_, d) => !d.open && setDialog(undefined)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t("segments.lines.remove")}</DialogTitle>
              <DialogContent>
                {t("segments.lines.remove.body", { name: dialog.line.contactName })}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => remove(dialog.line)}>
                  {t("segments.lines.remove")}
                </Button>
                <Button onClick={() => setDialog(undefined)}>{t("common.cancel")}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
};
