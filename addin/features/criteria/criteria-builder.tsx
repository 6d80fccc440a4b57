import type { ActionOutcome } from "@shared/model/segment-criteria";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage, problemErrors } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import type { MessageKey } from "../../i18n/en-US";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import {
  buildRequest,
  emptyBuilder,
  emptyFieldRow,
  interactionParts,
  listNames,
  messagesFor,
  newId,
  routeErrors,
  type BuilderKind,
  type BuilderState,
  type ListName,
  type Owner,
} from "./builder-model";
import { FieldConditionRow } from "./field-condition-row";
import { RemovableRow } from "./removable-row";
import { TreeEditor } from "./tree-editor";
import { useLiveCount } from "./use-live-count";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  count: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export const KIND_TITLE: Record<BuilderKind, MessageKey> = {
  addContacts: "criteria.add",
  reduceContacts: "criteria.reduce",
  refineContacts: "criteria.refine",
};

const LIST_LABEL: Record<ListName, MessageKey> = {
  mailingGroups: "criteria.section.mailingGroups",
  jobResponsibilities: "criteria.section.jobResponsibilities",
  industryGroups: "criteria.section.industryGroups",
  businessRelations: "criteria.section.businessRelations",
};

const INTERACTION_LABEL: Record<(typeof interactionParts)[number], MessageKey> = {
  from: "criteria.interactions.from",
  to: "criteria.interactions.to",
  interactionTemplateCode: "criteria.interactions.template",
  campaignNo: "criteria.interactions.campaign",
  segmentNo: "criteria.interactions.segment",
  evaluation: "criteria.interactions.evaluation",
  salespersonCode: "criteria.interactions.salesperson",
};

const EVALUATIONS = ["veryPositive", "positive", "neutral", "negative", "veryNegative"] as const;
const ADD_OPTIONS = [
  "allowExistingContacts",
  "expandCompanies",
  "allowRelatedCompanies",
  "ignoreExclusion",
] as const;
const OPTION_LABEL: Record<(typeof ADD_OPTIONS)[number] | "entireCompanies", MessageKey> = {
  allowExistingContacts: "criteria.option.allowExistingContacts",
  expandCompanies: "criteria.option.expandCompanies",
  allowRelatedCompanies: "criteria.option.allowRelatedCompanies",
  ignoreExclusion: "criteria.option.ignoreExclusion",
  entireCompanies: "criteria.option.entireCompanies",
};

export interface CriteriaBuilderProps {
  readonly kind: BuilderKind;
  readonly segmentNo: string;
  readonly onApplied: (outcome: ActionOutcome) => void;
  readonly onCancel: () => void;
}

/**
 * Add, Reduce or Refine Contacts, with the sections and options of Business Central's dialog,
 * the advanced tree, and the live count: a dry run of exactly what Apply would send.
 */
