import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Option,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useApi } from "../../api/api-context";
import { useHost } from "../../host/host-context";
import { fieldMessage } from "../../api/problem-fields";
import { useT } from "../../i18n/use-t";
import type { MessageKey } from "../../i18n/en-US";
import { ApiProblemBar, isConflict } from "../../ui/api-problem-bar";
import { dateEntryText } from "../../ui/date-entry-text";
import { LocaleDateInput } from "../../ui/locale-date-input";
import { localToday, type DateEntry } from "../../ui/locale-date";
import { LocaleNumberInput } from "../../ui/locale-number-input";
import type { NumberEntry } from "../../ui/locale-number";
import { numberEntryText } from "../../ui/number-entry-text";
import { SearchCombobox } from "../../ui/search-combobox";
import { useUnsavedChanges } from "../../ui/unsaved-changes";
import { useApplyTemplateRun } from "./use-apply-template-run";
import { ApplyTemplateProgress } from "./apply-template-progress";
import { CodePicker } from "./code-picker";
import {
  dirtyFields,
  headerFields,
  mergeServerChange,
  toForm,
  toPatch,
  unreadableDate,
  unreadableNumbers,
  type HeaderField,
  type HeaderForm,
  type NumberField,
} from "./header-form-model";
import { useHeaderLookups } from "./lookups";
import { useOpenSegment } from "./open-segment";
import { useLanguageOptions } from "./use-language-options";

const useStyles = makeStyles({
  // A Teams tab is 1,280 px wide: a form of 1,200 px wide inputs is hard to read.
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxWidth: "40rem",
  },
  // minmax(0, 1fr): a date or number input's intrinsic width may not widen the pane (WCAG 1.4.10).
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    // A message under one box must not stretch the box beside it.
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
    "& .fui-Input": { minWidth: 0 },
    "& .fui-Input__input": { minWidth: 0, width: "100%" },
  },
  changed: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

const LABEL: Record<HeaderField, MessageKey> = {
  description: "segments.field.description",
  date: "segments.field.date",
  salespersonCode: "segments.field.salesperson",
  campaignNo: "segments.field.campaign",
  interactionTemplateCode: "segments.field.template",
  subject: "segments.field.subject",
  languageCode: "segments.field.language",
  correspondenceType: "segments.field.correspondenceType",
  unitCost: "segments.field.unitCost",
  unitDuration: "segments.field.unitDuration",
  dynamic: "segments.field.dynamic",
};

/**
 * The segment header, edited as a whole and saved as a merge patch with the etag it was read
 * with. When someone else saved in between (412), Reload fetches their version, keeps what this
 * user typed, and highlights every field that changed on the server.
 */
