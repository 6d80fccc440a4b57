import type { CompiledTemplate } from "../compile/compile-template";
import { IdAllocator } from "./id-allocator";

/**
 * The ids one output document must keep unique, whatever template each letter comes from:
 * drawings, content controls, bookmarks (ids and names), notes, list numbers, relationship ids
 * of the main part and part names. A document of one template has one of these; a document of
 * several templates (merge-mixed-document.ts) shares one between the templates' sessions, built
 * from every template's ids, so no letter takes an id another template's letter keeps.
 */
export class SessionIds {
  readonly drawingIds: IdAllocator;
  readonly controlIds: IdAllocator;
  readonly bookmarkIds: IdAllocator;
  readonly footnoteIds: IdAllocator;
  readonly endnoteIds: IdAllocator;
  readonly seenDrawings = new Set<number>();
  readonly seenControls = new Set<number>();
  readonly seenFootnotes = new Set<number>();
  readonly seenEndnotes = new Set<number>();
  readonly bookmarkNamesTaken = new Set<string>();
  readonly relationshipIdsTaken = new Set<string>();
  readonly partsTaken = new Set<string>();
  readonly uniqueCounters = new Map<string, number>();
  /** The next w:numId a restarted list takes. */
  nextNumId: number;

  constructor(templates: readonly CompiledTemplate[]) {
    const union = <T>(pick: (t: CompiledTemplate) => ReadonlySet<T>): ReadonlySet<T> => {
      if (templates.length === 1) return pick(templates[0] as CompiledTemplate);
      const all = new Set<T>();
      for (const template of templates) for (const value of pick(template)) all.add(value);
      return all;
    };
    this.drawingIds = new IdAllocator(
      union((t) => t.used.drawingIds),
      1,
    );
    this.controlIds = new IdAllocator(
      union((t) => t.used.controlIds),
      1,
    );
    this.bookmarkIds = new IdAllocator(
      union((t) => t.used.bookmarkIds),
      0,
    );
    this.footnoteIds = new IdAllocator(
      union((t) => t.used.footnoteIds),
      1,
    );
    this.endnoteIds = new IdAllocator(
      union((t) => t.used.endnoteIds),
      1,
    );
    let maxNumId = 0;
    for (const template of templates) {
      for (const name of template.used.bookmarkNames)
        this.bookmarkNamesTaken.add(name.toLowerCase());
      for (const r of template.mainRelationships) this.relationshipIdsTaken.add(r.id);
      for (const part of template.parts.keys()) this.partsTaken.add(part.toLowerCase());
      if (template.used.maxNumId > maxNumId) maxNumId = template.used.maxNumId;
    }
    this.nextNumId = maxNumId + 1;
  }
}
