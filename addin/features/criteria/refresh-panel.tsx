import {
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "200px",
    overflowY: "auto",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Refresh a dynamic segment: what today's contacts would change, then Apply as one action. */
export const RefreshPanel = ({
  segmentNo,
  onCancel,
  onApplied,
}: {
  segmentNo: string;
  onCancel: () => void;
  onApplied: (lines: number) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const preview = useApiQuery(
    (signal) =>
      client("refreshSegment", { params: { no: segmentNo }, body: { apply: false }, signal }),
    [client, segmentNo],
  );
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const diff = preview.state.status === "ok" ? preview.state.data : undefined;

  const apply = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await client("refreshSegment", {
        params: { no: segmentNo },
        body: { apply: true },
      });
      onApplied(outcome.noOfLines);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="refresh-heading">
      <Subtitle2 as="h3" id="refresh-heading">
        {t("criteria.refresh")}
      </Subtitle2>
      {preview.state.status === "loading" && (
        <Spinner size="small" label={t("criteria.refresh.loading")} />
      )}
      {preview.state.status === "error" && (
        <ApiProblemBar error={preview.state.error} onRetry={preview.reload} />
      )}
      {diff && (
        <>
          <Caption1 role="status">
            {t("criteria.refresh.summary", {
              add: diff.toAdd.length,
              remove: diff.toRemove.length,
            })}
          </Caption1>
          {diff.toAdd.length > 0 && (
            <>
              <Subtitle2 as="h4">
                {t("criteria.refresh.toAdd", { count: diff.toAdd.length })}
              </Subtitle2>
              <ul
                className={styles.list}
                tabIndex={0}
                aria-label={t("criteria.refresh.toAdd", { count: diff.toAdd.length })}
              >
                {diff.toAdd.map((c) => (
                  <li key={c.contactNo}>{`${c.contactNo} ${c.name}`}</li>
                ))}
              </ul>
            </>
          )}
          {diff.toRemove.length > 0 && (
            <>
              <Subtitle2 as="h4">
                {t("criteria.refresh.toRemove", { count: diff.toRemove.length })}
              </Subtitle2>
              <ul
                className={styles.list}
                tabIndex={0}
                aria-label={t("criteria.refresh.toRemove", { count: diff.toRemove.length })}
              >
                {diff.toRemove.map((c) => (
                  <li key={c.lineNo}>{`${c.contactNo} ${c.name}`}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {error !== undefined && <ApiProblemBar error={error} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || !diff || diff.toAdd.length + diff.toRemove.length === 0}
          onClick={apply}
        >
          {t("criteria.refresh.apply")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    </section>
  );
};
