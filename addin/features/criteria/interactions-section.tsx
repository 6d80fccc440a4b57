import {
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { memo } from "react";
import type { MessageKey } from "../../i18n/en-US";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { localToday } from "../../ui/locale-date";
import {
  interactionParts,
  messagesFor,
  type InteractionSection,
  type RoutedErrors,
} from "./builder-model";
import { BuilderSection, type EditPart } from "./builder-section";
import { criteriaDateProblem } from "./criteria-date";
import { CriteriaDateBox } from "./criteria-date-box";
import { SetupCodeCombobox, type SetupTable } from "./setup-code-combobox";

const useStyles = makeStyles({
  // minmax(0, 1fr): a column may shrink below its controls' own width in a 320 px pane.
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  fit: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  input: { minWidth: 0, width: "100%" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const INTERACTION_LABEL: Record<(typeof interactionParts)[number], MessageKey> = {
  from: "criteria.interactions.from",
  to: "criteria.interactions.to",
  interactionTemplateCode: "criteria.interactions.template",
  campaignNo: "criteria.interactions.campaign",
  segmentNo: "criteria.interactions.segment",
  evaluation: "criteria.interactions.evaluation",
  salespersonCode: "criteria.interactions.salesperson",
};

/** The parts that name a code of a setup table: picked from it, not typed. */
const PICKED: Partial<Record<(typeof interactionParts)[number], SetupTable>> = {
  interactionTemplateCode: "templates",
  campaignNo: "campaigns",
  salespersonCode: "salespeople",
};

const EVALUATIONS = ["veryPositive", "positive", "neutral", "negative", "veryNegative"] as const;

export interface InteractionsSectionProps {
  readonly section: InteractionSection;
  readonly errors: RoutedErrors | undefined;
  readonly onChange: EditPart<InteractionSection>;
}

/** Contacts with (or without) logged interactions in a period, of a template, campaign, ... */
export const InteractionsSection = memo(
  ({ section, errors, onChange }: InteractionsSectionProps) => {
    const t = useT();
    const styles = useStyles();
    const { displayLanguage: locale } = useHost();
    const set = (change: Partial<InteractionSection>) =>
      onChange((current) => ({ ...current, ...change }));
    const nodeError = messagesFor(errors, "interactions", [""]);
    return (
      <BuilderSection value="interactions" title={t("criteria.section.interactions")}>
        <RadioGroup
          layout="horizontal"
          aria-label={t("criteria.section.interactions")}
          value={section.has ? "has" : "hasNot"}
          onChange={(_, d) => set({ has: d.value === "has" })}
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
              validationMessage={
                (part === "from" || part === "to"
                  ? criteriaDateProblem(
                      t,
                      locale,
                      t(INTERACTION_LABEL[part]),
                      section[part],
                      localToday(),
                    )
                  : undefined) ?? messagesFor(errors, "interactions", [part])
              }
            >
              {part === "evaluation" ? (
                <Dropdown
                  size="small"
                  className={styles.fit}
                  value={
                    section.evaluation
                      ? t(`common.evaluation.${section.evaluation as (typeof EVALUATIONS)[number]}`)
                      : t("common.any")
                  }
                  selectedOptions={[section.evaluation]}
                  onOptionSelect={(_, d) => set({ evaluation: d.optionValue ?? "" })}
                >
                  <Option value="">{t("common.any")}</Option>
                  {EVALUATIONS.map((e) => (
                    <Option key={e} value={e}>
                      {t(`common.evaluation.${e}`)}
                    </Option>
                  ))}
                </Dropdown>
              ) : PICKED[part] ? (
                <SetupCodeCombobox
                  table={PICKED[part]}
                  value={section[part]}
                  onChange={(code) => set({ [part]: code })}
                />
              ) : part === "from" || part === "to" ? (
                <CriteriaDateBox
                  className={styles.fit}
                  inputClassName={styles.input}
                  label={t(INTERACTION_LABEL[part])}
                  value={section[part]}
                  placeholder={part === "from" ? "-30D" : "today"}
                  onChange={(value) => set({ [part]: value })}
                />
              ) : (
                <Input
                  className={styles.fit}
                  input={{ className: styles.input }}
                  value={section[part]}
                  onChange={(_, d) => set({ [part]: d.value })}
                />
              )}
            </Field>
          ))}
        </div>
        {nodeError && <Caption1 className={styles.error}>{nodeError}</Caption1>}
      </BuilderSection>
    );
  },
);
