import type { InteractionTemplate, TemplateAttachment } from "@shared/model/interaction-template";
import { storedDocumentId, type DocumentId } from "../store/document-names";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";

/** An interaction template as the API shows it, with its letters' document ids as stored beside it. */
export interface TemplateWithLetters {
  /** The key it was found by, which its letters' names carry. */
  readonly code: string;
  readonly template: InteractionTemplate;
  /** Language code -> document id, unchecked: read one through letterIdOf. */
  readonly storedIds: Readonly<Record<string, unknown>>;
}

export const findTemplateWithLetters = async (
  store: Store,
  tenant: TenantId,
  code: string,
): Promise<TemplateWithLetters | undefined> => {
  const found = await store.interactionTemplates.findWithInternals(tenant, code);
  if (!found) return undefined;
  const ids = found.internals["letterDocumentIds"];
  return {
    code,
    template: found.entity,
    storedIds: typeof ids === "object" && ids !== null ? (ids as Record<string, unknown>) : {},
  };
};

/**
 * The document id of the template's letter in a language, only when it is this tenant's and this
 * template's letter in that language; otherwise undefined, and the letter counts as missing.
 */
export const letterIdOf = (
  tenant: TenantId,
  found: TemplateWithLetters,
  languageCode: string,
): DocumentId | undefined =>
  Object.hasOwn(found.storedIds, languageCode)
    ? storedDocumentId(tenant, found.storedIds[languageCode], {
        kind: "templateLetter",
        templateCode: found.code,
        languageCode,
      })
    : undefined;

/**
 * The letter a template gives for the languages wanted, first match first, else any letter it
 * has: the one rule a merge and the Log both choose by.
 */
export const letterInLanguage = (
  template: InteractionTemplate,
  wanted: readonly (string | undefined)[],
): TemplateAttachment | undefined =>
  wanted.flatMap((lang) => template.attachments.filter((a) => a.languageCode === lang))[0] ??
  template.attachments[0];
