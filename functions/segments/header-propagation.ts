import type { AppDeps } from "../app-deps";
import type { SegmentHeader, StoredLine } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import {
  inheritedLineFields,
  lineDefaults,
  type LineContact,
  type LineLanguages,
} from "./line-defaults";
import { lineTemplateFields, templateSetFields } from "./line-template";

/** What choosing a template sets on every line once the user confirms (Business Central's UpdateSegLines). */
const templateFields = new Set<string>(templateSetFields);

/**
 * What a line with a template of its own keeps when the header changes: Business Central hands
 * header changes only to the lines with the header's template.
 */
const ownTemplateKeeps = new Set<string>(lineTemplateFields);

const lineContactFields = [
  "no",
  "name",
  "companyNo",
  "companyName",
  "languageCode",
  "correspondenceType",
  "salespersonCode",
] as const;

/** Writes a header change on to the given lines; how many of them changed. */
export type LinePropagation = (lines: readonly StoredLine[]) => Promise<number>;

/**
 * Hands a header change down to the lines as Business Central does: a line field that still
 * carries what the old header gave it takes what the new header gives; a value the user changed
 * on the line (an override) stays. A line edited by someone else at this moment keeps its edit.
 * Returns how many lines changed.
 */
export const propagateHeaderChange = async (
  deps: AppDeps,
  tenant: TenantId,
  before: SegmentHeader,
  after: SegmentHeader,
  /** "carried": only lines that still carry the old value; "template": every line's template fields. */
  mode: "carried" | "template" = "carried",
  /** The segment's subjects per language before and after, when they are what changed. */
  languageChange?: { before: LineLanguages; after: LineLanguages },
): Promise<number> => {
  const relevant = [...inheritedLineFields, "ignoreContactCorrespondenceType"] as const;
  if (!languageChange && relevant.every((f) => before[f] === after[f])) return 0;
  const [propagate, lines] = await Promise.all([
    headerChangePropagation(deps, tenant, before, after, mode, languageChange),
    deps.store.segments.allLines(tenant, after.no),
  ]);
  return propagate(lines);
};

/**
 * The same hand-down for lines taken a page at a time (a template applied to many lines, as a
 * job). In "template" mode every line takes the template's fields, even when the header had the
 * template already: so applying the same template again finishes a run that stopped half-way.
 */
export const headerChangePropagation = async (
  deps: AppDeps,
  tenant: TenantId,
  before: SegmentHeader,
  after: SegmentHeader,
  mode: "carried" | "template",
  languageChange?: { before: LineLanguages; after: LineLanguages },
): Promise<LinePropagation> => {
  const segments = deps.store.segments;
  const templates = deps.store.interactionTemplates.store;
  const [oldTemplate, newTemplate, languages] = await Promise.all([
    before.interactionTemplateCode
      ? templates.find(tenant, before.interactionTemplateCode)
      : undefined,
    after.interactionTemplateCode
      ? templates.find(tenant, after.interactionTemplateCode)
      : undefined,
    languageChange ? undefined : segments.interactionLanguagesOf(tenant, after.no),
  ]);
  const languagesBefore = languageChange?.before ?? languages ?? [];
  const languagesAfter = languageChange?.after ?? languages ?? [];
  return async (lines) => {
    const contacts = new Map(
      (
        await deps.store.contacts.byNos<LineContact>(
          tenant,
          lines.map((l) => l.contactNo),
          lineContactFields,
        )
      ).map((c) => [c.no, c]),
    );
    const changedLines: StoredLine[] = [];
    for (const line of lines) {
      const contact = contacts.get(line.contactNo) ?? {
        no: line.contactNo,
        name: line.contactName,
      };
      const old = lineDefaults(before, contact, oldTemplate, languagesBefore) as Record<
        string,
        unknown
      >;
      const next = lineDefaults(after, contact, newTemplate, languagesAfter) as Record<
        string,
        unknown
      >;
      const ownTemplate =
        line.interactionTemplateCode !== undefined &&
        line.interactionTemplateCode !== before.interactionTemplateCode;
      const updated: Record<string, unknown> = { ...line };
      let changed = false;
      for (const field of inheritedLineFields) {
        if (mode === "carried" && ownTemplate && ownTemplateKeeps.has(field)) continue;
        const current = (line as Record<string, unknown>)[field];
        const follows = mode === "template" ? templateFields.has(field) : current === old[field];
        if (
          follows &&
          current !== next[field] &&
          (mode === "template" || old[field] !== next[field])
        ) {
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the field left its inherited value
          if (next[field] === undefined) delete updated[field];
          else updated[field] = next[field];
          changed = true;
        }
      }
      if (changed) changedLines.push(updated as StoredLine);
    }
    if (changedLines.length === 0) return 0;
    return (await segments.replaceLines(tenant, after.no, changedLines)).filter(Boolean).length;
  };
};
