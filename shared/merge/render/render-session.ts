import type {
  CompiledNode,
  ControlNode,
  LetterEndNode,
  RowNode,
  TableNode,
} from "../compile/compiled-nodes";
import type { CompiledStory, CompiledTemplate } from "../compile/compile-template";
import { restartedNum } from "../compile/numbering-info";
import { normalizeFieldName } from "../fields/field-name";
import type { MergeRecord, MergeValues } from "../merge-record";
import type { Relationship } from "../package/relationships";
import { escapeXmlAttribute } from "../xml/xml-escape";
import type { FieldExpr } from "../fields/field-instruction";
import { evaluateField, type EvaluationContext } from "./evaluate-field";
import type { IdAllocator } from "./id-allocator";
import { recordContext } from "./record-context";
import type { LetterPlan } from "./record-flow";
import { SessionIds } from "./session-ids";
import { ValueLookup } from "./value-lookup";
import { codeRuns, valueRuns } from "./value-runs";

export interface SessionOptions {
  /** Several letters in one document (section break between them) or one letter per document. */
  readonly mode: "single" | "multi";
  readonly keepControls: boolean;
  readonly restartPageNumbering: boolean;
  readonly language: (record: MergeRecord) => string;
  readonly timeZone: string;
  /** Start each letter with a bookmark named letterBookmarkName (output/letter-bookmark.ts). */
  readonly letterBookmarks?: boolean;
}

/** A header or footer copied for one letter. */
export interface StoryCopy {
  readonly source: CompiledStory;
  readonly part: string;
  readonly relationshipId: string;
  readonly target: string;
  readonly content: string;
}

/** A record and the context its fields are evaluated in. */
interface Stretch {
  readonly record: MergeRecord;
  readonly context: EvaluationContext;
}

/** A row of an empty list: written no time. */
const NO_ITEMS = { items: [], prefix: "" } as const;

/** Word's limit for bookmark names. */
const MAX_BOOKMARK_NAME = 40;

/**
 * Renders one output document: the letters in order, with every id that must be unique made so
 * (drawings, bookmarks, content controls, footnotes), lists restarted, headers with fields
 * copied per letter. Letter 0 keeps the template's own ids; later copies take fresh ones.
 */
export class RenderSession {
  private letter = 0;
  private lastLetter = true;
  /** > 0 inside the second and later copies of a repeated table row. */
  private repetition = 0;
  private context: EvaluationContext | undefined;
  private record: MergeRecord | undefined;
  /** The records of a letter with NEXT, per stretch (see LetterPlan); undefined without. */
  private stretches: readonly Stretch[] | undefined;
  private readonly drawingIds: IdAllocator;
  private readonly controlIds: IdAllocator;
  private readonly bookmarkIds: IdAllocator;
  private readonly footnoteIds: IdAllocator;
  private readonly endnoteIds: IdAllocator;
  private readonly seenDrawings: Set<number>;
  private readonly seenControls: Set<number>;
  private readonly seenFootnotes: Set<number>;
  private readonly seenEndnotes: Set<number>;
  private readonly bookmarkNamesTaken: Set<string>;
  private letterBookmarks = new Map<number, number | null>();
  private letterBookmarkNames = new Map<string, string>();
  private bookmarkCounters = new Map<string, number>();
  private letterNums = new Map<number, number>();
  private currentNoteId = 0;
  private inNote = false;
  private readonly storyIds = new Map<string, string>();
  private readonly relationshipIdsTaken: Set<string>;
  private readonly partsTaken: Set<string>;
  private readonly renderedOriginals = new Map<string, string>();
  private readonly uniqueCounters: Map<string, number>;
  private readonly rowKeySets = new WeakMap<readonly string[], ReadonlySet<string>>();
  private readonly mainRelationships: ReadonlyMap<string, Relationship>;

  readonly newNums: string[] = [];
  readonly footnotes: string[] = [];
  readonly endnotes: string[] = [];
  readonly storyCopies: StoryCopy[] = [];

