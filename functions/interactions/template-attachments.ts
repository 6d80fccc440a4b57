import { canonicalMatches } from "@shared/letter/field-matching";
import type { InteractionTemplate, TemplateAttachment } from "@shared/model/interaction-template";
import type { AppDeps } from "../app-deps";
import { stampChange } from "../audit/stamp";
import { NotFoundError, PreconditionFailedError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { newDocumentId, type DocumentId } from "../store/document-names";
import { findTemplateWithLetters, letterIdOf, type TemplateWithLetters } from "./template-letters";

const foundTemplate = async (deps: AppDeps, identity: Identity, code: string) => {
  const found = await findTemplateWithLetters(deps.store, identity.tenantId, code);
  if (!found) throw new NotFoundError(deps.store.interactionTemplates.store.entityName, code);
  return found;
};

const noLetter = (code: string, languageCode: string) =>
  new NotFoundError(`Letter in ${languageCode} of interaction template`, code);

/**
 * Changes a template's attachment list and its letters' document ids together, retrying when
 * someone else changed the template meanwhile.
 */
const updateAttachments = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  change: (
    attachments: TemplateAttachment[],
    ids: Readonly<Record<string, unknown>>,
  ) => { attachments: TemplateAttachment[]; ids: Record<string, unknown> },
): Promise<{ before: TemplateWithLetters; after: InteractionTemplate }> => {
  const store = deps.store.interactionTemplates.store;
  for (let attempt = 0; ; attempt++) {
    const before = await foundTemplate(deps, identity, code);
    const { etag, ...rest } = before.template;
    const next = change(before.template.attachments, before.storedIds);
    try {
      const after = await store.replace(
        identity.tenantId,
        code,
        {
          ...rest,
          attachments: next.attachments,
          letterDocumentIds: next.ids,
          ...stampChange(before.template, identity, deps.now()),
        },
        etag,
      );
      return { before, after };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= 5) throw error;
    }
  }
};

const without = (ids: Readonly<Record<string, unknown>>, languageCode: string) =>
  Object.fromEntries(Object.entries(ids).filter(([k]) => k !== languageCode));

export const uploadTemplateAttachment = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
  bytes: Uint8Array,
  fileName: string,
): Promise<InteractionTemplate> => {
  const tenant = identity.tenantId;
  await foundTemplate(deps, identity, code);
  const { fieldNames } = await deps.workers.readLetter(bytes);
  const id = newDocumentId(tenant, { kind: "templateLetter", templateCode: code, languageCode });
  await deps.store.documents.put(id, bytes, { fileName });
  const attachment: TemplateAttachment = {
    languageCode,
    fileName,
    size: bytes.byteLength,
    uploadedAt: deps.now().toISOString(),
  };
  let updated: Awaited<ReturnType<typeof updateAttachments>>;
  try {
    updated = await updateAttachments(deps, identity, code, (list, ids) => {
      // A replaced letter keeps its Match Fields for the fields it still has.
      const before = list.find((a) => a.languageCode === languageCode)?.fieldMatches;
      const fieldMatches = before ? canonicalMatches(before, fieldNames) : undefined;
      return {
        attachments: [
          ...list.filter((a) => a.languageCode !== languageCode),
          fieldMatches && Object.keys(fieldMatches).length
            ? { ...attachment, fieldMatches }
            : attachment,
        ],
        ids: { ...without(ids, languageCode), [languageCode]: id },
      };
    });
  } catch (error) {
    // The template is not changed, so the new letter belongs to nothing: nothing half written.
    await deps.store.documents.delete(id);
    throw error;
  }
  const replaced = letterIdOf(tenant, updated.before, languageCode);
  if (replaced) await deps.store.documents.delete(replaced);
  return updated.after;
};

export const templateAttachment = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
) => {
  const found = await foundTemplate(deps, identity, code);
  const attachment = found.template.attachments.find((a) => a.languageCode === languageCode);
  const id: DocumentId | undefined = letterIdOf(identity.tenantId, found, languageCode);
  if (!attachment || !id) throw noLetter(code, languageCode);
  return { attachment, bytes: await deps.store.documents.get(id) };
};

export const deleteTemplateAttachment = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
) => {
  const found = await foundTemplate(deps, identity, code);
  if (!found.template.attachments.some((a) => a.languageCode === languageCode))
    throw noLetter(code, languageCode);
  const { before } = await updateAttachments(deps, identity, code, (list, ids) => ({
    attachments: list.filter((a) => a.languageCode !== languageCode),
    ids: without(ids, languageCode),
  }));
  const id = letterIdOf(identity.tenantId, before, languageCode);
  if (id) await deps.store.documents.delete(id);
};