export const SegmentHeaderForm = () => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const { segment, replace } = useOpenSegment();
  const lookups = useHeaderLookups();
  const languages = useLanguageOptions();
  const { displayLanguage: locale } = useHost();
  const [base, setBase] = useState<HeaderForm>(() => toForm(segment, locale));
  const [form, setForm] = useState<HeaderForm>(base);
  const [changed, setChanged] = useState<readonly HeaderField[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  // Number boxes refused before saving ("12.5" on a Danish pane), each until it is edited.
  const [unreadable, setUnreadable] = useState<Partial<Record<NumberField, NumberEntry>>>({});
  // The date box's text refused the same way ("12/07/2026" on a Danish pane), until edited.
  const [undated, setUndated] = useState<DateEntry | undefined>();
  const [pendingTemplate, setPendingTemplate] = useState<string | undefined>();
  const applying = useApplyTemplateRun();
  // A save, or a template going on to the lines: either holds the form's other writes.
  const working = busy || applying.running;
  const shownError = error ?? applying.error;
  const etag = useRef(segment.etag);

  // The header changed elsewhere in the pane (a criteria action, Log): take it in like a reload.
  useEffect(() => {
    if (segment.etag === etag.current) return;
    etag.current = segment.etag;
    const server = toForm(segment, locale);
    setForm((current) => mergeServerChange(base, current, server).form);
    setBase(server);
  }, [segment]);

  const set = <K extends HeaderField>(field: K, value: HeaderForm[K]) => {
    setSaved(false);
    setUnreadable(({ [field as NumberField]: _edited, ...others }) => others);
    if (field === "date") setUndated(undefined);
    setForm((current) => ({ ...current, [field]: value }));
  };
  const logged = segment.status !== "open";
  const dirty = dirtyFields(base, form);
  useUnsavedChanges(!logged && dirty.length > 0);

  const reload = async () => {
    setError(undefined);
    try {
      const fresh = await client("getSegment", { params: { no: segment.no } });
      const server = toForm(fresh, locale);
      const merged = mergeServerChange(base, form, server);
      etag.current = fresh.etag;
      setBase(server);
      setForm(merged.form);
      setChanged(merged.changed);
      replace(fresh);
    } catch (caught) {
      setError(caught);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const today = localToday();
    const refused = unreadableNumbers(base, form, locale);
    const refusedDate = unreadableDate(base, form, locale, today);
    setUnreadable(refused);
    setUndated(refusedDate);
    if (Object.keys(refused).length > 0 || refusedDate) return;
    setBusy(true);
    try {
      const updated = await client("updateSegment", {
        params: { no: segment.no },
        body: toPatch(base, form, locale, today),
        ifMatch: segment.etag,
      });
      const server = toForm(updated, locale);
      etag.current = updated.etag;
      setBase(server);
      setForm(server);
      setChanged([]);
      setSaved(true);
      replace(updated);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  /**
   * The template goes on to the header and, when asked, the lines, as the server's job: the
   * pane shows its progress, and Cancel stops it between pages (the header keeps the template).
   */
  const applyTemplate = (code: string, updateLines: boolean) => {
    setPendingTemplate(undefined);
    setError(undefined);
    applying.start(code, updateLines, etag.current);
  };

  const chooseTemplate = (code: string) => {
    if (code === base.interactionTemplateCode) return;
    if (code === "") {
      // Clearing the template copies nothing, so there is nothing to ask about the lines.
      set("interactionTemplateCode", "");
      return;
    }
    setPendingTemplate(code);
  };

  const localProblem = (name: HeaderField): string | undefined => {
    if (name === "date" && undated)
      return dateEntryText(t, locale, t(LABEL.date), form.date, undated);
    const entry = unreadable[name as NumberField];
    const typed = form[name];
    return entry && typeof typed === "string"
      ? numberEntryText(t, locale, t(LABEL[name]), typed, entry)
      : undefined;
  };
  const field = (name: HeaderField, control: ReactNode, hint?: string) => {
    const problem = localProblem(name) ?? fieldMessage(shownError, name);
    return (
      <Field
        size="small"
        data-fix={name}
        label={t(LABEL[name])}
        className={changed.includes(name) ? styles.changed : undefined}
        validationMessage={
          problem ?? (changed.includes(name) ? t("segments.changedByOthers") : undefined)
        }
        validationState={problem ? "error" : changed.includes(name) ? "warning" : "none"}
        hint={hint}
      >
        {control}
      </Field>
    );
  };
  const none = t("common.none");
  const options = lookups.state.data;

  return (
    <form className={styles.form} onSubmit={save} aria-label={t("segments.header.title")}>
      {field(
        "description",
        <Input
          disabled={logged}
          value={form.description}
          onChange={(_, d) => set("description", d.value)}
        />,
      )}
      <div className={styles.pair}>
        {field(
          "date",
          <LocaleDateInput
            disabled={logged}
            label={t(LABEL.date)}
            value={form.date}
            onChange={(text) => set("date", text)}
          />,
        )}
        {field(
          "languageCode",
          <SearchCombobox
            bare
            label={t(LABEL.languageCode)}
            disabled={logged}
            value={form.languageCode}
            onChange={(code) => set("languageCode", code)}
            load={languages.load}
            source={languages.source}
            noneLabel={none}
            missingText={(code) => t("pickers.language.missing", { code })}
          />,
        )}
      </div>
      {field(
        "salespersonCode",
        <CodePicker
          disabled={logged}
          value={form.salespersonCode}
          options={options?.salespeople ?? []}
          noneLabel={none}
          onChange={(code) => set("salespersonCode", code)}
        />,
      )}
      {field(
        "campaignNo",
        <CodePicker
          disabled={logged}
          value={form.campaignNo}
          options={options?.campaigns ?? []}
          noneLabel={none}
          onChange={(code) => set("campaignNo", code)}
        />,
      )}
      {field(
        "interactionTemplateCode",
        <CodePicker
          disabled={logged || working}
          value={form.interactionTemplateCode}
          options={options?.templates ?? []}
          noneLabel={none}
          onChange={chooseTemplate}
        />,
        t("segments.header.templateHint"),
      )}
      {field(
        "subject",
        <Input
          disabled={logged}
          value={form.subject}
          onChange={(_, d) => set("subject", d.value)}
        />,
      )}
      {field(
        "correspondenceType",
        <Dropdown
          size="small"
          disabled={logged}
          value={
            form.correspondenceType === "email"
              ? t("segments.correspondence.email")
              : form.correspondenceType === "hardCopy"
                ? t("segments.correspondence.hardCopy")
                : none
          }
          selectedOptions={[form.correspondenceType]}
          onOptionSelect={(_, d) => set("correspondenceType", d.optionValue ?? "")}
        >
          <Option value="">{none}</Option>
          <Option value="hardCopy">{t("segments.correspondence.hardCopy")}</Option>
          <Option value="email">{t("segments.correspondence.email")}</Option>
        </Dropdown>,
      )}
      <div className={styles.pair}>
        {field(
          "unitCost",
          <LocaleNumberInput
            disabled={logged}
            value={form.unitCost}
            onChange={(text) => set("unitCost", text)}
          />,
        )}
        {field(
          "unitDuration",
          <LocaleNumberInput
            disabled={logged}
            value={form.unitDuration}
            onChange={(text) => set("unitDuration", text)}
          />,
        )}
      </div>
      <Switch
        disabled={logged}
        label={t(LABEL.dynamic)}
        checked={form.dynamic}
        onChange={(_, d) => set("dynamic", d.checked)}
        className={changed.includes("dynamic") ? styles.changed : undefined}
      />
      {shownError !== undefined && (
        <ApiProblemBar error={shownError} placed={[...headerFields]} onReload={reload} />
      )}
      {saved && !error && <span role="status">{t("segments.header.saved")}</span>}
      <ApplyTemplateProgress
        code={applying.code}
        job={applying.job}
        running={applying.running}
        canceling={applying.canceling}
        onCancel={applying.cancel}
        onApplyAgain={(code) => applyTemplate(code, true)}
      />
      {!logged && (
        <div className={styles.actions}>
          <Button
            size="small"
            appearance="primary"
            type="submit"
            disabled={working || dirty.length === 0}
          >
            {t("common.save")}
          </Button>
          {isConflict(shownError) && (
            <Button size="small" onClick={reload}>
              {t("error.reload")}
            </Button>
          )}
        </div>
      )}
      {pendingTemplate !== undefined && (
        <Dialog open onOpenChange={(_, d) => !d.open && setPendingTemplate(undefined)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t("segments.header.applyTemplate.title")}</DialogTitle>
              <DialogContent>
                {t("segments.header.applyTemplate.body", { code: pendingTemplate })}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => applyTemplate(pendingTemplate, true)}>
                  {t("segments.header.applyTemplate.yes")}
                </Button>
                <Button onClick={() => applyTemplate(pendingTemplate, false)}>
                  {t("segments.header.applyTemplate.no")}
                </Button>
                <Button appearance="subtle" onClick={() => setPendingTemplate(undefined)}>
                  {t("common.cancel")}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </form>
  );
};