  constructor(
    private readonly template: CompiledTemplate,
    private readonly options: SessionOptions,
    /** Shared when letters of several templates go into one document. */
    private readonly ids: SessionIds = new SessionIds([template]),
  ) {
    this.drawingIds = ids.drawingIds;
    this.controlIds = ids.controlIds;
    this.bookmarkIds = ids.bookmarkIds;
    this.footnoteIds = ids.footnoteIds;
    this.endnoteIds = ids.endnoteIds;
    this.seenDrawings = ids.seenDrawings;
    this.seenControls = ids.seenControls;
    this.seenFootnotes = ids.seenFootnotes;
    this.seenEndnotes = ids.seenEndnotes;
    this.bookmarkNamesTaken = ids.bookmarkNamesTaken;
    this.relationshipIdsTaken = ids.relationshipIdsTaken;
    this.partsTaken = ids.partsTaken;
    this.uniqueCounters = ids.uniqueCounters;
    const byId = new Map<string, Relationship>();
    for (const r of template.mainRelationships) if (!byId.has(r.id)) byId.set(r.id, r);
    this.mainRelationships = byId;
    this.partsTaken = new Set([...template.parts.keys()].map((p) => p.toLowerCase()));
    this.contextOf = recordContext(template, options);
  }

  /** The context a record's fields are evaluated in (MERGEREC, MERGESEQ as given). */
  readonly contextOf: ReturnType<typeof recordContext>;

  beginLetter(
    index: number,
    record: MergeRecord,
    recordNumber: number,
    last: boolean,
    sequenceNumber = recordNumber,
  ): void {
    this.stretches = undefined;
    this.startLetter(index, record, this.contextOf(record, recordNumber, sequenceNumber), last);
  }

  /**
   * A letter of several records (NEXT): each stretch of the body shows the record the plan
   * gives it; a record past the end of `records` is empty, in the first record's language.
   */
  beginPlannedLetter(
    index: number,
    plan: LetterPlan,
    records: readonly MergeRecord[],
    firstRecordNumber: number,
    last: boolean,
  ): void {
    const first = records[plan.first] as MergeRecord;
    const stretches: Stretch[] = [];
    let previous = -1;
    plan.stretches.forEach((at, k) => {
      if (at === previous) {
        stretches.push(stretches[k - 1] as Stretch);
        return;
      }
      previous = at;
      const record = records[at] ?? { values: {}, language: first.language };
      const sequence = plan.sequences[k] as number;
      stretches.push({ record, context: this.contextOf(record, firstRecordNumber + at, sequence) });
    });
    this.stretches = stretches;
    const opening = stretches[0] as Stretch;
    this.startLetter(index, opening.record, opening.context, last);
  }

  private startLetter(
    index: number,
    record: MergeRecord,
    context: EvaluationContext,
    last: boolean,
  ): void {
    this.letter = index;
    this.lastLetter = last;
    this.record = record;
    this.context = context;
    if (index > 0) {
      this.letterBookmarks = new Map();
      this.letterBookmarkNames = new Map();
      this.bookmarkCounters = new Map();
      this.letterNums = new Map();
    }
  }

  /** The content of a header or footer with fields, rendered for letter 0 (or the only letter). */
  renderedOriginal(part: string): string | undefined {
    return this.renderedOriginals.get(part);
  }

