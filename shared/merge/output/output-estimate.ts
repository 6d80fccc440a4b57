import { ADDRESS_KEYS } from "../render/address-fields";
import type { CompiledNode } from "../compile/compiled-nodes";
import type { CompiledTemplate } from "../compile/compile-template";
import { restartedNum } from "../compile/numbering-info";
import type { FieldExpr, TextExpr } from "../fields/field-instruction";
import { normalizeFieldName } from "../fields/field-name";
import type { MergeRecord, MergeValue, MergeValues } from "../merge-record";

/**
 * The size a merge will write, estimated before any letter is: from the compiled template (its
 * text and how often each field shows in one letter, computed once per template) and the
 * records' values (each read once). Cheap: proportional to the template and the records, never
 * to the output. Characters count as bytes; what deflate makes of it is not guessed.
 */
export interface MergeSizeEstimate {
  /** One document with every record's letter (mergeDocument). */
  readonly oneDocument: number;
  /** One document per record (mergeEach): all of them, and the largest. */
  readonly perContact: { readonly total: number; readonly largest: number };
}

/** What one letter costs, whatever its record. */
interface LetterShape {
  /** The template's parts written once per document: everything but the letters. */
  readonly fixed: number;
  /** One letter's text, each slot at its own fixed size (run markup, ids, section breaks). */
  readonly perLetter: number;
  /** How often each field (by normalized name) shows in one letter. */
  readonly uses: ReadonlyMap<string, number>;
  /** Repeating table rows: their text, and how often each field shows, per item. */
  readonly rowText: number;
  readonly rowUses: ReadonlyMap<string, number>;
}

/** A field's result in a run: <w:r>, rPr, <w:t xml:space="preserve">...</w:t></w:r>. */
const RUN = 48;
/** An id, a number, a renamed bookmark: what a slot writes at most besides its text. */
const SLOT = 48;

class Tally {
  text = 0;
  readonly uses = new Map<string, number>();
  readonly notes = new Map<string, number>();
  readonly numIds = new Set<number>();

  use(key: string, times: number): void {
    this.uses.set(key, (this.uses.get(key) ?? 0) + times);
  }
}

const textOf = (text: TextExpr, times: number, tally: Tally): void => {
  for (const piece of text) {
    if (typeof piece === "string") tally.text += piece.length * times;
    else expression(piece, times, tally);
  }
};

const expression = (expr: FieldExpr, times: number, tally: Tally): void => {
  switch (expr.kind) {
    case "merge": {
      const { before = "", after = "", date = "", number = "" } = expr.switches;
      // A date picture writes names ("onsdag", "november"); a number picture its literals.
      tally.text += (before.length + after.length + 3 * date.length + number.length) * times;
      tally.use(expr.key, times);
      return;
    }
    case "if":
      for (const side of [expr.left, expr.right, expr.whenTrue, expr.whenFalse])
        textOf(side, times, tally);
      return;
    case "recordNumber":
      tally.text += SLOT * times;
      return;
    case "text":
      tally.text += expr.text.length * times;
      return;
    case "addressBlock":
    case "greetingLine":
      // The name and address fields it reads, with room for a country's name or a greeting.
      for (const key of ADDRESS_KEYS) tally.use(key, times);
      tally.text += 2 * SLOT * times;
  }
};

const walk = (
  nodes: readonly CompiledNode[],
  times: number,
  tally: Tally,
  rows: Tally | undefined,
): void => {
  for (const node of nodes) {
    if (typeof node === "string") {
      tally.text += node.length * times;
      continue;
    }
    switch (node.t) {
      case "field":
        tally.text += (node.rPr.length + RUN) * times;
        expression(node.expr, times, tally);
        break;
      case "control":
        tally.text +=
          (node.rPr.length + RUN + (node.paragraphStart?.length ?? 0) + node.shellEnd.length) *
          times;
        walk(node.shellStart, times, tally, rows);
        expression(node.expr, times, tally);
        break;
      case "bookmarkStart":
      case "bookmarkEnd":
        tally.text += (node.tag.length + node.rest.length + 2 * SLOT) * times;
        break;
      case "paragraphTag":
        tally.text += node.original.length * times;
        break;
      case "section":
        tally.text +=
          Math.max(
            sizeOf(node.original),
            sizeOf(node.letterStart),
            sizeOf(node.letterStartRestart),
          ) * times;
        break;
      case "footnoteRef":
      case "endnoteRef":
        tally.text += SLOT * times;
        tally.notes.set(
          `${node.t}|${node.id}`,
          (tally.notes.get(`${node.t}|${node.id}`) ?? 0) + times,
        );
        break;
      case "numId":
        tally.text += SLOT * times;
        tally.numIds.add(node.id);
        break;
      case "styleNumbering":
        tally.text += 2 * SLOT * times;
        tally.numIds.add(node.numId);
        break;
      case "table":
        walk(node.children, times, tally, rows);
        break;
      case "row":
        walk(node.children, times, tally, rows);
        if (rows) walk(node.children, 1, rows, undefined);
        break;
      default:
        // Ids, relationships, anchors, the letter's end (its section break counted below).
        tally.text += SLOT * times;
    }
  }
};

