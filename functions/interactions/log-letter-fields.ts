import { unmatchedFields } from "@shared/letter/field-matching";
import { TemplateError } from "@shared/merge/index";
import type { LogProblem } from "@shared/model/logging";
import type { AppDeps } from "../app-deps";
import { NotFoundError } from "../errors/app-errors";
import type { DocumentId } from "../store/document-names";
import type { SegmentHeader } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import type { LogInputs } from "./log-checks";
import { templateLetterFor, templateLetterLines } from "./logged-letters";
import { findTemplateWithLetters, letterIdOf } from "./template-letters";

/** A template letter's field, as a Log check names it: where its Match Fields are. */
export const letterFieldPath = (templateCode: string, languageCode: string, field: string) =>
  `interactionTemplates.${templateCode}.attachments.${languageCode}.fieldMatches.${field}`;

/**
 * The Log keeps a copy of each template letter it uses and merges it later (Show letter, Resend)
 * with the letter's Match Fields; a field neither matched nor left empty would be blank there.
 * So, as the merge does, each such field of each letter the Log would use (chosen exactly as
 * pinTemplateLetters chooses) is a problem, on the first line that goes out with the letter.
 * A letter gone from storage or unreadable is not this check's: the Log logs it without one.
 */
export const checkTemplateLetterFields = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  inputs: LogInputs,
): Promise<LogProblem[]> => {
  const problems: LogProblem[] = [];
  const seen = new Set<string>();
  for (const [templateCode, languages] of templateLetterLines(header, inputs)) {
    const found = await findTemplateWithLetters(deps.store, tenant, templateCode);
    if (!found) continue;
    for (const [lineLanguageCode, lines] of languages) {
      const letter = templateLetterFor(found, header, lineLanguageCode);
      const id = letter && letterIdOf(tenant, found, letter.languageCode);
      const key = JSON.stringify([templateCode, letter?.languageCode]);
      if (!letter || !id || seen.has(key)) continue;
      seen.add(key);
      const fieldNames = await fieldNamesOf(deps, id);
      if (!fieldNames) continue;
      const first = lines[0];
      if (!first) continue;
      for (const unmatched of unmatchedFields(fieldNames, letter.fieldMatches ?? {}))
        problems.push({
          lineNo: first.lineNo,
          contactNo: first.contactNo,
          field: "interactionTemplateCode",
          rule: "fields_unmatched",
          templateCode,
          languageCode: letter.languageCode,
          letterField: unmatched.field,
          message:
            `interaction template ${templateCode}'s letter (${letter.languageCode}) has the field ` +
            `"${unmatched.field}", which is not a Mergeline field: match it` +
            (unmatched.suggestion ? ` (suggested: ${unmatched.suggestion})` : "") +
            " or leave it empty (Match Fields)",
        });
    }
  }
  return problems;
};

const fieldNamesOf = async (
  deps: AppDeps,
  id: DocumentId,
): Promise<readonly string[] | undefined> => {
  try {
    return (await deps.workers.readLetter(await deps.store.documents.get(id))).fieldNames;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof TemplateError) return undefined;
    throw error;
  }
};
