import type { SegmentInteractionLanguage } from "@shared/model/segment-interaction-language";
import { Button, Field, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { SearchCombobox } from "../../ui/search-combobox";
import { useOpenSegment } from "./open-segment";
import { useLanguageOptions } from "./use-language-options";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "5em 1fr auto auto",
    gap: tokens.spacingHorizontalXS,
    alignItems: "end",
  },
  add: {
    display: "grid",
    gridTemplateColumns: "5em 1fr auto",
    gap: tokens.spacingHorizontalXS,
    alignItems: "end",
  },
});

/**
 * The segment's subject per language (Business Central's Segment Interaction Languages). Each
 * change goes to the server with the row's ETag; the server hands it on to the lines in that
 * language, so the segment (its lines and ETag) is read again after every change.
 */
export const InteractionLanguagesEditor = () => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const languages = useLanguageOptions();
  const { segment, reload: reloadSegment } = useOpenSegment();
  const no = segment.no;
  const query = useApiQuery(
    (signal) => client("listSegmentInteractionLanguages", { params: { no }, signal }),
    [client, no],
  );
  const [subjects, setSubjects] = useState<Readonly<Record<string, string>>>({});
  const [newLanguage, setNewLanguage] = useState("");
  const [newSubject, setNewSubject] = useState("");
  const [error, setError] = useState<unknown>();
  /** Where the last write failed: a row's language code, or "" for the new row. */
  const [failedAt, setFailedAt] = useState<string>();
  const [busy, setBusy] = useState(false);
  const readOnly = segment.status !== "open";

  const run = async (at: string, write: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    setFailedAt(at);
    try {
      await write();
      setSubjects({});
      query.reload();
      reloadSegment();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = (row: SegmentInteractionLanguage) =>
    run(row.languageCode, () =>
      client("updateSegmentInteractionLanguage", {
        params: { no, languageCode: row.languageCode },
        body: { subject: subjects[row.languageCode] ?? row.subject },
        ifMatch: row.etag,
      }),
    );

  const remove = (row: SegmentInteractionLanguage) =>
    run(row.languageCode, () =>
      client("deleteSegmentInteractionLanguage", {
        params: { no, languageCode: row.languageCode },
        ifMatch: row.etag,
      }),
    );

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await run("", () =>
      client("createSegmentInteractionLanguage", {
        params: { no },
        body: { languageCode: newLanguage.trim(), subject: newSubject },
      }),
    );
    if (added) {
      setNewLanguage("");
      setNewSubject("");
    }
  };

  const messageAt = (at: string, field: string) =>
    failedAt === at ? fieldMessage(error, field) : undefined;
  const rows = query.state.data?.items;
  if (!rows) {
    return query.state.status === "error" ? (
      <ApiProblemBar error={query.state.error} onRetry={query.reload} />
    ) : (
      <Spinner size="tiny" label={t("segments.languages.loading")} />
    );
  }
  return (
    <div className={styles.root}>
      <span>{t("segments.languages.hint")}</span>
      {rows.length === 0 && <span>{t("segments.languages.none")}</span>}
      {rows.map((row) => (
        <div key={row.languageCode} className={styles.row}>
          <span>{row.languageCode}</span>
          <Field
            size="small"
            label={t("segments.languages.subjectIn", { language: row.languageCode })}
            validationState={messageAt(row.languageCode, "subject") ? "error" : "none"}
            validationMessage={messageAt(row.languageCode, "subject")}
            hint={
              row.letterFileName
                ? t("segments.languages.letter", { file: row.letterFileName })
                : undefined
            }
          >
            <Input
              size="small"
              readOnly={readOnly}
              value={subjects[row.languageCode] ?? row.subject}
              onChange={(_, d) => setSubjects((s) => ({ ...s, [row.languageCode]: d.value }))}
            />
          </Field>
          {!readOnly && (
            <>
              <Button
                size="small"
                disabled={busy || (subjects[row.languageCode] ?? row.subject) === row.subject}
                onClick={() => void save(row)}
              >
                {t("common.save")}
              </Button>
              <Button
                size="small"
                appearance="subtle"
                disabled={busy}
                aria-label={t("segments.languages.remove", { language: row.languageCode })}
                onClick={() => void remove(row)}
              >
                {t("segments.languages.removeShort")}
              </Button>
            </>
          )}
        </div>
      ))}
      {!readOnly && (
        <form className={styles.add} onSubmit={add} aria-label={t("segments.languages.add")}>
          <Field
            size="small"
            label={t("segments.languages.language")}
            validationState={messageAt("", "languageCode") ? "error" : "none"}
            validationMessage={messageAt("", "languageCode")}
          >
            <SearchCombobox
              bare
              label={t("segments.languages.language")}
              value={newLanguage}
              onChange={setNewLanguage}
              load={languages.load}
              source={languages.source}
              missingText={(code) => t("pickers.language.missing", { code })}
            />
          </Field>
          <Field
            size="small"
            label={t("segments.languages.subject")}
            validationState={messageAt("", "subject") ? "error" : "none"}
            validationMessage={messageAt("", "subject")}
          >
            <Input size="small" value={newSubject} onChange={(_, d) => setNewSubject(d.value)} />
          </Field>
          <Button size="small" type="submit" disabled={busy || newLanguage.trim() === ""}>
            {t("segments.languages.add")}
          </Button>
        </form>
      )}
      {error !== undefined && (
        <ApiProblemBar error={error} placed={["languageCode", "subject"]} onReload={query.reload} />
      )}
    </div>
  );
};
