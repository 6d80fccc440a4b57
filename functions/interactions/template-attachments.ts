import type { InteractionTemplate, TemplateAttachment } from "@shared/model/interaction-template";
import type { AppDeps } from "../app-deps";
import { stampChange } from "../audit/stamp";
import { NotFoundError, PreconditionFailedError } from "../errors/app-errors";
import type { Identity } from "../http/identity";
import { readWordDocument } from "../documents/word-document";

/** Changes a template's attachment list, retrying when someone else changed the template meanwhile. */
const updateAttachments = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  change: (attachments: TemplateAttachment[]) => TemplateAttachment[],
): Promise<{ before: InteractionTemplate; after: InteractionTemplate }> => {
  const store = deps.store.interactionTemplates.store;
  for (let attempt = 0; ; attempt++) {
    const before = await store.get(identity.tenantId, code);
    const { etag, ...rest } = before;
    try {
      const after = await store.replace(
        identity.tenantId,
        code,
        {
          ...rest,
          attachments: change(before.attachments),
          ...stampChange(before, identity, deps.now()),
        },
        etag,
      );
      return { before, after };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= 5) throw error;
    }
  }
};

export const uploadTemplateAttachment = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
  bytes: Uint8Array,
  fileName: string,
): Promise<InteractionTemplate> => {
  await deps.store.interactionTemplates.store.get(identity.tenantId, code);
  await readWordDocument(deps.workers, bytes);
  const documentId = await deps.store.documents.put(
    identity.tenantId,
    `templates/${code}/${languageCode}`,
    bytes,
    fileName,
  );
  const attachment: TemplateAttachment = {
    languageCode,
    documentId,
    fileName,
    size: bytes.byteLength,
    uploadedAt: deps.now().toISOString(),
  };
  const { before, after } = await updateAttachments(deps, identity, code, (list) => [
    ...list.filter((a) => a.languageCode !== languageCode),
    attachment,
  ]);
  const replaced = before.attachments.find((a) => a.languageCode === languageCode);
  if (replaced) await deps.store.documents.delete(identity.tenantId, replaced.documentId);
  return after;
};

export const templateAttachment = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
) => {
  const template = await deps.store.interactionTemplates.store.get(identity.tenantId, code);
  const attachment = template.attachments.find((a) => a.languageCode === languageCode);
  if (!attachment)
    throw new NotFoundError(`Letter in ${languageCode} of interaction template`, code);
  return {
    attachment,
    bytes: await deps.store.documents.get(identity.tenantId, attachment.documentId),
  };
};

export const deleteTemplateAttachment = async (
  deps: AppDeps,
  identity: Identity,
  code: string,
  languageCode: string,
) => {
  const template = await deps.store.interactionTemplates.store.get(identity.tenantId, code);
  const attachment = template.attachments.find((a) => a.languageCode === languageCode);
  if (!attachment)
    throw new NotFoundError(`Letter in ${languageCode} of interaction template`, code);
  await updateAttachments(deps, identity, code, (list) =>
    list.filter((a) => a.languageCode !== languageCode),
  );
  await deps.store.documents.delete(identity.tenantId, attachment.documentId);
};
