import { Button, Field, Input } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import {
  changeRow,
  dropRow,
  messagesFor,
  newId,
  type ProfileRow,
  type RoutedErrors,
} from "./builder-model";
import { BuilderSection, type EditPart } from "./builder-section";
import { RemovableRow } from "./removable-row";

export interface ProfileSectionProps {
  readonly rows: readonly ProfileRow[];
  readonly errors: RoutedErrors | undefined;
  readonly onChange: EditPart<readonly ProfileRow[]>;
}

/** Profile answers: a questionnaire, one of its questions, and the answer a contact gave. */
export const ProfileSection = memo(({ rows, errors, onChange }: ProfileSectionProps) => {
  const t = useT();
  return (
    <BuilderSection value="profile" title={t("criteria.section.profile")}>
      {rows.map((row, i) => {
        const set = (part: "questionnaire" | "question" | "answer", value: string) =>
          onChange(changeRow(row.id, (r) => ({ ...r, [part]: value })));
        const key = `profile:${row.id}`;
        return (
          <RemovableRow
            key={row.id}
            label={t("criteria.profile.row", { n: i + 1 })}
            removeLabel={t("criteria.profile.remove", { n: i + 1 })}
            onRemove={() => onChange(dropRow(row.id))}
            pair={
              <>
                <Field
                  size="small"
                  label={t("criteria.profile.questionnaire")}
                  validationMessage={messagesFor(errors, key, ["questionnaire"])}
                >
                  <Input
                    value={row.questionnaire}
                    onChange={(_, d) => set("questionnaire", d.value)}
                  />
                </Field>
                <Field
                  size="small"
                  label={t("criteria.profile.question")}
                  validationMessage={messagesFor(errors, key, ["question"])}
                >
                  <Input value={row.question} onChange={(_, d) => set("question", d.value)} />
                </Field>
              </>
            }
          >
            <Field
              size="small"
              label={t("criteria.profile.answer")}
              validationMessage={messagesFor(errors, key, ["value", "values", "op", ""])}
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
          onChange((all) => [
            ...all,
            { id: newId("p"), questionnaire: "", question: "", answer: "" },
          ])
        }
      >
        {t("criteria.profile.add")}
      </Button>
    </BuilderSection>
  );
});
