import type { CompiledTemplate } from "../compile/compile-template";
import { DOCUMENT_MAIN_CONTENT_TYPE } from "../package/content-types";
import { relationshipsPartOf } from "../package/part-names";
import {
  COMMENT_RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE,
  parseRelationships,
} from "../package/relationships";
import { decodeXmlPart } from "../xml/xml-text-codec";

/**
 * What a merged package leaves out of the template, the same for every output:
 * - comments (review notes for colleagues, not for the contact) with their parts;
 * - the mail-merge data source (w:mailMerge goes from settings.xml; its relationships and
 *   recipient data with it), or Word asks for the data source on opening;
 * - macros of a .docm/.dotm, since the result is a plain .docx; a .dotx becomes a .docx too.
 */
export interface OutputPlan {
  /** Lower-cased part names. */
  readonly removedParts: ReadonlySet<string>;
  readonly removedMainRelationships: ReadonlySet<string>;
  readonly settingsRelationships:
    | { readonly part: string; readonly xml: string; readonly remove: ReadonlySet<string> }
    | undefined;
  readonly retype: ReadonlyMap<string, string>;
}

const MAIL_MERGE_TYPES: readonly string[] = [
  RELATIONSHIP_TYPE.mailMergeSource,
  RELATIONSHIP_TYPE.recipientData,
];

export const planOutput = (template: CompiledTemplate): OutputPlan => {
  const removedParts = new Set<string>();
  const removedMainRelationships = new Set<string>();
  const dropPart = (part: string): void => {
    // Many relationships may name one part: its own relationships are read once.
    if (removedParts.has(part.toLowerCase())) return;
    removedParts.add(part.toLowerCase());
    const rels = relationshipsPartOf(part);
    const bytes = template.parts.get(rels);
    if (!bytes) return;
    removedParts.add(rels.toLowerCase());
    for (const r of parseRelationships(decodeXmlPart(bytes, rels), rels))
      if (r.part) removedParts.add(r.part.toLowerCase());
  };
  const macro = template.mainContentType.includes("macroEnabled");
  for (const r of template.mainRelationships) {
    if (
      COMMENT_RELATIONSHIP_TYPES.includes(r.type) ||
      (macro && r.type === RELATIONSHIP_TYPE.vbaProject)
    ) {
      removedMainRelationships.add(r.id);
      if (r.part) dropPart(r.part);
    }
  }
  let settingsRelationships: OutputPlan["settingsRelationships"];
  if (template.settings) {
    const part = relationshipsPartOf(template.settings.part);
    const bytes = template.parts.get(part);
    if (bytes) {
      const xml = decodeXmlPart(bytes, part);
      const remove = new Set<string>();
      for (const r of parseRelationships(xml, part)) {
        if (!MAIL_MERGE_TYPES.includes(r.type)) continue;
        remove.add(r.id);
        if (r.part) dropPart(r.part);
      }
      if (remove.size > 0) settingsRelationships = { part, xml, remove };
    }
  }
  const retype = new Map<string, string>();
  if (template.mainContentType !== DOCUMENT_MAIN_CONTENT_TYPE) {
    retype.set(template.mainPart.toLowerCase(), DOCUMENT_MAIN_CONTENT_TYPE);
  }
  return { removedParts, removedMainRelationships, settingsRelationships, retype };
};
