import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiContractError, ApiError, ApiUnreachableError } from "../../api/errors";
import { HostCapabilityError, NoTemplateError } from "../../host/host";
import type { MessageKey } from "../../i18n/en-US";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar, type ApiProblemBarProps } from "../../ui/api-problem-bar";

const TEMPLATE_ERRORS: Partial<Record<string, MessageKey>> = {
  not_a_zip: "letter.error.template.notDocx",
  legacy_or_encrypted: "letter.error.template.legacy",
  corrupt_zip: "letter.error.template.corrupt",
  corrupt_xml: "letter.error.template.corrupt",
  not_word: "letter.error.template.notDocx",
  too_large: "letter.error.template.tooLarge",
  too_many_parts: "letter.error.template.tooLarge",
  compression_ratio: "letter.error.template.tooLarge",
  too_many_elements: "letter.error.template.tooLarge",
  too_many_paragraphs: "letter.error.template.tooLarge",
  too_many_fields: "letter.error.template.tooLarge",
  text_too_long: "letter.error.template.tooLarge",
  too_deep: "letter.error.template.corrupt",
  fields_too_deep: "letter.error.template.corrupt",
  unsafe_part_name: "letter.error.template.corrupt",
  dtd_refused: "letter.error.template.corrupt",
};

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;

/**
 * Why an action failed, whatever failed: the API (its problem, Retry, Reload on a conflict),
 * the letter (a file that is not a Word document), or Word itself (its message).
 */
export const ActionErrorBar = (props: ApiProblemBarProps) => {
  const t = useT();
  const { error } = props;
  if (
    error instanceof ApiError ||
    error instanceof ApiUnreachableError ||
    error instanceof ApiContractError ||
    (error instanceof TypeError && /fetch/i.test(error.message))
  ) {
    return <ApiProblemBar {...props} />;
  }
  let title = t("letter.error.word.title");
  let body = error instanceof Error ? error.message : String(error);
  if (error instanceof NoTemplateError) {
    title = t("letter.error.noLetter.title");
    body = t("letter.error.noLetter.body");
  } else if (error instanceof HostCapabilityError) {
    title = t("letter.error.unsupported");
  } else if (error instanceof Error && error.name === "TemplateError") {
    title = t("letter.error.template.title");
    const key = TEMPLATE_ERRORS[codeOf(error) ?? ""];
    if (key) body = t(key);
  } else if (
    error instanceof Error &&
    (error.name === "MergeError" || error.name === "MergeJobError")
  ) {
    title = t("merge.error.title");
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
};
