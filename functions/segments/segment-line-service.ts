import {
  SegmentLineFields,
  type SegmentLine,
  type SegmentLineCreate,
  type SegmentLineListQuery,
  type SegmentLinePatch,
} from "@shared/model/segment";
import { applyMergePatch } from "@shared/model/patch";
import type { AppDeps } from "../app-deps";
import { stampChange, withoutStamp } from "../audit/stamp";
import { ConflictError, PreconditionFailedError, ValidationError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { issuesToErrors } from "../errors/validation-issues";
import { checkReferences, type Reference } from "../references/reference-check";
import { sameEtag, type Page } from "../store/document-store";
import type { SegmentHeader } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { lineSubject, type LineContact } from "./line-defaults";
import { templateChoice, withValues } from "./line-template";
import { addManually, removeManually } from "./criteria/criteria-service";
import { withEmailOptOut, withEmailOptOuts } from "./line-email-opt-outs";
import { withSegmentLock } from "./segment-lock";
import { assertOpen } from "./segment-service";
import { assertNotLogged } from "./segment-history";

export const listSegmentLines = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  q: SegmentLineListQuery,
): Promise<Page<SegmentLine>> => {
  assertNotLogged(await deps.store.segments.headers.get(identity.tenantId, segmentNo));
  const { top, continuationToken, ...filters } = q;
  const page = await deps.store.segments.listLines(
    identity.tenantId,
    segmentNo,
    filters,
    top,
    continuationToken,
  );
  return { ...page, items: await withEmailOptOuts(deps, identity.tenantId, page.items) };
};

export const getSegmentLine = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  lineNo: number,
): Promise<SegmentLine> =>
  withEmailOptOut(
    deps,
    identity.tenantId,
    await deps.store.segments.lines.get(
      identity.tenantId,
      deps.store.segments.lineKey(segmentNo, lineNo),
    ),
  );

const lineReferences = (fields: {
  interactionTemplateCode?: string | null | undefined;
  campaignNo?: string | null | undefined;
}): Reference[] => [
  {
    field: "interactionTemplateCode",
    kind: "interactionTemplate",
    value: fields.interactionTemplateCode ?? undefined,
  },
  { field: "campaignNo", kind: "campaign", value: fields.campaignNo ?? undefined },
];

const templateOf = async (deps: AppDeps, tenant: TenantId, code: string | undefined) =>
  code ? deps.store.interactionTemplates.store.find(tenant, code) : undefined;

/**
 * A line's template fields once the user chose its template (`chosen`: undefined to follow the
 * header's), as Business Central's OnValidate sets them; callers lay the user's own values over.
 */
const chooseTemplate = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  contact: LineContact,
  chosen: string | undefined,
): Promise<Record<string, unknown>> => {
  const [template, headerTemplate, languages] = await Promise.all([
    templateOf(deps, tenant, chosen),
    templateOf(deps, tenant, header.interactionTemplateCode),
    deps.store.segments.interactionLanguagesOf(tenant, header.no),
  ]);
  return templateChoice(header, contact, template, headerTemplate, languages);
};

/**
 * Adds one contact by hand. A contact already on the segment is refused unless the caller asks
 * for it again (allowExistingContacts, as Add Contacts has): the check and the write happen while
 * holding the segment.
 */
export const createSegmentLine = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  input: SegmentLineCreate,
): Promise<SegmentLine> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  assertOpen(await segments.headers.get(tenant, segmentNo));
  await checkReferences(deps.store, tenant, lineReferences(input));
  const contact = await deps.store.contacts.store.find(tenant, input.contactNo);
  if (!contact) {
    throw new ValidationError(
      [
        {
          in: "body",
          field: "contactNo",
          rule: "exists",
          message: `contact ${input.contactNo} does not exist`,
        },
      ],
      "The contact does not exist.",
      422,
    );
  }
  const lineNo = await withSegmentLock(deps, identity, segmentNo, "addLine", async (hold) => {
    const header = await segments.headers.get(tenant, segmentNo);
    assertOpen(header);
    if (
      !input.allowExistingContacts &&
      (await segments.countLines(tenant, segmentNo, contact.no)) > 0
    ) {
      throw new ConflictError(`Contact ${contact.no} is already on segment ${segmentNo}.`, [
        {
          in: "body",
          field: "contactNo",
          rule: "unique",
          message: `${contact.no} is already on this segment; send allowExistingContacts: true to add it again`,
        },
      ]);
    }
    const { contactNo: _c, allowExistingContacts: _a, ...given } = input;
    // A line given its own template (or language) takes what that sets, under what was given.
    const chosen =
      given.interactionTemplateCode !== undefined &&
      given.interactionTemplateCode !== header.interactionTemplateCode
        ? await chooseTemplate(deps, tenant, header, contact, given.interactionTemplateCode)
        : {};
    const languageCode = given.languageCode ?? (chosen.languageCode as string | undefined);
    const subject =
      given.subject === undefined && languageCode !== undefined
        ? {
            subject: lineSubject(
              header,
              await segments.interactionLanguagesOf(tenant, segmentNo),
              languageCode,
            ),
          }
        : {};
    return addManually(deps, identity, header, contact, { ...chosen, ...subject, ...given }, hold);
  });
  return withEmailOptOut(
    deps,
    tenant,
    await segments.lines.get(tenant, segments.lineKey(segmentNo, lineNo)),
  );
};

