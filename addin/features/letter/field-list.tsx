import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  SearchBox,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import type { ApiQuery } from "../../api/use-api-query";
import { useHost } from "../../host/host-context";
import type { MessageKey } from "../../i18n/en-US";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { ActionErrorBar } from "../../ui/action-error-bar";
import { mergeFieldCode } from "./merge-field-code";
import { useFieldLabel, type MergeField } from "./use-merge-fields";

const GROUPS: readonly MergeField["group"][] = [
  "contact",
  "company",
  "line",
  "template",
  "salesperson",
  "date",
];

const GROUP_LABELS: Record<MergeField["group"], MessageKey> = {
  contact: "letter.group.contact",
  company: "letter.group.company",
  line: "letter.group.line",
  template: "letter.group.template",
  salesperson: "letter.group.salesperson",
  date: "letter.group.date",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
  },
  field: { justifyContent: "flex-start", width: "100%", fontWeight: tokens.fontWeightRegular },
  name: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
  heading: { margin: 0 },
});

export interface FieldListProps {
  readonly fields: ApiQuery<MergeField[]>;
  /** Called after a field went into the document. */
  readonly onInserted: () => void;
}

/**
 * The fields a letter can use, grouped and searchable. In Word a click (or Enter) inserts the
 * field at the cursor; elsewhere it copies the field's code for pasting into Word (Ctrl+F9).
 */
export const FieldList = ({ fields, onInserted }: FieldListProps) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const label = useFieldLabel();
  const headingId = useId();
  const hintId = useId();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const inserts = host.capabilities.insertField;

  const groups = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const matches = (fields.state.data ?? []).filter(
      (field) =>
        !needle ||
        label(field).toLowerCase().includes(needle) ||
        field.name.toLowerCase().includes(needle),
    );
    return GROUPS.map((group) => ({
      group,
      items: matches.filter((field) => field.group === group),
    })).filter((entry) => entry.items.length > 0);
  }, [fields.state.data, search, label]);

  const use = async (field: MergeField) => {
    setError(undefined);
    setBusy(true);
    try {
      if (inserts) {
        await host.insertField(field.name);
        setStatus(t("letter.fields.inserted", { name: field.name }));
        onInserted();
      } else {
        const code = mergeFieldCode(field.name);
        await navigator.clipboard.writeText(code);
        setStatus(t("letter.fields.copied", { code }));
      }
    } catch (caught) {
      setStatus("");
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Body1Strong as="h3" id={headingId} className={styles.heading}>
        {t("letter.fields.heading")}
      </Body1Strong>
      <Caption1 id={hintId}>
        {t(inserts ? "letter.fields.hintInsert" : "letter.fields.hintCopy")}
      </Caption1>
      {fields.state.status === "error" && (
        <ApiProblemBar error={fields.state.error} onRetry={fields.reload} />
      )}
      {fields.state.status === "loading" && !fields.state.data && (
        <Spinner size="tiny" label={t("letter.fields.loading")} />
      )}
      {fields.state.data && (
        <>
          <Field label={t("letter.fields.search")}>
            <SearchBox size="small" value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          {groups.length === 0 && (
            <Caption1>
              {search ? t("letter.fields.noMatch", { search }) : t("letter.fields.none")}
            </Caption1>
          )}
          <div className={styles.groups}>
            {groups.map(({ group, items }) => (
              <div key={group} role="group" aria-labelledby={`${headingId}-${group}`}>
                <Caption1 as="h4" id={`${headingId}-${group}`} className={styles.heading}>
                  {t(GROUP_LABELS[group])}
                </Caption1>
                <ul className={styles.list}>
                  {items.map((field) => (
                    <li key={field.name}>
                      <Button
                        appearance="subtle"
                        size="small"
                        className={styles.field}
                        disabled={busy}
                        // Copying: the name is what the button shows (label and «name»); what a
                        // click does is the hint it points to.
                        {...(inserts
                          ? {
                              "aria-label": t("letter.fields.insert", {
                                label: label(field),
                                name: field.name,
                              }),
                            }
                          : { "aria-describedby": hintId })}
                        onClick={() => void use(field)}
                      >
                        {label(field)}
                        {label(field) !== field.name && (
                          <span className={styles.name} aria-hidden={inserts || undefined}>
                            «{field.name}»
                          </span>
                        )}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
      {error !== undefined && <ActionErrorBar error={error} />}
      <div role="status" aria-live="polite">
        {status && <Caption1>{status}</Caption1>}
      </div>
    </section>
  );
};
