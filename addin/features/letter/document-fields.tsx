import {
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise16Regular, Warning16Filled } from "@fluentui/react-icons";
import { normalizeFieldName } from "@shared/merge/fields/field-name";
import { useId, useMemo } from "react";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { ActionErrorBar } from "../../ui/action-error-bar";
import type { DocumentFieldsState } from "./use-document-fields";
import type { MergeField } from "./use-merge-fields";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    display: "inline-flex",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  detail: { color: tokens.colorNeutralForeground3 },
});

export interface DocumentFieldsProps {
  readonly state: DocumentFieldsState;
  readonly onRefresh: () => void;
  /** The field list, when it could be read: fields outside it get a warning. */
  readonly known: readonly MergeField[] | undefined;
}

/** The fields the letter uses, with a warning on each that no contact provides. */
export const DocumentFields = ({ state, onRefresh, known }: DocumentFieldsProps) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const headingId = useId();
  const knownKeys = useMemo(
    () => (known ? new Set(known.map((field) => normalizeFieldName(field.name))) : undefined),
    [known],
  );
  const fields = state.fields ?? [];
  const unknown = knownKeys
    ? fields.filter((field) => !knownKeys.has(normalizeFieldName(field.name)))
    : [];

  return (
    <section
      className={styles.root}
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <div className={styles.header}>
        <Body1Strong as="h3" id={headingId} className={styles.heading}>
          {t("letter.document.heading")}
        </Body1Strong>
        <Tooltip content={t("letter.document.refresh")} relationship="label">
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowClockwise16Regular />}
            onClick={onRefresh}
          />
        </Tooltip>
      </div>
      {state.status === "loading" && !state.fields && (
        <Spinner size="tiny" label={t("letter.document.loading")} />
      )}
      {state.status === "error" && <ActionErrorBar error={state.error} onRetry={onRefresh} />}
      {state.status === "ok" && fields.length === 0 && (
        <Caption1>
          {t(
            host.capabilities.source === "upload"
              ? "letter.document.noneUploaded"
              : "letter.document.none",
          )}
        </Caption1>
      )}
      {unknown.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t("letter.document.unknownSummary", { count: unknown.length })}
          </MessageBarBody>
        </MessageBar>
      )}
      {fields.length > 0 && (
        <ul className={styles.list}>
          {fields.map((field) => {
            const missing = unknown.includes(field);
            return (
              <li key={field.name} className={styles.item}>
                {missing && (
                  <Tooltip
                    content={t("letter.document.unknown", { name: field.name })}
                    relationship="label"
                  >
                    <span className={styles.warning} role="img" tabIndex={0}>
                      <Warning16Filled />
                    </span>
                  </Tooltip>
                )}
                <span>«{field.name}»</span>
                <Caption1 className={styles.detail}>
                  {field.count > 1 ? t("letter.document.count", { count: field.count }) : ""}
                  {field.form === "mergeField" ? ` ${t("letter.document.wordField")}` : ""}
                </Caption1>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};