  render(nodes: readonly CompiledNode[], out: string[]): void {
    for (const node of nodes) {
      if (typeof node === "string") {
        out.push(node);
        continue;
      }
      switch (node.t) {
        case "field": {
          if (node.expr.kind === "flow") {
            this.followRecordField(node.expr);
            break;
          }
          const text = evaluateField(node.expr, this.evaluation());
          out.push(node.target === "code" ? codeRuns(text, node.rPr) : valueRuns(text, node.rPr));
          break;
        }
        case "control":
          this.control(node, out);
          break;
        case "drawingId":
          out.push(String(this.freshUnlessFirst(node.id, this.seenDrawings, this.drawingIds)));
          break;
        case "controlId":
          out.push(String(this.freshUnlessFirst(node.id, this.seenControls, this.controlIds)));
          break;
        case "numId":
          out.push(String(this.numId(node.id)));
          break;
        case "footnoteRef":
          out.push(String(this.note(node.id, "footnote")));
          break;
        case "endnoteRef":
          out.push(String(this.note(node.id, "endnote")));
          break;
        case "noteId":
          out.push(String(this.currentNoteId));
          break;
        case "bookmarkStart": {
          if (this.repetition > 0) break;
          if (this.letter === 0) {
            out.push(
              `<${node.tag} w:id="${node.id}" w:name="${escapeXmlAttribute(node.name)}"${node.rest}/>`,
            );
            break;
          }
          // Word's own "last edit position" means nothing in a merged letter.
          if (node.name === "_GoBack") {
            this.letterBookmarks.set(node.id, null);
            break;
          }
          const id = this.bookmarkIds.next();
          this.letterBookmarks.set(node.id, id);
          out.push(
            `<${node.tag} w:id="${id}" w:name="${escapeXmlAttribute(this.bookmarkName(node.name))}"${node.rest}/>`,
          );
          break;
        }
        case "bookmarkEnd": {
          if (this.repetition > 0) break;
          if (this.letter === 0) {
            out.push(`<${node.tag} w:id="${node.id}"${node.rest}/>`);
            break;
          }
          const id = this.letterBookmarks.get(node.id);
          if (id !== undefined && id !== null) out.push(`<${node.tag} w:id="${id}"${node.rest}/>`);
          break;
        }
        case "relationship":
          out.push(escapeXmlAttribute(this.storyRelationship(node.id)));
          break;
        case "anchor":
          out.push(
            escapeXmlAttribute(
              this.letter > 0 && this.template.letterBookmarks.has(node.name)
                ? this.bookmarkName(node.name)
                : node.name,
            ),
          );
          break;
        case "paragraphTag":
          out.push(this.letter > 0 || this.repetition > 0 ? node.withoutIds : node.original);
          break;
        case "letterEnd":
          this.letterEnd(node, out);
          break;
        case "section":
          this.render(
            this.options.mode === "multi" && node.firstOfLetter
              ? this.options.restartPageNumbering
                ? node.letterStartRestart
                : node.letterStart
              : node.original,
            out,
          );
          break;
        case "styleNumbering":
          if (this.options.mode === "multi" && this.letter > 0) {
            const level = node.level === undefined ? "" : `<w:ilvl w:val="${node.level}"/>`;
            out.push(`<w:numPr>${level}<w:numId w:val="${this.numId(node.numId)}"/></w:numPr>`);
          }
          break;
        case "row":
          this.row(node, out);
          break;
        case "table":
          this.table(node, out);
          break;
      }
    }
  }

  /** After a NEXT, NEXTIF or SKIPIF the fields show the record the letter's plan gives. */
  private followRecordField(expr: FieldExpr): void {
    const ordinal = this.template.document.flow?.ordinals.get(expr);
    const stretch = ordinal === undefined ? undefined : this.stretches?.[ordinal + 1];
    if (!stretch) return;
    this.record = stretch.record;
    this.context = stretch.context;
  }

  private evaluation(): EvaluationContext {
    if (!this.context) throw new Error("render before beginLetter");
    return this.context;
  }

  private control(node: ControlNode, out: string[]): void {
    const runs = valueRuns(evaluateField(node.expr, this.evaluation()), node.rPr);
    const content =
      node.paragraphStart === undefined ? runs : `${node.paragraphStart}${runs}</w:p>`;
    if (!this.options.keepControls) {
      out.push(content);
      return;
    }
    this.render(node.shellStart, out);
    out.push(content, node.shellEnd);
  }

  private freshUnlessFirst(id: number, seen: Set<number>, allocator: IdAllocator): number {
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
    return allocator.next();
  }

  /**
   * `Name_2`, else `Name_2_1`, `Name_2_2`..., cut to Word's 40 characters. Names cut to the same
   * prefix try the same candidates, so a counter per prefix (and number of digits) resumes where
   * the last one stopped: renaming many such bookmarks never retries the taken candidates again.
   */
  private bookmarkName(name: string): string {
    let renamed = this.letterBookmarkNames.get(name);
    if (renamed !== undefined) return renamed;
    const letter = `_${this.letter + 1}`;
    renamed = name.slice(0, MAX_BOOKMARK_NAME - letter.length) + letter;
    for (let digits = 1; this.bookmarkNamesTaken.has(renamed.toLowerCase()); digits++) {
      const prefix = name.slice(0, MAX_BOOKMARK_NAME - letter.length - 1 - digits);
      const key = `${digits}|${prefix.toLowerCase()}`;
      const end = 10 ** digits;
      let n = this.bookmarkCounters.get(key) ?? 10 ** (digits - 1);
      while (n < end && this.bookmarkNamesTaken.has(`${prefix}${letter}_${n}`.toLowerCase())) n++;
      this.bookmarkCounters.set(key, Math.min(n + 1, end));
      if (n < end) renamed = `${prefix}${letter}_${n}`;
    }
    this.bookmarkNamesTaken.add(renamed.toLowerCase());
    this.letterBookmarkNames.set(name, renamed);
    return renamed;
  }