/** The static size of a run of nodes that holds no fields (a section's properties). */
const sizeOf = (nodes: readonly CompiledNode[]): number => {
  const tally = new Tally();
  walk(nodes, 1, tally, undefined);
  return tally.text;
};

const shapeOf = (template: CompiledTemplate): LetterShape => {
  const letter = new Tally();
  const rows = new Tally();
  const document = template.document;
  walk(document.body, 1, letter, rows);
  if (document.finalSection) walk([document.finalSection], 1, letter, undefined);
  for (const story of template.stories.values())
    if (story.perLetter) walk(story.nodes, 1, letter, rows);
  // Each reference writes its note again, with the letter's values.
  for (const [key, times] of letter.notes) {
    const [kind, id] = key.split("|") as [string, string];
    const part = kind === "footnoteRef" ? template.footnotes : template.endnotes;
    const nodes = part?.notes.notes.get(Number(id));
    if (nodes) walk(nodes, times, letter, undefined);
  }
  // Later letters restart their lists: a new w:num per list used.
  if (template.numbering) {
    for (const id of letter.numIds)
      letter.text += restartedNum(template.numbering, id, 0)?.length ?? 0;
  }
  let fixed = document.prefix.length + document.suffix.length;
  for (const [part, bytes] of template.parts) if (part !== template.mainPart) fixed += bytes.length;
  return {
    fixed,
    perLetter: letter.text,
    uses: letter.uses,
    rowText: rows.text,
    rowUses: rows.uses,
  };
};

const shapes = new WeakMap<CompiledTemplate, LetterShape>();

const shape = (template: CompiledTemplate): LetterShape => {
  let known = shapes.get(template);
  if (!known) {
    known = shapeOf(template);
    shapes.set(template, known);
  }
  return known;
};

/** What a value writes at most, unformatted: formatting a number or a date writes a few dozen. */
const valueSize = (value: MergeValue): number =>
  typeof value === "string" ? value.length : value === null || value === undefined ? 0 : 40;

const valuesSize = (
  values: MergeValues,
  uses: ReadonlyMap<string, number>,
  prefix: string,
): number => {
  let size = 0;
  for (const name in values) {
    const key = normalizeFieldName(name);
    const times = (uses.get(key) ?? 0) + (prefix ? (uses.get(prefix + key) ?? 0) : 0);
    if (times > 0) size += times * valueSize(values[name]);
  }
  return size;
};

/** One record's letter, without the parts written once per document. */
const letterSize = (letter: LetterShape, record: MergeRecord): number => {
  let size = letter.perLetter + valuesSize(record.values, letter.uses, "");
  if (record.rows && letter.rowText > 0) {
    for (const group in record.rows) {
      const prefix = normalizeFieldName(group);
      for (const item of record.rows[group] ?? [])
        size += letter.rowText + valuesSize(item, letter.rowUses, prefix);
    }
  }
  return size;
};

export const estimateMergeSize = (
  template: CompiledTemplate,
  records: readonly MergeRecord[],
): MergeSizeEstimate => {
  const letter = shape(template);
  let letters = 0;
  let largest = 0;
  for (const record of records) {
    const size = letterSize(letter, record);
    letters += size;
    if (size > largest) largest = size;
  }
  // With NEXT a letter shows several records: each record fills its share of the letter, and
  // the last letter is written whole however few records are left for it. NEXTIF may take no
  // record, so only unconditional NEXTs count.
  const share =
    (template.document.flow?.steps.filter((step) => step.flow === "NEXT").length ?? 0) + 1;
  return {
    oneDocument: letter.fixed + (share > 1 ? letters / share + letter.perLetter : letters),
    perContact: {
      total: letter.fixed * records.length + letters,
      largest: records.length > 0 ? letter.fixed + largest : 0,
    },
  };
};
