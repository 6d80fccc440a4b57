import { unescapeXml } from "../../xml/xml-escape";
import { attributeOf } from "../../xml/xml-tokenizer";
import type { Edit } from "../assemble-nodes";
import type { CompiledNode } from "../compiled-nodes";
import { tokenAt, type ScannedPart } from "./scanned-part";

/**
 * An edit of one attribute's value: `make` turns the value into a slot, or into nothing to keep
 * the value as it is. Undefined when the element lacks the attribute or keeps it.
 */
export const attributeEdit = (
  part: ScannedPart,
  index: number,
  attribute: string,
  make: (raw: string) => CompiledNode | undefined,
): Edit | undefined => {
  const a = attributeOf(part.xml, tokenAt(part, index), attribute);
  if (!a) return undefined;
  const node = make(unescapeXml(a.raw));
  return node ? { start: a.valueStart, end: a.valueEnd, nodes: [node] } : undefined;
};

/** A decimal integer as Word writes ids; undefined for anything else. */
export const integer = (raw: string): number | undefined => {
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : undefined;
};