  private numId(id: number): number {
    const numbering = this.template.numbering;
    if (this.options.mode !== "multi" || this.letter === 0 || !numbering) return id;
    let mapped = this.letterNums.get(id);
    if (mapped === undefined) {
      const fresh = this.ids.nextNumId;
      const xml = restartedNum(numbering, id, fresh);
      if (xml === undefined) mapped = id;
      else {
        this.ids.nextNumId++;
        this.newNums.push(xml);
        mapped = fresh;
      }
      this.letterNums.set(id, mapped);
    }
    return mapped;
  }

  /**
   * Writes the note for this reference (with this letter's values) and returns its id. A
   * reference inside a note (Word never writes one) is left as it is: a note referring to
   * itself would otherwise be written without end.
   */
  private note(id: number, kind: "footnote" | "endnote"): number {
    const part = kind === "footnote" ? this.template.footnotes : this.template.endnotes;
    const nodes = part?.notes.notes.get(id);
    if (!nodes || this.inNote) return id;
    const newId =
      kind === "footnote"
        ? this.freshUnlessFirst(id, this.seenFootnotes, this.footnoteIds)
        : this.freshUnlessFirst(id, this.seenEndnotes, this.endnoteIds);
    const saved = this.currentNoteId;
    this.currentNoteId = newId;
    this.inNote = true;
    try {
      this.render(nodes, kind === "footnote" ? this.footnotes : this.endnotes);
    } finally {
      this.inNote = false;
      this.currentNoteId = saved;
    }
    return newId;
  }

  private storyRelationship(id: string): string {
    const story = this.template.stories.get(id);
    if (!story || !story.perLetter) return id;
    if (this.options.mode === "single" || this.letter === 0) {
      if (!this.renderedOriginals.has(story.part)) {
        const out: string[] = [];
        this.renderAsLetterOpens(story.nodes, out);
        this.renderedOriginals.set(story.part, out.join(""));
      }
      return id;
    }
    const key = `${this.letter}|${id}`;
    let copyId = this.storyIds.get(key);
    if (copyId === undefined) {
      copyId = this.unique(`${id}m${this.letter + 1}`, this.relationshipIdsTaken);
      const slash = story.part.lastIndexOf("/");
      const file = story.part.slice(slash + 1);
      const dot = file.lastIndexOf(".");
      const copyFile = this.unique(
        `${file.slice(0, dot)}-m${this.letter + 1}${file.slice(dot)}`,
        this.partsTaken,
        (candidate) => `${story.part.slice(0, slash + 1)}${candidate}`.toLowerCase(),
      );
      const original = this.mainRelationships.get(id);
      const target = (original?.target ?? file).replace(/[^/]*$/, copyFile);
      const out: string[] = [];
      this.renderAsLetterOpens(story.nodes, out);
      this.storyCopies.push({
        source: story,
        part: `${story.part.slice(0, slash + 1)}${copyFile}`,
        relationshipId: copyId,
        target,
        content: out.join(""),
      });
      this.storyIds.set(key, copyId);
    }
    return copyId;
  }

  /**
   * A header or footer shows the letter's first record, as Word's does, though it is written
   * where the letter's section ends (after its NEXTs).
   */
  private renderAsLetterOpens(nodes: readonly CompiledNode[], out: string[]): void {
    const opening = this.stretches?.[0];
    if (!opening) {
      this.render(nodes, out);
      return;
    }
    const savedRecord = this.record;
    const savedContext = this.context;
    this.record = opening.record;
    this.context = opening.context;
    try {
      this.render(nodes, out);
    } finally {
      this.record = savedRecord;
      this.context = savedContext;
    }
  }