/**
 * Changes a line while holding the segment, so that a change and a Log never overlap: the change
 * lands before the Log reads the segment's ETag (the Log is then stale) or is refused because the
 * segment is logging or logged.
 */
export const updateSegmentLine = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  lineNo: number,
  patch: SegmentLinePatch,
  ifMatch: string,
): Promise<SegmentLine> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  assertOpen(await segments.headers.get(tenant, segmentNo));
  await checkReferences(deps.store, tenant, lineReferences(patch));
  const saved = await withSegmentLock(deps, identity, segmentNo, "changeLine", async () => {
    const header = await segments.headers.get(tenant, segmentNo);
    assertOpen(header);
    const key = segments.lineKey(segmentNo, lineNo);
    const current = await segments.lines.get(tenant, key);
    // The stored document, with the fields the API does not show (how the line came), which stay.
    const raw = await segments.storedLine(tenant, segmentNo, lineNo);
    const internal = {
      via: raw?.via,
      viaContactNo: raw?.viaContactNo,
      mergedDocumentId: raw?.mergedDocumentId,
      listOrder: raw?.listOrder,
    };
    const stored = withoutStamp(current);
    const merged = applyMergePatch(
      await chosenOnLine(deps, tenant, header, current, patch),
      withoutKey(patch, "interactionTemplateCode"),
    );
    const parsed = SegmentLineFields.safeParse(merged);
    if (!parsed.success)
      throw new ValidationError(issuesToErrors(parsed.error.issues, "body", merged));
    // Fields a client may not write (line No., contact snapshot) stay.
    const readOnly = Object.fromEntries(
      Object.entries(stored).filter(([k]) => !(k in SegmentLineFields.shape)),
    );
    const saved = await segments.lines.replace(
      tenant,
      key,
      {
        ...Object.fromEntries(Object.entries(internal).filter(([, v]) => v !== undefined)),
        ...readOnly,
        ...parsed.data,
        ...stampChange(current, identity, deps.now()),
      },
      ifMatch,
    );
    // What a Log would write changed: the segment's ETag changes with it.
    await segments.linesChanged(tenant, segmentNo);
    return saved;
  });
  return withEmailOptOut(deps, tenant, saved);
};

const withoutKey = <T extends object>(o: T, key: keyof T): Partial<T> => {
  const { [key]: _dropped, ...rest } = o;
  return rest as Partial<T>;
};

/**
 * The line before the patch's own values go on: a newly chosen template sets its fields (null
 * makes the line follow the header's again); a new language brings its subject to a line whose
 * subject still is its old language's.
 */
const chosenOnLine = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  current: SegmentLine,
  patch: SegmentLinePatch,
): Promise<Record<string, unknown>> => {
  const stored = withoutStamp(current);
  const contact = async (): Promise<LineContact> =>
    (await deps.store.contacts.store.find(tenant, current.contactNo)) ?? {
      no: current.contactNo,
      name: current.contactName,
    };
  if (
    patch.interactionTemplateCode !== undefined &&
    (patch.interactionTemplateCode ?? undefined) !== current.interactionTemplateCode
  ) {
    const chosen = await chooseTemplate(
      deps,
      tenant,
      header,
      await contact(),
      patch.interactionTemplateCode ?? undefined,
    );
    return withValues(stored, chosen);
  }
  if (
    patch.languageCode !== undefined &&
    patch.subject === undefined &&
    (patch.languageCode ?? undefined) !== current.languageCode
  ) {
    const languages = await deps.store.segments.interactionLanguagesOf(tenant, header.no);
    const carried = lineSubject(header, languages, current.languageCode);
    if (current.subject === carried)
      return withValues(stored, {
        subject: lineSubject(header, languages, patch.languageCode ?? undefined),
      });
  }
  return stored;
};

/** Removes a line; recorded as an action, so Go Back puts it back with its edits. */
export const deleteSegmentLine = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  lineNo: number,
  ifMatch: string | undefined,
): Promise<void> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  await withSegmentLock(deps, identity, segmentNo, "removeLine", async (hold) => {
    const header = await segments.headers.get(tenant, segmentNo);
    assertOpen(header);
    const line = await segments.lines.get(tenant, segments.lineKey(segmentNo, lineNo));
    if (ifMatch !== undefined && !sameEtag(line.etag, ifMatch))
      throw new PreconditionFailedError("Segment line", String(lineNo));
    await removeManually(deps, identity, header, line, hold);
  });
};
