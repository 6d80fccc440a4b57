import { Button } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import { SearchCombobox } from "../../ui/search-combobox";
import {
  changeRow,
  dropRow,
  messagesFor,
  newId,
  type ProfileRow,
  type RoutedErrors,
} from "./builder-model";
import { BuilderSection, type EditPart } from "./builder-section";
import { ProfileAnswersPicker } from "./profile-answers-picker";
import { RemovableRow } from "./removable-row";
import { useProfileOptions } from "./use-profile-options";

export interface ProfileSectionProps {
  readonly rows: readonly ProfileRow[];
  readonly errors: RoutedErrors | undefined;
  readonly onChange: EditPart<readonly ProfileRow[]>;
}

/**
 * Profile answers: a questionnaire, one of its questions, and the answers a contact may have
 * given (any of them matches), each picked from the questionnaire's own lines as in Business
 * Central's Profile criteria, where several answer lines of a question are ticked at once.
 */
export const ProfileSection = memo(({ rows, errors, onChange }: ProfileSectionProps) => {
  const t = useT();
  const options = useProfileOptions();
  return (
    <BuilderSection value="profile" title={t("criteria.section.profile")}>
      {rows.map((row, i) => {
        const n = i + 1;
        const set = (change: Partial<ProfileRow>) =>
          onChange(changeRow(row.id, (r) => ({ ...r, ...change })));
        const key = `profile:${row.id}`;
        const lines = `${options.language}|${row.questionnaire}`;
        return (
          <RemovableRow
            key={row.id}
            label={t("criteria.profile.row", { n })}
            removeLabel={t("criteria.profile.remove", { n })}
            onRemove={() => onChange(dropRow(row.id))}
            pair={
              <>
                <SearchCombobox
                  label={t("criteria.profile.questionnaire")}
                  value={row.questionnaire}
                  // Another questionnaire has other questions: what was picked below goes.
                  onChange={(code) => set({ questionnaire: code, question: "", answers: [] })}
                  load={options.questionnaires}
                  source={options.language}
                  placeholder={t("pickers.search")}
                  missingText={(code) => t("pickers.profile.missingQuestionnaire", { code })}
                  error={messagesFor(errors, key, ["questionnaire"])}
                />
                <SearchCombobox
                  label={t("criteria.profile.question")}
                  value={row.question}
                  onChange={(question) => set({ question, answers: [] })}
                  load={options.questions(row.questionnaire)}
                  source={lines}
                  disabled={!row.questionnaire}
                  missingText={(code) => t("pickers.profile.missingQuestion", { code })}
                  error={messagesFor(errors, key, ["question"])}
                />
              </>
            }
          >
            <ProfileAnswersPicker
              label={t("criteria.profile.answer")}
              answers={row.answers}
              onChange={(answers) => set({ answers })}
              load={options.answers(row.questionnaire, row.question)}
              source={`${lines}|${row.question}`}
              disabled={!row.question}
              error={messagesFor(errors, key, ["value", "values", "op", ""])}
            />
          </RemovableRow>
        );
      })}
      <Button
        size="small"
        icon={<AddRegular />}
        onClick={() =>
          onChange((all) => [
            ...all,
            { id: newId("p"), questionnaire: "", question: "", answers: [] },
          ])
        }
      >
        {t("criteria.profile.add")}
      </Button>
    </BuilderSection>
  );
});
