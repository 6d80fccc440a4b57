import {
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
} from "@fluentui/react-components";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import type { LetterActionsState } from "./use-letter-actions";

/** Where the letter actions stand: working (with a logged segment's progress), done, or why not. */
export const LetterActionsStatus = ({
  state,
  onRetry,
}: {
  state: LetterActionsState;
  onRetry?: () => void;
}) => {
  const t = useT();
  const { working, progress, notice, error } = state;
  return (
    <>
      {working && !progress && (
        <Spinner
          size="tiny"
          label={t(working === "opening" ? "log.letters.opening" : "log.letters.resending")}
        />
      )}
      {working && progress && (
        <Field
          label={t("log.letters.resending")}
          validationState="none"
          validationMessage={t("log.letters.progress", progress)}
        >
          <ProgressBar
            value={progress.total ? progress.done / progress.total : 0}
            max={1}
            thickness="large"
          />
        </Field>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ApiProblemBar error={error} {...(onRetry ? { onRetry } : {})} />}
    </>
  );
};
