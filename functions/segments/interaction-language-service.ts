import {
  SegmentInteractionLanguageFields,
  type SegmentInteractionLanguage,
  type SegmentInteractionLanguageCreate,
  type SegmentInteractionLanguagePatch,
} from "@shared/model/segment-interaction-language";
import { applyMergePatch } from "@shared/model/patch";
import type { AppDeps } from "../app-deps";
import { stampChange, stampNew, withoutStamp } from "../audit/stamp";
import type { Identity } from "../auth/identity";
import { PreconditionFailedError, ValidationError } from "../errors/app-errors";
import { issuesToErrors } from "../errors/validation-issues";
import { sameEtag, type Page } from "../store/document-store";
import type { SegmentHeader, StoredInteractionLanguage } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { propagateHeaderChange } from "./header-propagation";
import { assertNotLogged } from "./segment-history";
import { withSegmentLock } from "./segment-lock";
import { assertOpen } from "./segment-service";

/** The letter in each language is the segment's template's letter in it (uploaded on the template). */
const withLetters = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  languages: readonly StoredInteractionLanguage[],
): Promise<SegmentInteractionLanguage[]> => {
  const template = header.interactionTemplateCode
    ? await deps.store.interactionTemplates.store.find(tenant, header.interactionTemplateCode)
    : undefined;
  return languages.map((l) => {
    const letter = template?.attachments.find((a) => a.languageCode === l.languageCode);
    return letter ? { ...l, letterFileName: letter.fileName } : l;
  });
};

const keyOf = (segmentNo: string, languageCode: string) => `${segmentNo}|${languageCode}`;

export const listInteractionLanguages = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
): Promise<Page<SegmentInteractionLanguage>> => {
  const tenant = identity.tenantId;
  const header = assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  const languages = await deps.store.segments.interactionLanguagesOf(tenant, segmentNo);
  return { items: await withLetters(deps, tenant, header, languages) };
};

export const getInteractionLanguage = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  languageCode: string,
): Promise<SegmentInteractionLanguage> => {
  const tenant = identity.tenantId;
  const header = assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  const language = await deps.store.segments.interactionLanguages.get(
    tenant,
    keyOf(segmentNo, languageCode),
  );
  const [shown] = await withLetters(deps, tenant, header, [language]);
  return shown as SegmentInteractionLanguage;
};

/**
 * Changes the segment's languages while holding the segment, then hands the change to the lines
 * by the header's rule: a line whose language or subject is still what the segment gave it
 * follows; a line with its own stays.
 */
const changeLanguages = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  change: (
    header: SegmentHeader,
    before: readonly StoredInteractionLanguage[],
  ) => Promise<StoredInteractionLanguage | undefined>,
): Promise<SegmentInteractionLanguage | undefined> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  // A logged (or logging) segment is refused at once, not after waiting for it.
  assertOpen(await segments.headers.get(tenant, segmentNo));
  return withSegmentLock(deps, identity, segmentNo, "changeLanguages", async () => {
    const header = await segments.headers.get(tenant, segmentNo);
    assertOpen(header);
    const before = await segments.interactionLanguagesOf(tenant, segmentNo);
    const written = await change(header, before);
    const after = await segments.interactionLanguagesOf(tenant, segmentNo);
    const moved = await propagateHeaderChange(deps, tenant, header, header, "carried", {
      before,
      after,
    });
    // What a Log would write changed: the segment's ETag changes with it.
    if (moved > 0) await segments.linesChanged(tenant, segmentNo);
    return written && (await withLetters(deps, tenant, header, [written]))[0];
  });
};

/** A bound on a segment's languages, so that they can be listed (and handed to lines) whole. */
export const maxInteractionLanguages = 50;

export const createInteractionLanguage = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  input: SegmentInteractionLanguageCreate,
): Promise<SegmentInteractionLanguage> =>
  (await changeLanguages(deps, identity, segmentNo, (_header, before) => {
    if (before.length >= maxInteractionLanguages)
      throw new ValidationError(
        [
          {
            in: "body",
            field: "languageCode",
            rule: "max_languages",
            message: `a segment has at most ${maxInteractionLanguages} languages; remove one first`,
          },
        ],
        "The segment has as many languages as it can have.",
        422,
      );
    return deps.store.segments.interactionLanguages.create(
      identity.tenantId,
      keyOf(segmentNo, input.languageCode),
      { ...input, segmentNo, ...stampNew(identity, deps.now()) },
    );
  })) as SegmentInteractionLanguage;

export const updateInteractionLanguage = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  languageCode: string,
  patch: SegmentInteractionLanguagePatch,
  ifMatch: string,
): Promise<SegmentInteractionLanguage> => {
  const tenant = identity.tenantId;
  const languages = deps.store.segments.interactionLanguages;
  const key = keyOf(segmentNo, languageCode);
  return (await changeLanguages(deps, identity, segmentNo, async () => {
    const current = await languages.get(tenant, key);
    const { segmentNo: _s, ...stored } = withoutStamp(current);
    const merged = applyMergePatch(stored, patch);
    const parsed = SegmentInteractionLanguageFields.safeParse(merged);
    if (!parsed.success)
      throw new ValidationError(issuesToErrors(parsed.error.issues, "body", merged));
    return languages.replace(
      tenant,
      key,
      { ...parsed.data, segmentNo, ...stampChange(current, identity, deps.now()) },
      ifMatch,
    );
  })) as SegmentInteractionLanguage;
};

export const deleteInteractionLanguage = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  languageCode: string,
  ifMatch: string | undefined,
): Promise<void> => {
  const tenant = identity.tenantId;
  const languages = deps.store.segments.interactionLanguages;
  const key = keyOf(segmentNo, languageCode);
  await changeLanguages(deps, identity, segmentNo, async () => {
    const current = await languages.get(tenant, key);
    if (ifMatch !== undefined && !sameEtag(current.etag, ifMatch))
      throw new PreconditionFailedError("Segment interaction language", languageCode);
    await languages.delete(tenant, key, ifMatch);
    return undefined;
  });
};
