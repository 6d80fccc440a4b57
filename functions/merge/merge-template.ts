import type { z } from "zod";
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
  return { bytes, fileName: attachment.fileName };
};

/**
 * Each letter's template for one document per contact: a line goes out in its own language
 * where the interaction template has a letter in it (Business Central's interaction language),
 * otherwise as resolveTemplate chooses. An uploaded letter, or a language asked for, serves all.
 * Lines sharing a letter share its very bytes (the same array), so they merge together.
 */
export const resolveLineTemplates = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  source: z.infer<typeof MergeTemplateSource> | undefined,
  languages: readonly (string | undefined)[],
  segmentLetter: LetterBytes,
): Promise<Uint8Array[]> => {
  const code =
    source && "documentBase64" in source
      ? undefined
      : (source?.interactionTemplateCode ?? header.interactionTemplateCode);
  if (!code || (source && "languageCode" in source && source.languageCode)) {
    return languages.map(() => segmentLetter.bytes);
  }
  // The segment's letter already answers for no language and for the segment's own: only the
  // other languages are read, each once.
  const segment = Promise.resolve(segmentLetter.bytes);
  const byLanguage = new Map<string | undefined, Promise<Uint8Array>>([
    [undefined, segment],
    [header.languageCode, segment],
  ]);
  const forLanguage = (languageCode: string | undefined) => {
    let template = byLanguage.get(languageCode);
    if (!template) {
      template = resolveTemplate(deps, tenant, header, {
        interactionTemplateCode: code,
        languageCode,
      }).then((r) => r.bytes);
      byLanguage.set(languageCode, template);
    }
    return template;
  };
  return Promise.all(languages.map(forLanguage));
};
