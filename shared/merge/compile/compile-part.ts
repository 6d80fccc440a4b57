import type { FieldExpr } from "../fields/field-instruction";
import { TemplateError } from "../template-error";
import type { FieldUse, TemplateWarning } from "../template-report";
import { unescapeXml } from "../xml/xml-escape";
import { attributeOf, attributesOf, tokenizeXml, type XmlToken } from "../xml/xml-tokenizer";
import type { CompiledNode, FieldNode, LetterEndNode, SectionNode } from "./compiled-nodes";
import { MERGED_KINDS, UNSUPPORTED_KINDS, codeText, mergeFieldsOf, parseField } from "./field-tree";
import { scanPart, type FieldScan, type RunScan } from "./part-scan";
import { compileSection } from "./section-compile";
import { assembleNodes, type Edit } from "./assemble-nodes";
import { compileControl } from "./control-field";
import type { ContentLimits } from "./content-limits";

/**
 * Compiles one part (the main document, a header or footer, the footnotes or endnotes) into
 * static text and slots. Fields are cut out run by run, never by text range, so the XML stays
 * balanced whatever wraps the field's runs (hyperlinks, smart tags, tracked insertions,
 * bookmarks and proofing marks between them).
 */

export interface StyleNumbering {
  readonly numId: number;
  readonly level: number | undefined;
}

export interface PartContext {
  readonly part: string;
  readonly kind: "document" | "story" | "notes";
  /** Paragraph styles that number their paragraphs (styles.xml). */
  readonly styleNumbering: ReadonlyMap<string, StyleNumbering>;
  /** The style id of "Placeholder Text", dropped from a control's value runs. */
  readonly placeholderStyle: string | undefined;
  readonly limits: ContentLimits;
}

export interface CompiledDocumentPart {
  /** Up to and including <w:body>. */
  readonly prefix: string;
  /** One letter: the body's content without the final w:sectPr. */
  readonly body: readonly CompiledNode[];
  readonly finalSection: SectionNode | undefined;
  /** From </w:body> on. */
  readonly suffix: string;
}

export interface CompiledNotes {
  readonly prefix: string;
  /** Separator and continuation notes, kept once as they are. */
  readonly separators: string;
  /** Each footnote or endnote by its id in the template. */
  readonly notes: ReadonlyMap<number, readonly CompiledNode[]>;
  readonly suffix: string;
}

export interface PartFacts {
  readonly uses: FieldUse[];
  readonly warnings: TemplateWarning[];
  readonly bookmarkNames: string[];
  readonly bookmarkIds: number[];
  readonly drawingIds: number[];
  readonly controlIds: number[];
  readonly noteIds: number[];
  readonly numIds: number[];
  /** Fields and content controls, merged or not: what the letter's field limit counts. */
  readonly fieldCount: number;
}

export type CompiledPart =
  | {
      readonly kind: "document";
      readonly document: CompiledDocumentPart;
      readonly facts: PartFacts;
    }
  | { readonly kind: "story"; readonly nodes: readonly CompiledNode[]; readonly facts: PartFacts }
  | { readonly kind: "notes"; readonly notes: CompiledNotes; readonly facts: PartFacts };

interface Region {
  readonly begin: number;
  readonly end: number;
  readonly node: FieldNode;
  readonly row: number;
}

const NOTE_SEPARATOR_TYPES = new Set(["separator", "continuationSeparator", "continuationNotice"]);
const BLOCKS_AFTER_LAST_PARAGRAPH = new Set(["w:tbl", "w:sdt", "w:customXml", "w:altChunk", "w:p"]);

/** Paragraph start tags (<w:p>, <w:p ...>, <w:p/>), counted before the part is parsed. */
const countParagraphs = (xml: string): number => {
  let count = 0;
  for (let at = xml.indexOf("<w:p"); at >= 0; at = xml.indexOf("<w:p", at + 4)) {
    const next = xml.charCodeAt(at + 4);
    if (
      next === 62 /* > */ ||
      next === 47 /* / */ ||
      next === 32 ||
      next === 9 ||
      next === 10 ||
      next === 13
    )
      count++;
  }
  return count;
};