  /** `base`, else `base_2`, `base_3`...; a counter per base resumes where the last copy stopped. */
  private unique(
    base: string,
    taken: Set<string>,
    keyOf: (candidate: string) => string = (c) => c,
  ): string {
    let candidate = base;
    const key = keyOf(base);
    const dot = base.lastIndexOf(".");
    for (let n = this.uniqueCounters.get(key) ?? 2; taken.has(keyOf(candidate)); n++) {
      candidate = dot > 0 ? `${base.slice(0, dot)}_${n}${base.slice(dot)}` : `${base}_${n}`;
      this.uniqueCounters.set(key, n + 1);
    }
    taken.add(keyOf(candidate));
    return candidate;
  }

  private letterEnd(node: LetterEndNode, out: string[]): void {
    if (this.options.mode !== "multi" || this.lastLetter) return;
    const section: string[] = [];
    const final = this.template.document.finalSection;
    if (final) this.render([final], section);
    else
      section.push(
        `<w:sectPr><w:type w:val="nextPage"/>${this.options.restartPageNumbering ? '<w:pgNumType w:start="1"/>' : ""}</w:sectPr>`,
      );
    const sectPr = section.join("");
    if (node.wrap === "none") out.push(sectPr);
    else if (node.wrap === "pPr") out.push(`<w:pPr>${sectPr}</w:pPr>`);
    else out.push(`<w:p><w:pPr>${sectPr}</w:pPr></w:p>`);
  }

  /**
   * A table whose rows all repeat; when the record leaves it no row, what was written of it is
   * taken back (Word repairs a w:tbl without w:tr: [MS-OI29500] 2.1.1424).
   */
  private table(node: TableNode, out: string[]): void {
    const start = out.length;
    let rows = 0;
    for (const child of node.children) {
      if (typeof child !== "string" && child.t === "row") rows += this.row(child, out);
      else if (typeof child === "string") out.push(child);
      else this.render([child], out);
    }
    if (rows > 0) return;
    out.length = start;
    if (node.whenEmpty) out.push(node.whenEmpty);
  }

  /**
   * A table row repeated for each item of the record's matching rows (see matchRows); returns
   * how many copies were written.
   */
  private row(node: RowNode, out: string[]): number {
    const match = this.matchRows(node.keys);
    if (!match) {
      this.render(node.children, out);
      return 1;
    }
    const saved = this.context as EvaluationContext;
    const savedRepetition = this.repetition;
    match.items.forEach((item, index) => {
      this.context = { ...saved, lookup: new ValueLookup(item, saved.lookup, match.prefix) };
      this.repetition = savedRepetition + (index > 0 ? 1 : 0);
      this.render(node.children, out);
    });
    this.context = saved;
    this.repetition = savedRepetition;
    return match.items.length;
  }

  /**
   * Which of the record's row groups a table row shows: the group whose name prefixes one of
   * the row's fields (opportunities.amount: works even when the group is empty), else the
   * first group whose items carry one of the row's fields. Else, when a group is empty and the
   * record itself has none of the row's fields, the row is that empty list's (an empty list's
   * fields cannot be named by its items) and is removed, as Word and docx-mailmerge do.
   */
  private matchRows(
    keys: readonly string[],
  ): { items: readonly MergeValues[]; prefix: string } | undefined {
    const rows = this.record?.rows;
    if (!rows) return undefined;
    let byItems: { items: readonly MergeValues[]; prefix: string } | undefined;
    let keySet: ReadonlySet<string> | undefined;
    let anyEmpty = false;
    for (const group in rows) {
      const items = rows[group] ?? [];
      if (items.length === 0) anyEmpty = true;
      const prefix = normalizeFieldName(group);
      if (keys.some((k) => k.length > prefix.length && k.startsWith(prefix)))
        return { items, prefix };
      if (!byItems && items[0]) {
        // A set: a row of many fields against items of many values is not their product.
        keySet ??= this.rowKeySet(keys);
        const set = keySet;
        if (Object.keys(items[0]).some((k) => set.has(normalizeFieldName(k))))
          byItems = { items, prefix };
      }
    }
    if (byItems || !anyEmpty) return byItems;
    const lookup = this.evaluation().lookup;
    return keys.some((k) => lookup.has(k)) ? undefined : NO_ITEMS;
  }

  private rowKeySet(keys: readonly string[]): ReadonlySet<string> {
    let set = this.rowKeySets.get(keys);
    if (!set) {
      set = new Set(keys);
      this.rowKeySets.set(keys, set);
    }
    return set;
  }
}
