import { unescapeXml } from "../../xml/xml-escape";
import { attributesOf } from "../../xml/xml-tokenizer";
import type { Edit } from "../assemble-nodes";
import { integer } from "./attribute-edit";
import { tokenAt, type ScannedPart } from "./scanned-part";

export interface BookmarkEdits {
  readonly edits: readonly Edit[];
  /** Of the bookmark starts, in order: later letters take fresh ids and names beside them. */
  readonly bookmarkIds: readonly number[];
  readonly bookmarkNames: readonly string[];
}

/**
 * Bookmarks become slots, so each letter's copy gets a fresh id (and, after the first letter, a
 * renamed name); a bookmark without a numeric id is left as it is.
 */
export const bookmarkEdits = (part: ScannedPart): BookmarkEdits => {
  const edits: Edit[] = [];
  const bookmarkIds: number[] = [];
  const bookmarkNames: string[] = [];
  const bookmark = (index: number, start: boolean): void => {
    const token = tokenAt(part, index);
    let id: number | undefined;
    let name = "";
    let rest = "";
    for (const a of attributesOf(part.xml, token)) {
      if (a.name === "w:id") id = integer(unescapeXml(a.raw));
      else if (a.name === "w:name" && start) name = unescapeXml(a.raw);
      else rest += ` ${a.name}="${a.raw}"`;
    }
    if (id === undefined) return;
    const end = tokenAt(part, part.scan.closeOf[index] as number).end;
    if (start) {
      bookmarkIds.push(id);
      bookmarkNames.push(name);
      edits.push({
        start: token.start,
        end,
        nodes: [{ t: "bookmarkStart", tag: token.name, id, name, rest }],
      });
    } else {
      edits.push({
        start: token.start,
        end,
        nodes: [{ t: "bookmarkEnd", tag: token.name, id, rest }],
      });
    }
  };
  for (const index of part.scan.bookmarkStarts) bookmark(index, true);
  for (const index of part.scan.bookmarkEnds) bookmark(index, false);
  return { edits, bookmarkIds, bookmarkNames };
};