export const compilePart = (xml: string, context: PartContext): CompiledPart => {
  const paragraphs = countParagraphs(xml);
  if (paragraphs > context.limits.maxParagraphsPerPart) {
    throw new TemplateError(
      "too_many_paragraphs",
      `${context.part} has ${paragraphs} paragraphs; at most ${context.limits.maxParagraphsPerPart} are accepted`,
      context.part,
      { limit: context.limits.maxParagraphsPerPart, actual: paragraphs },
    );
  }
  const tokens = tokenizeXml(xml, context.part, context.limits.maxDepth);
  const scan = scanPart(xml, tokens, context.part, context.limits);
  const text = (a: number, b: number): string =>
    xml.slice((tokens[a] as XmlToken).start, (tokens[b] as XmlToken).end);
  const rPrOf = new Map<number, string>();
  for (const run of scan.runs) if (run.rPr) rPrOf.set(run.open, text(run.rPr[0], run.rPr[1]));

  const facts: PartFacts = {
    uses: [],
    warnings: [],
    bookmarkNames: [],
    bookmarkIds: [],
    drawingIds: [],
    controlIds: [],
    noteIds: [],
    numIds: [],
    fieldCount: scan.fieldCount,
  };
  const warn = (code: TemplateWarning["code"], field: string, message: string): void => {
    facts.warnings.push({ code, part: context.part, field, message });
  };
  const positioned: { at: number; use: FieldUse }[] = [];
  const use = (
    at: number,
    expr: FieldExpr,
    insideIf: boolean,
    row: number,
    form: FieldUse["form"],
  ): void => {
    mergeFieldsOf(expr, insideIf, (merge, inIf) =>
      positioned.push({
        at,
        use: {
          name: merge.name,
          form,
          part: context.part,
          switches: merge.switches.raw,
          insideIf: inIf,
          inTableRow: row >= 0,
        },
      }),
    );
  };

  // 1. Which complex fields are merged, and where their runs start and end.
  const regions: Region[] = [];
  const fieldRPr = (field: FieldScan, expr: FieldExpr): string => {
    const mergeFormat =
      expr.kind !== "text" && expr.switches.format.some((f) => f.toUpperCase() === "MERGEFORMAT");
    const code = rPrOf.get(field.firstCodeRun) ?? "";
    const result = rPrOf.get(field.firstResultRun) ?? "";
    return mergeFormat ? result || code : code || result;
  };
  const decide = (field: FieldScan, target: "text" | "code", insideLiveIf: boolean): void => {
    const parsed = parseField(field);
    if (field.end < 0) return;
    if (parsed.ok && field.paragraphAtBegin === field.paragraphAtEnd) {
      const node: FieldNode = {
        t: "field",
        expr: parsed.expr,
        rPr: fieldRPr(field, parsed.expr),
        target,
      };
      regions.push({ begin: field.begin, end: field.end, node, row: field.row });
      use(
        field.begin,
        parsed.expr,
        insideLiveIf || parsed.expr.kind === "if",
        field.row,
        "mergeField",
      );
      return;
    }
    if (parsed.ok) {
      warn(
        "field_spans_paragraphs",
        codeText(field),
        `${parsed.kind} runs over several paragraphs; it is left as a field (its merge fields filled in), to be updated in Word`,
      );
    } else if (MERGED_KINDS.has(parsed.kind)) {
      warn("invalid_field_code", codeText(field), `${codeText(field)}: ${parsed.reason}`);
    } else if (UNSUPPORTED_KINDS.has(parsed.kind)) {
      warn(
        "unsupported_field",
        codeText(field),
        `${parsed.kind} fields are not merged; it is left as it is`,
      );
    }
    const liveIf = insideLiveIf || parsed.kind === "IF";
    for (const piece of field.pieces) if (typeof piece !== "string") decide(piece, "code", liveIf);
    for (const nested of field.inResult) decide(nested, "text", liveIf);
  };
  for (const field of scan.fields) decide(field, "text", false);
  if (scan.unterminatedFields > 0) {
    warn(
      "unterminated_field",
      "",
      `${scan.unterminatedFields} field(s) begin without ending; left as they are`,
    );
  }
  regions.sort((a, b) => a.begin - b.begin);
  const regionAt = (index: number): Region | undefined => {
    let lo = 0;
    let hi = regions.length - 1;
    let found: Region | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const region = regions[mid] as Region;
      if (region.begin <= index) {
        found = region;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && index <= found.end ? found : undefined;
  };

  // 2. Edits: replacements of text ranges by slots, in document order.
  const edits: Edit[] = [];
  const rowKeys = new Map<number, Set<string>>();
  const addRowKeys = (row: number, expr: FieldExpr): void => {
    if (row < 0) return;
    let keys = rowKeys.get(row);
    if (!keys) rowKeys.set(row, (keys = new Set()));
    const target = keys;
    mergeFieldsOf(expr, false, (merge) => target.add(merge.key));
  };
  for (const region of regions) addRowKeys(region.row, region.node.expr);

  const editRun = (run: RunScan): void => {
    if (run.close < 0) return;
    const states = run.children.map(([a, b]) => ({ a, b, region: regionAt(a) }));
    if (!states.some((s) => s.region)) return;
    const open = tokens[run.open] as XmlToken;
    const close = tokens[run.close] as XmlToken;
    if (states.every((s) => s.region)) {
      const nodes = states
        .filter((s) => s.region?.begin === s.a)
        .map((s) => (s.region as Region).node);
      edits.push({ start: open.start, end: close.end, nodes });
      return;
    }
    // A run holding both field parts and other content: close it around the result.
    const startTag = xml.slice(open.start, open.end) + (rPrOf.get(run.open) ?? "");
    for (const s of states) {
      if (!s.region) continue;
      const nodes = s.region.begin === s.a ? ["</w:r>", s.region.node, startTag] : [];
      edits.push({
        start: (tokens[s.a] as XmlToken).start,
        end: (tokens[s.b] as XmlToken).end,
        nodes,
      });
    }
  };
  for (const run of scan.runs) editRun(run);

  for (const simple of scan.simpleFields) {
    if (simple.close < 0) continue;
    const start = (tokens[simple.open] as XmlToken).start;
    const end = (tokens[simple.close] as XmlToken).end;
    if (regionAt(simple.open)) {
      edits.push({ start, end, nodes: [] });
      continue;
    }
    const parsed = parseField({
      begin: simple.open,
      separate: -1,
      end: simple.close,
      pieces: [simple.code],
      inResult: [],
      parent: undefined,
      inParentCode: false,
      paragraphAtBegin: 0,
      paragraphAtEnd: 0,
      firstCodeRun: -1,
      firstResultRun: simple.firstRun,
      resultText: simple.resultText,
      row: simple.row,
    });
    if (!parsed.ok) {
      if (MERGED_KINDS.has(parsed.kind))
        warn("invalid_field_code", simple.code.trim(), `${simple.code.trim()}: ${parsed.reason}`);
      else if (UNSUPPORTED_KINDS.has(parsed.kind)) {
        warn(
          "unsupported_field",
          simple.code.trim(),
          `${parsed.kind} fields are not merged; it is left as it is`,
        );
      }
      continue;
    }
    const node: FieldNode = {
      t: "field",
      expr: parsed.expr,
      rPr: rPrOf.get(simple.firstRun) ?? "",
      target: "text",
    };
    edits.push({ start, end, nodes: [node] });
    use(simple.open, parsed.expr, parsed.expr.kind === "if", simple.row, "mergeField");
    addRowKeys(simple.row, parsed.expr);
  }

  for (const sdt of scan.sdts) {
    if (sdt.close < 0) continue;
    const idToken = sdt.idToken >= 0 ? (tokens[sdt.idToken] as XmlToken) : undefined;
    const idAttribute = idToken ? attributeOf(xml, idToken, "w:val") : undefined;
    const idNode = idAttribute ? Number.parseInt(unescapeXml(idAttribute.raw), 10) : NaN;
    if (Number.isFinite(idNode)) facts.controlIds.push(idNode);
    const tag = sdt.tag?.trim();
    const isField =
      tag &&
      !sdt.disqualified &&
      (sdt.contentKind === "inline" || sdt.contentKind === "block") &&
      sdt.contentOpen >= 0 &&
      sdt.contentClose > sdt.contentOpen &&
      !regionAt(sdt.open);
    if (!isField) {
      if (idAttribute && Number.isFinite(idNode)) {
        edits.push({
          start: idAttribute.valueStart,
          end: idAttribute.valueEnd,
          nodes: [{ t: "controlId", id: idNode }],
        });
      }
      continue;
    }
    const node = compileControl(xml, tokens, scan, sdt, tag, {
      rPrOf,
      placeholderStyle: context.placeholderStyle,
      id:
        idAttribute && Number.isFinite(idNode)
          ? { attribute: idAttribute, value: idNode }
          : undefined,
    });
    edits.push({
      start: (tokens[sdt.open] as XmlToken).start,
      end: (tokens[sdt.close] as XmlToken).end,
      nodes: [node],
    });
    use(sdt.open, node.expr, false, sdt.row, "contentControl");
    addRowKeys(sdt.row, node.expr);
  }

  const valueEdit = (
    index: number,
    attribute: string,
    make: (raw: string) => CompiledNode | undefined,
  ): void => {
    const a = attributeOf(xml, tokens[index] as XmlToken, attribute);
    if (!a) return;
    const node = make(unescapeXml(a.raw));
    if (node) edits.push({ start: a.valueStart, end: a.valueEnd, nodes: [node] });
  };
  const integer = (raw: string): number | undefined => {
    const n = Number.parseInt(raw, 10);
    return Number.isFinite(n) ? n : undefined;
  };
  for (const index of scan.docPrs) {
    valueEdit(index, "id", (raw) => {
      const id = integer(raw);
      if (id === undefined) return undefined;
      facts.drawingIds.push(id);
      return { t: "drawingId", id };
    });
  }
  for (const index of scan.numIds) {
    valueEdit(index, "w:val", (raw) => {
      const id = integer(raw);
      if (id === undefined || id === 0) return undefined;
      facts.numIds.push(id);
      return { t: "numId", id };
    });
  }
  for (const index of scan.noteReferences) {
    const token = tokens[index] as XmlToken;
    valueEdit(index, "w:id", (raw) => {
      const id = integer(raw);
      if (id === undefined) return undefined;
      return { t: token.name === "w:footnoteReference" ? "footnoteRef" : "endnoteRef", id };
    });
  }
  for (const index of scan.anchors) valueEdit(index, "w:anchor", (name) => ({ t: "anchor", name }));
  const bookmark = (index: number, start: boolean): void => {
    const token = tokens[index] as XmlToken;
    let id: number | undefined;
    let name = "";
    let rest = "";
    for (const a of attributesOf(xml, token)) {
      if (a.name === "w:id") id = integer(unescapeXml(a.raw));
      else if (a.name === "w:name" && start) name = unescapeXml(a.raw);
      else rest += ` ${a.name}="${a.raw}"`;
    }
    if (id === undefined) return;
    const end = (tokens[scan.closeOf[index] as number] as XmlToken).end;
    if (start) {
      facts.bookmarkIds.push(id);
      facts.bookmarkNames.push(name);
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
  for (const index of scan.bookmarkStarts) bookmark(index, true);
  for (const index of scan.bookmarkEnds) bookmark(index, false);
  for (const index of scan.comments) {
    const token = tokens[index] as XmlToken;
    edits.push({
      start: token.start,
      end: (tokens[scan.closeOf[index] as number] as XmlToken).end,
      nodes: [],
    });
  }

  // Paragraph start tags (w14:paraId) and style numbering.
  let letterEndParagraph = -1;
  const finalSectPr =
    context.kind === "document" ? scan.sectPrs.find((s) => s.bodyLevel) : undefined;
  if (context.kind === "document" && scan.body) {
    const limit = finalSectPr ? finalSectPr.open : scan.body.close;
    const candidates = scan.paragraphs.filter((p) => p.bodyLevel && p.close < limit);
    const last = candidates[candidates.length - 1];
    if (last && !last.hasSectPr) {
      let blocked = false;
      for (let i = last.close + 1; i < limit; i++) {
        const token = tokens[i] as XmlToken;
        if (
          (token.kind === "open" || token.kind === "empty") &&
          BLOCKS_AFTER_LAST_PARAGRAPH.has(token.name)
        ) {
          blocked = true;
          break;
        }
      }
      if (!blocked) letterEndParagraph = last.open;
    }
  }
  const paragraphTag = (tag: string): CompiledNode => {
    const withoutIds = tag.replace(/\s(w14:paraId|w14:textId)="[^"]*"/g, "");
    return withoutIds === tag ? tag : { t: "paragraphTag", original: tag, withoutIds };
  };
  for (const paragraph of scan.paragraphs) {
    const open = tokens[paragraph.open] as XmlToken;
    const tag = xml.slice(open.start, open.end);
    if (paragraph.open === letterEndParagraph) {
      const letterEnd: LetterEndNode = { t: "letterEnd", wrap: paragraph.pPr ? "none" : "pPr" };
      if (paragraph.pPr && paragraph.pPr[0] === paragraph.pPr[1]) {
        const empty = tokens[paragraph.pPr[0]] as XmlToken;
        edits.push({
          start: empty.start,
          end: empty.end,
          nodes: ["<w:pPr>", letterEnd, "</w:pPr>"],
        });
      } else if (open.kind === "empty") {
        edits.push({
          start: open.start,
          end: open.end,
          nodes: [paragraphTag(tag.replace(/\s*\/>$/, ">")), letterEnd, "</w:p>"],
        });
        continue;
      } else if (!paragraph.pPr) {
        edits.push({ start: open.start, end: open.end, nodes: [paragraphTag(tag), letterEnd] });
        continue;
      } else {
        let at = (tokens[paragraph.pPr[1]] as XmlToken).start;
        for (let i = paragraph.pPr[0] + 1; i < paragraph.pPr[1]; i++) {
          if ((tokens[i] as XmlToken).name === "w:pPrChange") {
            at = (tokens[i] as XmlToken).start;
            break;
          }
        }
        edits.push({ start: at, end: at, nodes: [letterEnd] });
      }
    }
    if (tag.includes("w14:paraId") || tag.includes("w14:textId")) {
      edits.push({ start: open.start, end: open.end, nodes: [paragraphTag(tag)] });
    }
    const numbering =
      paragraph.style !== undefined ? context.styleNumbering.get(paragraph.style) : undefined;
    if (numbering && paragraph.pPr && !paragraph.hasNumbering && paragraph.numPrAt >= 0) {
      edits.push({
        start: paragraph.numPrAt,
        end: paragraph.numPrAt,
        nodes: [{ t: "styleNumbering", numId: numbering.numId, level: numbering.level }],
      });
    }
  }

  // Section properties (main document only): the first one in the body opens each letter.
  let finalSection: SectionNode | undefined;
  if (context.kind === "document") {
    scan.sectPrs.forEach((s, index) => {
      if (s.close < 0) return;
      const node = compileSection(xml, tokens, scan.closeOf, s.open, index === 0);
      if (s === finalSectPr) finalSection = node;
      else
        edits.push({
          start: (tokens[s.open] as XmlToken).start,
          end: (tokens[s.close] as XmlToken).end,
          nodes: [node],
        });
    });
  }

  // Notes: each note's own id.
  const noteEntries: {
    readonly start: number;
    readonly end: number;
    readonly id: number;
    readonly separator: boolean;
  }[] = [];
  if (context.kind === "notes") {
    for (const note of scan.notes) {
      if (note.close < 0) continue;
      const token = tokens[note.open] as XmlToken;
      const id = integer(unescapeXml(attributeOf(xml, token, "w:id")?.raw ?? ""));
      if (id === undefined) continue;
      const type = attributeOf(xml, token, "w:type");
      const separator = type !== undefined && NOTE_SEPARATOR_TYPES.has(unescapeXml(type.raw));
      noteEntries.push({
        start: token.start,
        end: (tokens[note.close] as XmlToken).end,
        id,
        separator,
      });
      facts.noteIds.push(id);
      if (!separator) valueEdit(note.open, "w:id", () => ({ t: "noteId" }));
    }
  }

  positioned.sort((a, b) => a.at - b.at);
  for (const { use: u } of positioned) facts.uses.push(u);

  // 3. Static text and slots, table rows with fields as repeatable containers.
  const containers = [...rowKeys.entries()].map(([row, keys]) => {
    const r = scan.rows[row] as { open: number; close: number };
    return {
      start: (tokens[r.open] as XmlToken).start,
      end: (tokens[r.close] as XmlToken).end,
      keys: [...keys],
    };
  });
  const build = assembleNodes(xml, edits, containers);

  if (context.kind === "document") {
    const body = scan.body;
    if (!body) {
      return { kind: "story", nodes: build(0, xml.length), facts };
    }
    const bodyStart = (tokens[body.open] as XmlToken).end;
    const bodyEnd = finalSectPr
      ? (tokens[finalSectPr.open] as XmlToken).start
      : (tokens[body.close] as XmlToken).start;
    const suffixStart = finalSectPr ? (tokens[finalSectPr.close] as XmlToken).end : bodyEnd;
    const letter = build(bodyStart, bodyEnd);
    // A body ending in a table (or a section break of its own) gets a paragraph for the letter's break.
    if (letterEndParagraph < 0) letter.push({ t: "letterEnd", wrap: "paragraph" });
    const document: CompiledDocumentPart = {
      prefix: xml.slice(0, bodyStart),
      body: letter,
      finalSection,
      suffix: xml.slice(suffixStart),
    };
    return { kind: "document", document, facts };
  }
  if (context.kind === "notes") {
    const notes = new Map<number, CompiledNode[]>();
    let separators = "";
    for (const entry of noteEntries) {
      if (entry.separator) separators += xml.slice(entry.start, entry.end);
      else notes.set(entry.id, build(entry.start, entry.end));
    }
    const first = noteEntries[0];
    const last = noteEntries[noteEntries.length - 1];
    const rootOpen = tokens.findIndex((t) => t.kind === "open");
    const prefixEnd = first ? first.start : (tokens[rootOpen] as XmlToken).end;
    const suffixStart = last
      ? last.end
      : (tokens[scan.closeOf[rootOpen] as number] as XmlToken).start;
    return {
      kind: "notes",
      notes: { prefix: xml.slice(0, prefixEnd), separators, notes, suffix: xml.slice(suffixStart) },
      facts,
    };
  }
  return { kind: "story", nodes: build(0, xml.length), facts };
};
