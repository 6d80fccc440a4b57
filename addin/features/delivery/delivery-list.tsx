import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Delivery, DeliveryState } from "@shared/model/delivery";
import { useId, useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { reasonText } from "./delivery-reason";
import { DeliveryStateBadge } from "./delivery-state-badge";
import { formatMoment } from "./format-time";

const PAGE = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  top: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  heading: { margin: 0 },
});

/**
 * The job's lines, one per contact: state, why (skipped or failed), when it was sent; filtered
 * by state and read a page at a time. `version` changes when the job's counts do, so the list
 * follows the job while it runs.
 */
export const DeliveryList = ({
  jobId,
  version,
}: {
  readonly jobId: string;
  readonly version: string;
}) => {
  const t = useT();
  const styles = useStyles();
  const headingId = useId();
  const { client } = useApi();
  const { displayLanguage } = useHost();
  const [state, setState] = useState<DeliveryState | "">("");
  const [more, setMore] = useState<{ items: Delivery[]; token?: string }>();
  const [moreError, setMoreError] = useState<unknown>();
  const first = useApiQuery(
    (signal) => {
      setMore(undefined);
      return client("listSendJobDeliveries", {
        params: { id: jobId },
        query: { pageSize: PAGE, ...(state ? { state } : {}) },
        signal,
      });
    },
    [client, jobId, state, version],
  );
  const items = [...(first.state.data?.items ?? []), ...(more?.items ?? [])];
  const token = more ? more.token : first.state.data?.continuationToken;

  const loadMore = async () => {
    if (!token) return;
    setMoreError(undefined);
    try {
      const next = await client("listSendJobDeliveries", {
        params: { id: jobId },
        query: { pageSize: PAGE, continuation: token, ...(state ? { state } : {}) },
      });
      setMore({ items: [...(more?.items ?? []), ...next.items], token: next.continuationToken });
    } catch (error) {
      setMoreError(error);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Body1Strong as="h4" id={headingId} className={styles.heading}>
        {t("delivery.lines.heading")}
      </Body1Strong>
      <Field label={t("delivery.lines.filter")}>
        <Select
          value={state}
          onChange={(_, d) => {
            const parsed = DeliveryState.safeParse(d.value);
            setState(parsed.success ? parsed.data : "");
          }}
        >
          <option value="">{t("delivery.lines.filter.all")}</option>
          {DeliveryState.options.map((s) => (
            <option key={s} value={s}>
              {t(`delivery.state.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      {first.state.status === "loading" && !first.state.data && (
        <Spinner size="tiny" label={t("delivery.lines.loading")} />
      )}
      {first.state.status === "error" && (
        <ApiProblemBar error={first.state.error} onRetry={first.reload} />
      )}
      {first.state.data && items.length === 0 && <Caption1>{t("delivery.lines.empty")}</Caption1>}
      {items.length > 0 && (
        <ul className={styles.list} aria-labelledby={headingId}>
          {items.map((d) => (
            <li key={d.entryNo} className={styles.item}>
              <div className={styles.top}>
                <Text weight="semibold">{d.contactName}</Text>
                <DeliveryStateBadge state={d.state} />
              </div>
              {d.email && <Caption1>{d.email}</Caption1>}
              {d.reason && <Caption1>{reasonText(t, d.reason)}</Caption1>}
              {d.sentAt && (
                <Caption1>
                  {t("delivery.lines.sentAt", { time: formatMoment(d.sentAt, displayLanguage) })}
                </Caption1>
              )}
            </li>
          ))}
        </ul>
      )}
      {moreError !== undefined && <ApiProblemBar error={moreError} onRetry={loadMore} />}
      {token && (
        <Button size="small" onClick={loadMore}>
          {t("common.showMore")}
        </Button>
      )}
    </section>
  );
};
