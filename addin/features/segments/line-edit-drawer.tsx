import type { SegmentLine } from "@shared/model/segment";
import {
  Button,
  DrawerBody,
  DrawerFooter,
  Field,
  Input,
  OverlayDrawer,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage } from "../../api/problem-fields";
import { useT } from "../../i18n/use-t";
import type { MessageKey } from "../../i18n/en-US";
import { ApiProblemBar, isConflict } from "../../ui/api-problem-bar";
import { DiscardChangesDialog } from "../../ui/discard-changes-dialog";
import { DrawerTitle } from "../../ui/drawer-title";
import { SearchCombobox } from "../../ui/search-combobox";
import { CodePicker } from "./code-picker";
import { useHeaderLookups } from "./lookups";
import { useLanguageOptions } from "./use-language-options";

type LineField =
  "description" | "subject" | "interactionTemplateCode" | "campaignNo" | "languageCode" | "note";
const FIELDS: readonly LineField[] = [
  "description",
  "subject",
  "interactionTemplateCode",
  "campaignNo",
  "languageCode",
  "note",
];
const LABEL: Record<LineField, MessageKey> = {
  description: "segments.lines.field.description",
  subject: "segments.lines.field.subject",
  interactionTemplateCode: "segments.lines.field.template",
  campaignNo: "segments.lines.field.campaign",
  languageCode: "segments.lines.field.language",
  note: "segments.lines.field.note",
};

type LineForm = Record<LineField, string>;
const toForm = (line: SegmentLine): LineForm => ({
  description: line.description ?? "",
  subject: line.subject ?? "",
  interactionTemplateCode: line.interactionTemplateCode ?? "",
  campaignNo: line.campaignNo ?? "",
  languageCode: line.languageCode ?? "",
  note: line.note ?? "",
});

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  changed: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * One line's description, subject, own interaction template, campaign, language and personal
 * note, in a side panel: the pane is too narrow to edit a note in a table cell. Choosing a
 * template sets the line's template fields on the server, as Business Central does. Saves with the line's etag; a 412 reloads the line, keeps what
 * was typed and marks what someone else changed.
 */
export const LineEditDrawer = ({
  line,
  readOnly,
  onClose,
  onSaved,
}: {
  line: SegmentLine;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (line: SegmentLine) => void;
}) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const languages = useLanguageOptions();
  const lookups = useHeaderLookups().state.data;
  const [current, setCurrent] = useState(line);
  const [form, setForm] = useState(() => toForm(line));
  const [changed, setChanged] = useState<readonly LineField[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const base = toForm(current);
  // Escape, the close button and Close ask before throwing away what was typed (a personal note).
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (!readOnly && FIELDS.some((f) => form[f] !== base[f])) setAsking(true);
    else onClose();
  };
  const body = useRef<HTMLDivElement>(null);

  // Reload removes the conflict bar and the button that had focus: focus goes to the first
  // field someone else changed (or the first field), never to the page behind the panel.
  const [reloaded, setReloaded] = useState(0);
  useEffect(() => {
    if (reloaded === 0) return;
    body.current
      ?.querySelector<HTMLElement>(`[data-line-field="${changed[0] ?? "description"}"]`)
      ?.focus();
    // Only a reload moves focus; `changed` is read as that reload left it.
  }, [reloaded]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const patch: Partial<Record<LineField, string | null>> = {};
    for (const f of FIELDS) if (form[f] !== base[f]) patch[f] = form[f] === "" ? null : form[f];
    try {
      const saved = await client("updateSegmentLine", {
        params: { no: line.segmentNo, lineNo: line.lineNo },
        body: patch,
        ifMatch: current.etag,
      });
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    try {
      const fresh = await client("getSegmentLine", {
        params: { no: line.segmentNo, lineNo: line.lineNo },
      });
      const server = toForm(fresh);
      setChanged(FIELDS.filter((f) => server[f] !== base[f]));
      setForm((typed) => {
        const next = { ...typed };
        for (const f of FIELDS) if (typed[f] === base[f]) next[f] = server[f];
        return next;
      });
      setCurrent(fresh);
      setError(undefined);
      setReloaded((n) => n + 1);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <OverlayDrawer
      open
      position="end"
      size="full"
      onOpenChange={(_, data) => !data.open && requestClose()}
      aria-labelledby="line-edit-title"
    >
      <form onSubmit={save} style={{ display: "contents" }}>
        <DrawerTitle id="line-edit-title" onClose={requestClose}>
          {t("segments.lines.edit.title", { no: line.contactNo, name: line.contactName })}
        </DrawerTitle>
        <DrawerBody className={styles.body} ref={body}>
          {FIELDS.map((f) => {
            const message = fieldMessage(error, f);
            return (
              <Field
                key={f}
                label={t(LABEL[f])}
                className={changed.includes(f) ? styles.changed : undefined}
                validationState={message ? "error" : changed.includes(f) ? "warning" : "none"}
                validationMessage={
                  message ?? (changed.includes(f) ? t("segments.changedByOthers") : undefined)
                }
              >
                {f === "interactionTemplateCode" || f === "campaignNo" ? (
                  <CodePicker
                    disabled={readOnly}
                    value={form[f]}
                    options={(f === "campaignNo" ? lookups?.campaigns : lookups?.templates) ?? []}
                    noneLabel={t("common.none")}
                    onChange={(code) => setForm((x) => ({ ...x, [f]: code }))}
                  />
                ) : f === "languageCode" ? (
                  <SearchCombobox
                    bare
                    label={t(LABEL[f])}
                    disabled={readOnly}
                    value={form.languageCode}
                    onChange={(code) => setForm((x) => ({ ...x, languageCode: code }))}
                    load={languages.load}
                    source={languages.source}
                    noneLabel={t("common.none")}
                    missingText={(code) => t("pickers.language.missing", { code })}
                  />
                ) : f === "note" ? (
                  <Textarea
                    data-line-field={f}
                    readOnly={readOnly}
                    resize="vertical"
                    rows={6}
                    value={form.note}
                    onChange={(_, d) => setForm((x) => ({ ...x, note: d.value }))}
                  />
                ) : (
                  <Input
                    data-line-field={f}
                    readOnly={readOnly}
                    value={form[f]}
                    onChange={(_, d) => setForm((x) => ({ ...x, [f]: d.value }))}
                  />
                )}
              </Field>
            );
          })}
          {error !== undefined && (
            <ApiProblemBar error={error} placed={[...FIELDS]} onReload={reload} />
          )}
        </DrawerBody>
        <DrawerFooter>
          {!readOnly && (
            <Button appearance="primary" type="submit" disabled={busy}>
              {t("common.save")}
            </Button>
          )}
          {isConflict(error) && <Button onClick={reload}>{t("error.reload")}</Button>}
          <Button onClick={requestClose}>{t("common.close")}</Button>
        </DrawerFooter>
      </form>
      {asking && <DiscardChangesDialog onKeep={() => setAsking(false)} onDiscard={onClose} />}
    </OverlayDrawer>
  );
};
