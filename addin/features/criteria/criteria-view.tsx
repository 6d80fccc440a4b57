import type { CriteriaAction } from "@shared/model/criteria-action";
import {
  Button,
  Caption1,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowSyncRegular,
  ArrowUndoRegular,
  FilterRegular,
  MoreHorizontalRegular,
  PersonAddRegular,
  PersonSubtractRegular,
} from "@fluentui/react-icons";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { useOpenSegment } from "../segments/open-segment";
import { ACTION_KIND_LABEL } from "./action-labels";
import { useActionSummary } from "./use-action-summary";
import type { BuilderKind } from "./builder-model";
import { CriteriaBuilder } from "./criteria-builder";
import { RefreshPanel } from "./refresh-panel";
import { ReuseCriteriaDialog } from "./reuse-criteria-dialog";
import { ReuseSegmentDialog } from "./reuse-segment-dialog";
import { SaveCriteriaDialog } from "./save-criteria-dialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toolbar: { flexWrap: "wrap", paddingLeft: 0, paddingRight: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  action: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  last: { outline: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
});

type Mode =
  | { kind: "list" }
  | { kind: "builder"; action: BuilderKind }
  | { kind: "refresh" }
  | { kind: "save" }
  | { kind: "reuseCriteria" }
  | { kind: "reuseSegment" };

/**
 * The segment's criteria: the actions that built it, newest last, and what can be done next:
 * Add, Reduce or Refine Contacts, Go Back, Save and Reuse Criteria, Reuse Segment and, for a
 * dynamic segment, Refresh.
 */
