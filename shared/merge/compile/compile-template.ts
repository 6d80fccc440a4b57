import {
  CONTENT_TYPES_PART,
  WORD_MAIN_CONTENT_TYPES,
  contentTypeOf,
  parseContentTypes,
  type ContentTypes,
} from "../package/content-types";
import { relationshipsPartOf } from "../package/part-names";
import type { RawPackage } from "../package/read-package";
import { RELATIONSHIP_TYPE, parseRelationships, type Relationship } from "../package/relationships";
import { TemplateError } from "../template-error";
import type { FieldUse, TemplateWarning } from "../template-report";
import { unescapeXml } from "../xml/xml-escape";
import { decodeXmlPart } from "../xml/xml-text-codec";
import { attributeOf, refuseDtd, tokenizeXml } from "../xml/xml-tokenizer";
import { isRecordDependent, type CompiledNode } from "./compiled-nodes";
import { compilePart } from "./compile-part";
import type { CompiledDocumentPart, CompiledNotes, PartContext, PartFacts } from "./compiled-part";
import { parseNumbering, type NumberingInfo } from "./numbering-info";
import { parseStyles } from "./style-info";
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from "./content-limits";

/** A header or footer part, shared by every letter unless it holds fields. */
export interface CompiledStory {
  readonly part: string;
  readonly relationshipId: string;
  readonly relationshipType: string;
  readonly nodes: readonly CompiledNode[];
  readonly perLetter: boolean;
  readonly contentType: string;
}

export interface CompiledNotesPart {
  readonly part: string;
  readonly notes: CompiledNotes;
  /** Every note id in the part, separators included. */
  readonly ids: ReadonlySet<number>;
}

/** Everything a merge needs, computed once per template. */
export interface CompiledTemplate {
  readonly parts: ReadonlyMap<string, Uint8Array>;
  readonly contentTypes: ContentTypes;
  readonly contentTypesXml: string;
  readonly mainPart: string;
  readonly mainContentType: string;
  readonly mainRelationshipsPart: string;
  readonly mainRelationshipsXml: string;
  readonly mainRelationships: readonly Relationship[];
  readonly document: CompiledDocumentPart;
  /** Headers and footers by relationship id. */
  readonly stories: ReadonlyMap<string, CompiledStory>;
  readonly footnotes: CompiledNotesPart | undefined;
  readonly endnotes: CompiledNotesPart | undefined;
  readonly numbering: NumberingInfo | undefined;
  readonly settings:
    | {
        readonly part: string;
        readonly xml: string;
        readonly mailMerge: readonly [number, number] | undefined;
      }
    | undefined;
  /** The decimal symbol Word saved the template with (settings.xml), for \# pictures. */
  readonly decimalSymbol: string;
  /** Ids in use anywhere in the template: new ones must avoid them. */
  readonly used: {
    readonly drawingIds: ReadonlySet<number>;
    readonly bookmarkIds: ReadonlySet<number>;
    readonly bookmarkNames: ReadonlySet<string>;
    readonly controlIds: ReadonlySet<number>;
    readonly footnoteIds: ReadonlySet<number>;
    readonly endnoteIds: ReadonlySet<number>;
    readonly maxNumId: number;
  };
  /** Bookmark names in parts copied per letter (body, notes, per-letter headers). */
  readonly letterBookmarks: ReadonlySet<string>;
}

export interface CompileResult {
  readonly compiled: CompiledTemplate;
  readonly fields: readonly FieldUse[];
  readonly warnings: readonly TemplateWarning[];
}

const XML_PART = /\.(xml|rels|vml)$/i;

const mailMergeRange = (xml: string, part: string): [number, number] | undefined => {
  const tokens = tokenizeXml(xml, part);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.name !== "w:mailMerge") continue;
    if (token.kind === "empty") return [token.start, token.end];
    if (token.kind !== "open") continue;
    let depth = 0;
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j];
      if (!t) break;
      if (t.kind === "open") depth++;
      else if (t.kind === "close" && --depth === 0) return [token.start, t.end];
    }
  }
  return undefined;
};

