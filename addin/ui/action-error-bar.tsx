import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiContractError, ApiError, ApiUnreachableError } from "../api/errors";
import { HostCapabilityError, NoTemplateError } from "../host/host";
import type { MessageKey } from "../i18n/en-US";
import { useT } from "../i18n/use-t";
import { ApiProblemBar, type ApiProblemBarProps } from "./api-problem-bar";
import { TechnicalDetails } from "./technical-details";

const TEMPLATE_ERRORS: Partial<Record<string, MessageKey>> = {
  not_a_zip: "error.template.notDocx",
  legacy_or_encrypted: "error.template.legacy",
  corrupt_zip: "error.template.corrupt",
  corrupt_xml: "error.template.corrupt",
  not_word: "error.template.notDocx",
  too_large: "error.template.tooLarge",
  too_many_parts: "error.template.tooLarge",
  compression_ratio: "error.template.tooLarge",
  too_many_elements: "error.template.tooLarge",
  too_many_paragraphs: "error.template.tooLarge",
  too_many_fields: "error.template.tooLarge",
  text_too_long: "error.template.tooLarge",
  too_deep: "error.template.corrupt",
  fields_too_deep: "error.template.corrupt",
  unsafe_part_name: "error.template.corrupt",
  dtd_refused: "error.template.corrupt",
  record_field_nested: "error.template.fields",
  record_field_syntax: "error.template.fields",
  record_field_spans_paragraphs: "error.template.fields",
  field_not_closed: "error.template.fields",
};

const MERGE_ERRORS: Partial<Record<string, MessageKey>> = {
  no_records: "error.merge.no_records",
  invalid_option: "error.merge.invalid_option",
  output_too_large: "error.merge.output_too_large",
};

/** A merge job that ended without a file (features/merge/server-merge.ts's MergeJobError). */
const endedJobOf = (
  error: unknown,
): { readonly id: string; readonly error?: string } | undefined =>
  error instanceof Error && error.name === "MergeJobError" && "job" in error
    ? (error.job as { readonly id: string; readonly error?: string })
    : undefined;

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;

/**
 * Why an action failed, whatever failed: the API (its problem, Retry, Reload on a conflict),
 * the letter (a file that is not a Word document), a merge, or Word itself (its message, which
 * Office gives in its own display language). Our own checks' English goes under Technical
 * details, with a sentence from the catalog in front.
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
  let title = t("error.word.title");
  let body = error instanceof Error ? error.message : String(error);
  let said: string | undefined;
  let facts: readonly string[] = [];
  const endedJob = endedJobOf(error);
  if (error instanceof NoTemplateError) {
    title = t("error.noLetter.title");
    body = t("error.noLetter.body");
  } else if (error instanceof HostCapabilityError) {
    title = t("error.unsupported");
    body = t("error.unsupported.body");
  } else if (error instanceof Error && error.name === "TemplateError") {
    title = t("error.template.title");
    body = t(TEMPLATE_ERRORS[codeOf(error) ?? ""] ?? "error.template.corrupt");
    said = error.message;
  } else if (endedJob) {
    title = t("error.merge.title");
    body = t("error.merge.job");
    said = endedJob.error ?? "";
    facts = [endedJob.id];
  } else if (error instanceof Error && error.name === "MergeError") {
    title = t("error.merge.title");
    body = t(MERGE_ERRORS[codeOf(error) ?? ""] ?? "error.merge.invalid_option");
    said = error.message;
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
        {said !== undefined && <TechnicalDetails said={said} facts={facts} />}
      </MessageBarBody>
    </MessageBar>
  );
};
