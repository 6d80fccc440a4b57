import { canonicalMatches, foreignFields, unmatchedFields } from "@shared/letter/field-matching";
import type { FieldMatches, LetterFieldMatches } from "@shared/model/field-match";
import type { AppDeps } from "../app-deps";
import { stampChange } from "../audit/stamp";
import type { Identity } from "../auth/identity";
import { NotFoundError } from "../errors/app-errors";
import { assertMatchesValid } from "../merge/letter-field-matches";
import { findTemplateWithLetters, letterIdOf } from "./template-letters";

/** The template's letter in a language, read by the engine for its field names. */
const letterOf = async (deps: AppDeps, identity: Identity, code: string, languageCode: string) => {
  const found = await findTemplateWithLetters(deps.store, identity.tenantId, code);
  if (!found) throw new NotFoundError(deps.store.interactionTemplates.store.entityName, code);
  const attachment = found.template.attachments.find((a) => a.languageCode === languageCode);
  const id = letterIdOf(identity.tenantId, found, languageCode);
  if (!attachment || !id)
    throw new NotFoundError(`Letter in ${languageCode} of interaction template`, code);
  const { fieldNames } = await deps.workers.readLetter(await deps.store.documents.get(id));
  return { found, attachment, fieldNames };
};

const answer = (
  fieldNames: readonly string[],
  matches: FieldMatches,
  etag: string | undefined,
): LetterFieldMatches => ({
  fields: foreignFields(fieldNames),
  matches,
  unmatched: unmatchedFields(fieldNames, matches),
  ...(etag ? { etag } : {}),
});

/** Match Fields of a template's letter: its foreign fields, their matches, what is unmatched. */
export const templateFieldMatches = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
): Promise<LetterFieldMatches> => {
  const { found, attachment, fieldNames } = await letterOf(deps, identity, code, languageCode);
  return answer(fieldNames, attachment.fieldMatches ?? {}, found.template.etag);
};

/**
 * Remembers the letter's Match Fields with the template (replacing what it had), under the
 * template's ETag: a template changed meanwhile (another letter uploaded, other matches) is a
 * 412. Matches that do not fit the letter are refused with nothing written.
 */
export const putTemplateFieldMatches = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
  matches: FieldMatches,
  ifMatch: string,
): Promise<LetterFieldMatches> => {
  const { found, fieldNames } = await letterOf(deps, identity, code, languageCode);
  assertMatchesValid(fieldNames, matches, "matches");
  const kept = canonicalMatches(matches, fieldNames);
  const { etag: _etag, ...rest } = found.template;
  const saved = await deps.store.interactionTemplates.store.replace(
    identity.tenantId,
    code,
    {
      ...rest,
      attachments: found.template.attachments.map((a) =>
        a.languageCode === languageCode ? { ...a, fieldMatches: kept } : a,
      ),
      ...stampChange(found.template, identity, deps.now()),
    },
    ifMatch,
  );
  return answer(fieldNames, kept, saved.etag);
};