/** Start tags in a part, counted before it is parsed: what a part's tokens will cost. */
const countElements = (xml: string): number => {
  let count = 0;
  for (let at = xml.indexOf("<"); at >= 0; at = xml.indexOf("<", at + 1)) {
    const next = xml.charCodeAt(at + 1);
    if (next !== 47 /* / */ && next !== 33 /* ! */ && next !== 63 /* ? */) count++;
  }
  return count;
};

export const compileTemplate = (
  raw: RawPackage,
  limits: ContentLimits = DEFAULT_CONTENT_LIMITS,
): CompileResult => {
  const parts = raw.parts;
  const text = new Map<string, string>();
  const textOf = (part: string): string => {
    let value = text.get(part);
    if (value === undefined) {
      const bytes = parts.get(part);
      if (!bytes) throw new TemplateError("not_word", `the package has no ${part}`, part);
      value = decodeXmlPart(bytes, part);
      text.set(part, value);
    }
    return value;
  };
  const typesBytes = parts.get(CONTENT_TYPES_PART);
  if (!typesBytes)
    throw new TemplateError(
      "not_word",
      "the package has no [Content_Types].xml: it is not an Office document",
    );
  if (!parts.has("_rels/.rels"))
    throw new TemplateError(
      "not_word",
      "the package has no _rels/.rels: it is not an Office document",
    );
  // No part is interpreted before every XML part has been checked for a DTD and its size.
  for (const part of parts.keys()) {
    if (!XML_PART.test(part)) continue;
    const xml = textOf(part);
    refuseDtd(xml, part);
    const elements = countElements(xml);
    if (elements > limits.maxElementsPerPart) {
      throw new TemplateError(
        "too_many_elements",
        `${part} has ${elements} XML elements; at most ${limits.maxElementsPerPart} are accepted`,
        part,
        { limit: limits.maxElementsPerPart, actual: elements },
      );
    }
  }

  const contentTypesXml = textOf(CONTENT_TYPES_PART);
  const contentTypes = parseContentTypes(contentTypesXml);
  const rootRelationships = parseRelationships(textOf("_rels/.rels"), "_rels/.rels");
  const main = rootRelationships.find(
    (r) => r.type === RELATIONSHIP_TYPE.officeDocument && r.part,
  )?.part;
  const mainContentType = main ? contentTypeOf(contentTypes, main) : undefined;
  if (
    !main ||
    !parts.has(main) ||
    !mainContentType ||
    !WORD_MAIN_CONTENT_TYPES.includes(mainContentType)
  ) {
    throw new TemplateError(
      "not_word",
      "the package is not a Word document (no WordprocessingML main part)",
    );
  }
  const mainRelationshipsPart = relationshipsPartOf(main);
  const mainRelationshipsXml = parts.has(mainRelationshipsPart)
    ? textOf(mainRelationshipsPart)
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const mainRelationships = parseRelationships(mainRelationshipsXml, mainRelationshipsPart);
  const related = (type: string): Relationship | undefined =>
    mainRelationships.find((r) => r.type === type && r.part !== undefined && parts.has(r.part));

  const stylesRel = related(RELATIONSHIP_TYPE.styles);
  const styles = stylesRel?.part ? parseStyles(textOf(stylesRel.part), stylesRel.part) : undefined;
  const context = (part: string, kind: PartContext["kind"]): PartContext => ({
    part,
    kind,
    styleNumbering: styles?.numbering ?? new Map(),
    placeholderStyle: styles?.placeholderStyle,
    limits,
  });

  const facts: PartFacts[] = [];
  const letterFacts: PartFacts[] = [];
  const compiledMain = compilePart(textOf(main), context(main, "document"));
  if (compiledMain.kind !== "document") {
    throw new TemplateError("not_word", `${main} has no w:body`, main);
  }
  facts.push(compiledMain.facts);
  letterFacts.push(compiledMain.facts);

  const stories = new Map<string, CompiledStory>();
  for (const r of mainRelationships) {
    if (
      (r.type !== RELATIONSHIP_TYPE.header && r.type !== RELATIONSHIP_TYPE.footer) ||
      !r.part ||
      !parts.has(r.part)
    )
      continue;
    const compiled = compilePart(textOf(r.part), context(r.part, "story"));
    if (compiled.kind !== "story") continue;
    const perLetter = isRecordDependent(compiled.nodes);
    facts.push(compiled.facts);
    if (perLetter) letterFacts.push(compiled.facts);
    stories.set(r.id, {
      part: r.part,
      relationshipId: r.id,
      relationshipType: r.type,
      nodes: compiled.nodes,
      perLetter,
      contentType: contentTypeOf(contentTypes, r.part) ?? "application/xml",
    });
  }
  const notes = (type: string): CompiledNotesPart | undefined => {
    const r = related(type);
    if (!r?.part) return undefined;
    const compiled = compilePart(textOf(r.part), context(r.part, "notes"));
    if (compiled.kind !== "notes") return undefined;
    facts.push(compiled.facts);
    letterFacts.push(compiled.facts);
    return { part: r.part, notes: compiled.notes, ids: new Set(compiled.facts.noteIds) };
  };
  const footnotes = notes(RELATIONSHIP_TYPE.footnotes);
  const endnotes = notes(RELATIONSHIP_TYPE.endnotes);
  const numberingRel = related(RELATIONSHIP_TYPE.numbering);
  const numbering = numberingRel?.part
    ? parseNumbering(textOf(numberingRel.part), numberingRel.part)
    : undefined;
  const settingsRel = related(RELATIONSHIP_TYPE.settings);
  let settings: CompiledTemplate["settings"];
  let decimalSymbol = ".";
  if (settingsRel?.part) {
    const xml = textOf(settingsRel.part);
    settings = { part: settingsRel.part, xml, mailMerge: mailMergeRange(xml, settingsRel.part) };
    for (const token of tokenizeXml(xml, settingsRel.part)) {
      if (token.name === "w:decimalSymbol" && token.kind !== "close") {
        decimalSymbol = unescapeXml(attributeOf(xml, token, "w:val")?.raw ?? ".") || ".";
      }
    }
  }
  const fieldCount = facts.reduce((sum, f) => sum + f.fieldCount, 0);
  if (fieldCount > limits.maxFields) {
    throw new TemplateError(
      "too_many_fields",
      `the letter has ${fieldCount} fields and content controls; at most ${limits.maxFields} are accepted`,
      undefined,
      { limit: limits.maxFields, actual: fieldCount },
    );
  }
  const all = <T>(pick: (f: PartFacts) => readonly T[]): Set<T> => new Set(facts.flatMap(pick));
  // A loop, not Math.max(...ids): spreading a few hundred thousand arguments overflows the stack.
  let maxNumId = numbering?.maxNumId ?? 0;
  for (const f of facts) for (const id of f.numIds) if (id > maxNumId) maxNumId = id;
  const compiled: CompiledTemplate = {
    parts,
    contentTypes,
    contentTypesXml,
    mainPart: main,
    mainContentType,
    mainRelationshipsPart,
    mainRelationshipsXml,
    mainRelationships,
    document: compiledMain.document,
    stories,
    footnotes,
    endnotes,
    numbering,
    settings,
    decimalSymbol,
    used: {
      drawingIds: all((f) => f.drawingIds),
      bookmarkIds: all((f) => f.bookmarkIds),
      bookmarkNames: all((f) => f.bookmarkNames),
      controlIds: all((f) => f.controlIds),
      footnoteIds: new Set([...(footnotes?.ids ?? []), -1, 0]),
      endnoteIds: new Set([...(endnotes?.ids ?? []), -1, 0]),
      maxNumId,
    },
    letterBookmarks: new Set(letterFacts.flatMap((f) => f.bookmarkNames)),
  };
  return {
    compiled,
    fields: facts.flatMap((f) => f.uses),
    warnings: facts.flatMap((f) => f.warnings),
  };
};