export const CriteriaBuilder = ({ kind, segmentNo, onApplied, onCancel }: CriteriaBuilderProps) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const catalog = useApiQuery((signal) => client("listCriteriaFields", { signal }), [client]);
  const fields = useMemo(() => catalog.state.data?.items ?? [], [catalog.state.data]);
  const lookup = useMemo(() => {
    const byName = new Map(fields.map((f) => [f.name, f]));
    return (name: string) => byName.get(name);
  }, [fields]);

  const [state, setState] = useState<BuilderState>(emptyBuilder);
  const [applyError, setApplyError] = useState<{ error: unknown; owners: readonly Owner[] }>();
  const [busy, setBusy] = useState(false);
  const update = (change: (s: BuilderState) => BuilderState) => {
    setApplyError(undefined);
    setState(change);
  };

  const countRequest = useMemo(
    () => buildRequest(state, kind, lookup, { complete: true }),
    [state, kind, lookup],
  );
  const count = useLiveCount(segmentNo, kind, countRequest, catalog.state.status === "ok");

  const shownError = applyError?.error ?? (count.status === "error" ? count.error : undefined);
  const routed = useMemo(
    () =>
      shownError === undefined
        ? undefined
        : routeErrors(problemErrors(shownError), applyError?.owners ?? countRequest.owners),
    [shownError, applyError, countRequest.owners],
  );
  const sectionError = (key: string, parts?: readonly string[]) => messagesFor(routed, key, parts);

  const apply = async () => {
    const request = buildRequest(state, kind, lookup, { complete: false });
    setBusy(true);
    setApplyError(undefined);
    try {
      const outcome = await client(kind, {
        params: { no: segmentNo },
        body: {
          filter: request.filter,
          options: request.options,
          ...(request.description ? { description: request.description } : {}),
        },
      });
      onApplied(outcome);
    } catch (error) {
      setApplyError({ error, owners: request.owners });
    } finally {
      setBusy(false);
    }
  };

  const countText = (() => {
    const outcome =
      count.status === "ok" ? count.outcome : count.status === "counting" ? count.last : undefined;
    if (!outcome) return count.status === "counting" ? t("criteria.count.counting") : "";
    if (kind === "addContacts") return t("criteria.count.add", { count: outcome.linesAdded });
    if (kind === "reduceContacts")
      return t("criteria.count.reduce", { count: outcome.linesRemoved });
    return t("criteria.count.refine", { count: outcome.linesRemoved, kept: outcome.noOfLines });
  })();

  return (
    <section className={styles.root} aria-labelledby="builder-heading">
      <Subtitle2 as="h3" id="builder-heading">
        {t(KIND_TITLE[kind])}
      </Subtitle2>
      {catalog.state.status === "error" && (
        <ApiProblemBar error={catalog.state.error} onRetry={catalog.reload} />
      )}
      {catalog.state.status === "loading" && (
        <Spinner size="tiny" label={t("criteria.loadingFields")} />
      )}
      <Accordion multiple collapsible defaultOpenItems={["fields"]}>
        <AccordionItem value="fields">
          <AccordionHeader size="small">{t("criteria.section.fields")}</AccordionHeader>
          <AccordionPanel className={styles.stack}>
            {state.fields.map((row, i) => (
              <FieldConditionRow
                key={row.id}
                row={row}
                index={i + 1}
                fields={fields}
                ownerKey={`field:${row.id}`}
                errors={routed}
                onChange={(next) =>
                  update((s) => ({
                    ...s,
                    fields: s.fields.map((r) => (r.id === row.id ? next : r)),
                  }))
                }
                onRemove={() =>
                  update((s) => ({ ...s, fields: s.fields.filter((r) => r.id !== row.id) }))
                }
              />
            ))}
            <Button
              size="small"
              icon={<AddRegular />}
              onClick={() => update((s) => ({ ...s, fields: [...s.fields, emptyFieldRow()] }))}
            >
              {t("criteria.addField")}
            </Button>
            <Caption1>{t("criteria.filterHint")}</Caption1>
          </AccordionPanel>
        </AccordionItem>

        <AccordionItem value="profile">
          <AccordionHeader size="small">{t("criteria.section.profile")}</AccordionHeader>
          <AccordionPanel className={styles.stack}>
            {state.profile.map((row, i) => {
              const set = (part: "questionnaire" | "question" | "answer", value: string) =>
                update((s) => ({
                  ...s,
                  profile: s.profile.map((r) => (r.id === row.id ? { ...r, [part]: value } : r)),
                }));
              const key = `profile:${row.id}`;
              return (
                <RemovableRow
                  key={row.id}
                  label={t("criteria.profile.row", { n: i + 1 })}
                  removeLabel={t("criteria.profile.remove", { n: i + 1 })}
                  onRemove={() =>
                    update((s) => ({ ...s, profile: s.profile.filter((r) => r.id !== row.id) }))
                  }
                  pair={
                    <>
                      <Field
                        size="small"
                        label={t("criteria.profile.questionnaire")}
                        validationMessage={sectionError(key, ["questionnaire"])}
                      >
                        <Input
                          value={row.questionnaire}
                          onChange={(_, d) => set("questionnaire", d.value)}
                        />
                      </Field>
                      <Field
                        size="small"
                        label={t("criteria.profile.question")}
                        validationMessage={sectionError(key, ["question"])}
                      >
                        <Input value={row.question} onChange={(_, d) => set("question", d.value)} />
                      </Field>
                    </>
                  }
                >
                  <Field
                    size="small"
                    label={t("criteria.profile.answer")}
                    validationMessage={sectionError(key, ["value", "values", "op", ""])}
                  >
                    <Input value={row.answer} onChange={(_, d) => set("answer", d.value)} />
                  </Field>
                </RemovableRow>
              );
            })}
            <Button
              size="small"
              icon={<AddRegular />}
              onClick={() =>
                update((s) => ({
                  ...s,
                  profile: [
                    ...s.profile,
                    { id: newId("p"), questionnaire: "", question: "", answer: "" },
                  ],
                }))
              }
            >
              {t("criteria.profile.add")}
            </Button>
          </AccordionPanel>
        </AccordionItem>

        {listNames.map((list) => {
          const key = `list:${list}`;
          const section = state.lists[list];
          const set = (change: Partial<typeof section>) =>
            update((s) => ({
              ...s,
              lists: { ...s.lists, [list]: { ...s.lists[list], ...change } },
            }));
          return (
            <AccordionItem key={list} value={list}>
              <AccordionHeader size="small">{t(LIST_LABEL[list])}</AccordionHeader>
              <AccordionPanel className={styles.stack}>
                <Field
                  size="small"
                  label={t("criteria.list.codes")}
                  hint={t("criteria.list.codesHint")}
                  validationMessage={sectionError(key, ["codes", ""])}
                >
                  <Input value={section.codes} onChange={(_, d) => set({ codes: d.value })} />
                </Field>
                <Field
                  size="small"
                  label={t("criteria.list.match")}
                  validationMessage={sectionError(key, ["match"])}
                >
                  <Dropdown
                    size="small"
                    value={t(`criteria.list.match.${section.match}`)}
                    selectedOptions={[section.match]}
                    onOptionSelect={(_, d) =>
                      set({ match: (d.optionValue as typeof section.match | undefined) ?? "any" })
                    }
                  >
                    <Option value="any">{t("criteria.list.match.any")}</Option>
                    <Option value="all">{t("criteria.list.match.all")}</Option>
                    <Option value="none">{t("criteria.list.match.none")}</Option>
                  </Dropdown>
                </Field>
              </AccordionPanel>
            </AccordionItem>
          );
        })}

        <AccordionItem value="interactions">
          <AccordionHeader size="small">{t("criteria.section.interactions")}</AccordionHeader>
          <AccordionPanel className={styles.stack}>
            <RadioGroup
              layout="horizontal"
              aria-label={t("criteria.section.interactions")}
              value={state.interactions.has ? "has" : "hasNot"}
              onChange={(_, d) =>
                update((s) => ({
                  ...s,
                  interactions: { ...s.interactions, has: d.value === "has" },
                }))
              }
            >
              <Radio value="has" label={t("criteria.interactions.has")} />
              <Radio value="hasNot" label={t("criteria.interactions.hasNot")} />
            </RadioGroup>
            <div className={styles.pair}>
              {interactionParts.map((part) => (
                <Field
                  key={part}
                  size="small"
                  label={t(INTERACTION_LABEL[part])}
                  validationMessage={sectionError("interactions", [part])}
                >
                  {part === "evaluation" ? (
                    <Dropdown
                      size="small"
                      value={
                        state.interactions.evaluation
                          ? t(
                              `common.evaluation.${state.interactions.evaluation as (typeof EVALUATIONS)[number]}`,
                            )
                          : t("common.any")
                      }
                      selectedOptions={[state.interactions.evaluation]}
                      onOptionSelect={(_, d) =>
                        update((s) => ({
                          ...s,
                          interactions: { ...s.interactions, evaluation: d.optionValue ?? "" },
                        }))
                      }
                    >
                      <Option value="">{t("common.any")}</Option>
                      {EVALUATIONS.map((e) => (
                        <Option key={e} value={e}>
                          {t(`common.evaluation.${e}`)}
                        </Option>
                      ))}
                    </Dropdown>
                  ) : (
                    <Input
                      value={state.interactions[part]}
                      placeholder={part === "from" ? "-30D" : part === "to" ? "today" : ""}
                      onChange={(_, d) =>
                        update((s) => ({
                          ...s,
                          interactions: { ...s.interactions, [part]: d.value },
                        }))
                      }
                    />
                  )}
                </Field>
              ))}
            </div>
            {sectionError("interactions", [""]) && (
              <Caption1 className={styles.error}>{sectionError("interactions", [""])}</Caption1>
            )}
          </AccordionPanel>
        </AccordionItem>

        <AccordionItem value="membership">
          <AccordionHeader size="small">{t("criteria.section.membership")}</AccordionHeader>
          <AccordionPanel className={styles.stack}>
            {state.membership.map((row, i) => {
              const set = (change: Partial<typeof row>) =>
                update((s) => ({
                  ...s,
                  membership: s.membership.map((r) => (r.id === row.id ? { ...r, ...change } : r)),
                }));
              const n = i + 1;
              return (
                <RemovableRow
                  key={row.id}
                  label={t("criteria.membership.row", { n })}
                  removeLabel={t("criteria.membership.remove", { n })}
                  onRemove={() =>
                    update((s) => ({
                      ...s,
                      membership: s.membership.filter((r) => r.id !== row.id),
                    }))
                  }
                  pair={
                    <>
                      <Dropdown
                        size="small"
                        aria-label={t("criteria.membership.inLabel", { n })}
                        value={
                          row.in ? t("criteria.membership.in") : t("criteria.membership.notIn")
                        }
                        selectedOptions={[row.in ? "in" : "notIn"]}
                        onOptionSelect={(_, d) => set({ in: d.optionValue !== "notIn" })}
                      >
                        <Option value="in">{t("criteria.membership.in")}</Option>
                        <Option value="notIn">{t("criteria.membership.notIn")}</Option>
                      </Dropdown>
                      <Dropdown
                        size="small"
                        aria-label={t("criteria.membership.targetLabel", { n })}
                        value={
                          row.target === "segment"
                            ? t("criteria.membership.segment")
                            : t("criteria.membership.logged")
                        }
                        selectedOptions={[row.target]}
                        onOptionSelect={(_, d) =>
                          set({ target: d.optionValue === "logged" ? "logged" : "segment" })
                        }
                      >
                        <Option value="segment">{t("criteria.membership.segment")}</Option>
                        <Option value="logged">{t("criteria.membership.logged")}</Option>
                      </Dropdown>
                    </>
                  }
                >
                  <Field validationMessage={sectionError(`membership:${row.id}`)}>
                    <Input
                      size="small"
                      aria-label={t("criteria.membership.value", { n })}
                      value={row.value}
                      onChange={(_, d) => set({ value: d.value })}
                    />
                  </Field>
                </RemovableRow>
              );
            })}
            <Button
              size="small"
              icon={<AddRegular />}
              onClick={() =>
                update((s) => ({
                  ...s,
                  membership: [
                    ...s.membership,
                    { id: newId("m"), in: true, target: "segment", value: "" },
                  ],
                }))
              }
            >
              {t("criteria.membership.add")}
            </Button>
          </AccordionPanel>
        </AccordionItem>

        <AccordionItem value="advanced">
          <AccordionHeader size="small">{t("criteria.section.advanced")}</AccordionHeader>
          <AccordionPanel>
            <TreeEditor
              group={state.advanced}
              fields={fields}
              errors={routed}
              onChange={(advanced) => update((s) => ({ ...s, advanced }))}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <fieldset className={styles.stack} style={{ border: 0, margin: 0, padding: 0 }}>
        <legend>
          <Text weight="semibold">{t("criteria.options")}</Text>
        </legend>
        {(kind === "addContacts" ? ADD_OPTIONS : (["entireCompanies"] as const)).map((option) => (
          <Field key={option} validationMessage={fieldMessage(shownError, `options.${option}`)}>
            <Checkbox
              label={t(OPTION_LABEL[option])}
              checked={state.options[option]}
              onChange={(_, d) =>
                update((s) => ({ ...s, options: { ...s.options, [option]: d.checked === true } }))
              }
            />
          </Field>
        ))}
      </fieldset>
      <Field
        size="small"
        label={t("criteria.description")}
        validationMessage={fieldMessage(shownError, "description")}
      >
        <Input
          value={state.description}
          onChange={(_, d) => update((s) => ({ ...s, description: d.value }))}
        />
      </Field>

      <div className={styles.count} role="status" aria-live="polite" aria-atomic="true">
        {countRequest.everyone && <Caption1 block>{t("criteria.everyone")}</Caption1>}
        <Text weight="semibold" data-testid="live-count">
          {countText}
        </Text>
      </div>
      {shownError !== undefined && (
        <ApiProblemBar
          error={shownError}
          placed={[
            ...(applyError?.owners ?? countRequest.owners).map((o) => o.path),
            "options",
            "description",
          ]}
        />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || catalog.state.status !== "ok"}
          onClick={apply}
        >
          {busy ? t("criteria.applying") : t("criteria.apply")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    </section>
  );
};