export const CriteriaView = () => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const { segment, reload: reloadSegment } = useOpenSegment();
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [goingBack, setGoingBack] = useState(false);
  const actions = useApiQuery(
    (signal) => client("listCriteriaActions", { params: { no: segment.no }, signal }),
    // Criteria actions change the lines and counters; the header's etag need not change with them.
    [client, segment.no, segment.etag, segment.noOfLines, segment.noOfCriteriaActions],
  );
  const items: CriteriaAction[] = actions.state.data?.items ?? [];
  const described = useActionSummary();
  const last = items[items.length - 1];
  const open = segment.status === "open";

  const done = (message: string) => {
    setMode({ kind: "list" });
    setNotice(message);
    setError(undefined);
    reloadSegment();
    actions.reload();
  };

  const goBack = async () => {
    if (!last) return;
    setGoingBack(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const outcome = await client("goBack", {
        params: { no: segment.no },
        body: { actionNo: last.no },
      });
      done(
        t("criteria.goBack.done", {
          no: outcome.undone.no,
          deleted: outcome.linesDeleted,
          restored: outcome.linesRestored,
        }),
      );
    } catch (caught) {
      setError(caught);
      actions.reload();
    } finally {
      setGoingBack(false);
    }
  };

  if (mode.kind === "builder") {
    return (
      <CriteriaBuilder
        kind={mode.action}
        segmentNo={segment.no}
        onCancel={() => setMode({ kind: "list" })}
        onApplied={(outcome) =>
          done(
            t("criteria.applied", {
              added: outcome.linesAdded,
              removed: outcome.linesRemoved,
              lines: outcome.noOfLines,
            }),
          )
        }
      />
    );
  }
  if (mode.kind === "refresh") {
    return (
      <RefreshPanel
        segmentNo={segment.no}
        onCancel={() => setMode({ kind: "list" })}
        onApplied={(lines) => done(t("criteria.refresh.applied", { lines }))}
      />
    );
  }

  return (
    <section className={styles.root} aria-labelledby="criteria-heading">
      <Subtitle2 as="h3" id="criteria-heading">
        {t("criteria.heading")}
      </Subtitle2>
      {open && (
        // The three actions carry their names: the empty state says "Start with Add Contacts".
        <Toolbar aria-label={t("criteria.toolbar")} size="small" className={styles.toolbar}>
          <ToolbarButton
            icon={<PersonAddRegular />}
            onClick={() => setMode({ kind: "builder", action: "addContacts" })}
          >
            {t("criteria.add")}
          </ToolbarButton>
          <ToolbarButton
            icon={<PersonSubtractRegular />}
            onClick={() => setMode({ kind: "builder", action: "reduceContacts" })}
          >
            {t("criteria.reduce")}
          </ToolbarButton>
          <ToolbarButton
            icon={<FilterRegular />}
            onClick={() => setMode({ kind: "builder", action: "refineContacts" })}
          >
            {t("criteria.refine")}
          </ToolbarButton>
          <ToolbarDivider />
          <Tooltip content={t("criteria.goBack")} relationship="label">
            <ToolbarButton
              icon={<ArrowUndoRegular />}
              disabled={!last || goingBack}
              onClick={goBack}
            />
          </Tooltip>
          {segment.dynamic && (
            <Tooltip content={t("criteria.refresh")} relationship="label">
              <ToolbarButton
                icon={<ArrowSyncRegular />}
                onClick={() => setMode({ kind: "refresh" })}
              />
            </Tooltip>
          )}
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Tooltip content={t("criteria.more")} relationship="label">
                <ToolbarButton icon={<MoreHorizontalRegular />} />
              </Tooltip>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem disabled={items.length === 0} onClick={() => setMode({ kind: "save" })}>
                  {t("criteria.save")}
                </MenuItem>
                <MenuItem onClick={() => setMode({ kind: "reuseCriteria" })}>
                  {t("criteria.reuse")}
                </MenuItem>
                <MenuItem onClick={() => setMode({ kind: "reuseSegment" })}>
                  {t("criteria.reuseSegment")}
                </MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </Toolbar>
      )}
      {!open && <Caption1>{t("criteria.readOnly")}</Caption1>}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ApiProblemBar error={error} onRetry={actions.reload} />}
      {actions.state.status === "error" && (
        <ApiProblemBar error={actions.state.error} onRetry={actions.reload} />
      )}
      {actions.state.status === "loading" && !actions.state.data && (
        <Spinner size="tiny" label={t("criteria.loading")} />
      )}
      {actions.state.data &&
        (items.length === 0 ? (
          <Caption1>{t("criteria.none")}</Caption1>
        ) : (
          <ol className={styles.list} aria-label={t("criteria.actions")}>
            {items.map((action) => (
              <li
                key={action.no}
                className={action === last ? `${styles.action} ${styles.last}` : styles.action}
              >
                <Text weight="semibold">
                  {t("criteria.actionTitle", {
                    no: action.no,
                    kind: t(ACTION_KIND_LABEL[action.kind]),
                  })}
                </Text>
                {described(action).summary && <Caption1>{described(action).summary}</Caption1>}
                {described(action).ownDescription && (
                  <Caption1>{described(action).ownDescription}</Caption1>
                )}
                <Caption1>
                  {t("criteria.actionCounts", {
                    added: action.linesAdded,
                    removed: action.linesRemoved,
                  })}
                  {action.status !== "applied" ? ` · ${t(`criteria.status.${action.status}`)}` : ""}
                </Caption1>
              </li>
            ))}
          </ol>
        ))}
      {mode.kind === "save" && (
        <SaveCriteriaDialog
          segmentNo={segment.no}
          onClose={() => setMode({ kind: "list" })}
          onSaved={(code) => done(t("criteria.save.done", { code }))}
        />
      )}
      {mode.kind === "reuseCriteria" && (
        <ReuseCriteriaDialog
          segmentNo={segment.no}
          hasCriteria={items.length > 0}
          onClose={() => setMode({ kind: "list" })}
          onReused={(lines) => done(t("criteria.reuse.done", { lines }))}
        />
      )}
      {mode.kind === "reuseSegment" && (
        <ReuseSegmentDialog
          segmentNo={segment.no}
          onClose={() => setMode({ kind: "list" })}
          onReused={(added) => done(t("criteria.reuseSegment.done", { added }))}
        />
      )}
      {open && last && (
        <Button size="small" icon={<ArrowUndoRegular />} disabled={goingBack} onClick={goBack}>
          {t("criteria.goBackLast", { no: last.no })}
        </Button>
      )}
    </section>
  );
};
