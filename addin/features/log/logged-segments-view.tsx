import type { LoggedSegment } from "@shared/model/logged-segment";
import {
  Badge,
  Caption1,
  MenuItem,
  MessageBar,
  MessageBarBody,
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
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { RowActionsCell, RowActionsHeaderCell } from "../../ui/row-actions";
import { DeliveryDrawer } from "../delivery/delivery-drawer";
import { LetterActionsStatus } from "./letter-actions-status";
import { useLetterActions } from "./use-letter-actions";
import { useFormat } from "../../i18n/use-format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stack: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  entryCol: { width: "48px" },
  countCol: { width: "44px", textAlign: "end" },
});

/**
 * Logged segments, newest first: cancel one (and undo that), follow it up with a new segment,
 * resend its letters, or see and start its deliveries (send jobs).
 */
export const LoggedSegmentsView = ({ onOpenSegment }: { onOpenSegment: (no: string) => void }) => {
  const t = useT();
  const format = useFormat();
  const styles = useStyles();
  const { client } = useApi();
  const list = useApiQuery(
    (signal) => client("listLoggedSegments", { query: { top: 100 }, signal }),
    [client],
  );
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const items = list.state.data?.items ?? [];
  const letters = useLetterActions();
  const [delivery, setDelivery] = useState<LoggedSegment>();

  const act = async (entry: LoggedSegment, action: "cancel" | "undoCancel" | "followUp") => {
    setError(undefined);
    setNotice(undefined);
    letters.clear();
    try {
      const params = { entryNo: entry.entryNo };
      if (action === "followUp") {
        const segment = await client("createFollowUpSegment", { params });
        onOpenSegment(segment.no);
        return;
      }
      await client(action === "cancel" ? "cancelLoggedSegment" : "undoCancelLoggedSegment", {
        params,
      });
      setNotice(
        t(action === "cancel" ? "log.loggedSegments.canceled" : "log.loggedSegments.restored", {
          entryNo: entry.entryNo,
        }),
      );
      list.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="logged-heading">
      <Subtitle2 as="h2" id="logged-heading">
        {t("log.loggedSegments.heading")}
      </Subtitle2>
      {list.state.status === "loading" && !list.state.data && (
        <Spinner size="small" label={t("log.loggedSegments.loading")} />
      )}
      {list.state.status === "error" && (
        <ApiProblemBar error={list.state.error} onRetry={list.reload} />
      )}
      {error !== undefined && <ApiProblemBar error={error} onRetry={list.reload} />}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <LetterActionsStatus state={letters.state} />
      {list.state.data &&
        (items.length === 0 ? (
          <Caption1>{t("log.loggedSegments.empty")}</Caption1>
        ) : (
          <Table size="extra-small" aria-labelledby="logged-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.entryCol} style={{ width: 48 }}>
                  {t("log.loggedSegments.col.entry")}
                </TableHeaderCell>
                <TableHeaderCell>{t("log.loggedSegments.col.segment")}</TableHeaderCell>
                <TableHeaderCell className={styles.countCol} style={{ width: 44 }}>
                  {t("log.loggedSegments.col.count")}
                </TableHeaderCell>
                <RowActionsHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((entry) => (
                <TableRow key={entry.entryNo}>
                  <TableCell className={styles.entryCol}>{entry.entryNo}</TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <span>{`${entry.segmentNo} ${entry.description}`}</span>
                      <Caption1>{format.date(entry.createdAt)}</Caption1>
                      {entry.canceled && (
                        <Badge size="small" color="danger" appearance="tint">
                          {t("log.loggedSegments.canceledBadge")}
                        </Badge>
                      )}
                    </div>
                  </TableCell>
                  <TableCell className={styles.countCol}>
                    {format.number(entry.noOfInteractions)}
                  </TableCell>
                  <RowActionsCell
                    label={t("log.loggedSegments.actionsFor", { entryNo: entry.entryNo })}
                  >
                    {entry.canceled ? (
                      <MenuItem onClick={() => act(entry, "undoCancel")}>
                        {t("log.loggedSegments.undoCancel")}
                      </MenuItem>
                    ) : (
                      <MenuItem onClick={() => act(entry, "cancel")}>
                        {t("log.loggedSegments.cancel")}
                      </MenuItem>
                    )}
                    {entry.followUpSegmentNo ? (
                      <MenuItem onClick={() => onOpenSegment(entry.followUpSegmentNo ?? "")}>
                        {t("log.loggedSegments.openFollowUp", { no: entry.followUpSegmentNo })}
                      </MenuItem>
                    ) : (
                      <MenuItem disabled={entry.canceled} onClick={() => act(entry, "followUp")}>
                        {t("log.loggedSegments.followUp")}
                      </MenuItem>
                    )}
                    <MenuItem
                      disabled={entry.canceled || letters.state.working !== undefined}
                      onClick={() => {
                        setError(undefined);
                        setNotice(undefined);
                        void letters.resendLogged(entry);
                      }}
                    >
                      {t("log.letters.resendAll")}
                    </MenuItem>
                    <MenuItem onClick={() => setDelivery(entry)}>
                      {t("delivery.drawer.open")}
                    </MenuItem>
                    <MenuItem onClick={() => onOpenSegment(entry.segmentNo)}>
                      {t("log.loggedSegments.openSegment", { no: entry.segmentNo })}
                    </MenuItem>
                  </RowActionsCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      {delivery && (
        <DeliveryDrawer
          entryNo={delivery.entryNo}
          title={`${delivery.segmentNo} ${delivery.description}`}
          canceled={delivery.canceled}
          onClose={() => setDelivery(undefined)}
        />
      )}
    </section>
  );
};
