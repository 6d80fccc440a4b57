import type { z } from "zod";
import type { FieldMatches } from "@shared/model/field-match";
import type { MergeTemplateSource } from "@shared/model/merge-job";
import type { AppDeps } from "../app-deps";
import { NotFoundError, ValidationError } from "../errors/app-errors";
import {
  findTemplateWithLetters,
  letterIdOf,
  letterInLanguage,
} from "../interactions/template-letters";
import type { SegmentHeader } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";

const missing = (field: string, message: string) =>
  new ValidationError([{ in: "body", field, rule: "exists", message }], message, 422);

const decodeBase64 = (text: string): Uint8Array => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s/g, ""))) {
    throw new ValidationError([
      {
        in: "body",
        field: "template.documentBase64",
        rule: "invalid_format",
        message: "is not base64",
      },
    ]);
  }
  return new Uint8Array(Buffer.from(text, "base64"));
};

/** A letter's bytes as stored or sent: merge threads read them (a Template cannot cross threads). */
export interface LetterBytes {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Match Fields: as sent with an uploaded letter, as remembered with a template's. */
  readonly matches: FieldMatches;
}

/**
 * The letter to merge: an uploaded .docx, a template's attachment in a language, or (nothing
 * given) the segment's template in the segment's language, falling back to the template's own
 * language and then to any letter it has.
 */
export const resolveTemplate = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  source: z.infer<typeof MergeTemplateSource> | undefined,
): Promise<LetterBytes> => {
  if (source && "documentBase64" in source) {
    return {
      bytes: decodeBase64(source.documentBase64),
      fileName: source.fileName ?? `${header.no}.docx`,
      matches: source.fieldMatches ?? {},
    };
  }
  const code = source?.interactionTemplateCode ?? header.interactionTemplateCode;
  if (!code)
    throw missing(
      "template",
      `segment ${header.no} has no interaction template; send the letter as template.documentBase64`,
    );
  const found = await findTemplateWithLetters(deps.store, tenant, code);
  if (!found)
    throw missing(
      "template.interactionTemplateCode",
      `interaction template ${code} does not exist`,
    );
  const interactionTemplate = found.template;
  const wanted = [source?.languageCode, header.languageCode, interactionTemplate.languageCode];
  const attachment = letterInLanguage(interactionTemplate, wanted);
  if (!attachment) throw missing("template", `interaction template ${code} has no letter attached`);
  const id = letterIdOf(tenant, found, attachment.languageCode);
  if (!id)
    throw new NotFoundError(`Letter in ${attachment.languageCode} of interaction template`, code);
  const bytes = await deps.store.documents.get(id);
  return { bytes, fileName: attachment.fileName, matches: attachment.fieldMatches ?? {} };
};

/** What picks a line's letter: its own template (else the segment's) and its language. */
export interface LineLetterChoice {
  readonly interactionTemplateCode?: string | undefined;
  readonly languageCode?: string | undefined;
}

/**
 * Each letter's template for one document per contact: a line goes out with its own interaction
 * template's letter (Business Central's segment line has its own template), in its own language
 * where that template has a letter in it (BC's interaction language), otherwise as
 * resolveTemplate chooses. An uploaded letter, a template asked for, or a language asked for
 * serves all. Lines sharing a letter share the very same LetterBytes, so they merge together.
 */
export const resolveLineTemplates = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  source: z.infer<typeof MergeTemplateSource> | undefined,
  choices: readonly LineLetterChoice[],
  segmentLetter: LetterBytes,
): Promise<LetterBytes[]> => {
  if (
    (source && "documentBase64" in source) ||
    (source && "languageCode" in source && source.languageCode)
  ) {
    return choices.map(() => segmentLetter);
  }
  const asked = source?.interactionTemplateCode;
  const segmentCode = asked ?? header.interactionTemplateCode;
  // The segment's letter already answers for its template in no language and in the segment's
  // own: only the other letters are read, each once.
  const segment = Promise.resolve(segmentLetter);
  const byLetter = new Map<string, Promise<LetterBytes>>([
    [`${segmentCode}|`, segment],
    [`${segmentCode}|${header.languageCode ?? ""}`, segment],
  ]);
  const forLine = (choice: LineLetterChoice) => {
    const code = asked ?? choice.interactionTemplateCode ?? header.interactionTemplateCode;
    if (!code) return segment;
    const key = `${code}|${choice.languageCode ?? ""}`;
    let template = byLetter.get(key);
    if (!template) {
      template = resolveTemplate(deps, tenant, header, {
        interactionTemplateCode: code,
        languageCode: choice.languageCode,
      });
      byLetter.set(key, template);
    }
    return template;
  };
  return Promise.all(choices.map(forLine));
};
