import { unescapeXml } from "../xml/xml-escape";
import { attributesOf, tokenizeXml } from "../xml/xml-tokenizer";
import { resolveTarget, sourceOfRelationshipsPart } from "./part-names";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** As written. */
  readonly target: string;
  /** Resolved part name, or undefined for an external target. */
  readonly part: string | undefined;
  /** The element's offsets in the relationships part, to drop it in place. */
  readonly start: number;
  readonly end: number;
}

export const RELATIONSHIP_TYPE = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  header: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
  footer: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
  footnotes: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
  endnotes: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
  numbering: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
  settings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  mailMergeSource:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource",
  recipientData:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/recipientData",
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
} as const;

/** The Word 2010+ comment parts, which hang off the main document beside comments.xml. */
export const COMMENT_RELATIONSHIP_TYPES: readonly string[] = [
  RELATIONSHIP_TYPE.comments,
  "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
  "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
  "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
  "http://schemas.microsoft.com/office/2011/relationships/people",
];

export const parseRelationships = (xml: string, relsPart: string): Relationship[] => {
  const source = sourceOfRelationshipsPart(relsPart);
  const out: Relationship[] = [];
  for (const token of tokenizeXml(xml, relsPart)) {
    if ((token.kind !== "empty" && token.kind !== "open") || !token.name.endsWith("Relationship")) {
      continue;
    }
    let id = "";
    let type = "";
    let target = "";
    let external = false;
    for (const attribute of attributesOf(xml, token)) {
      const value = unescapeXml(attribute.raw);
      if (attribute.name === "Id") id = value;
      else if (attribute.name === "Type") type = value;
      else if (attribute.name === "Target") target = value;
      else if (attribute.name === "TargetMode") external = value === "External";
    }
    let end = token.end;
    if (token.kind === "open") end = xml.indexOf(">", xml.indexOf("</", token.end)) + 1;
    out.push({
      id,
      type,
      target,
      part: external ? undefined : resolveTarget(source, target),
      start: token.start,
      end,
    });
  }
  return out;
};
