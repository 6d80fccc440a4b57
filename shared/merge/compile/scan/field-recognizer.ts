import { TemplateError } from "../../template-error";
import { unescapeXml } from "../../xml/xml-escape";
import { attributeOf, type XmlToken } from "../../xml/xml-tokenizer";
import type { FieldScan, SimpleFieldScan } from "./scan-types";
import type { ScanRecognizer } from "./token-walk";

/** Where a field stands: the paragraph, the table row and the run the walk is in. */
export interface FieldSurroundings {
  readonly paragraphs: { currentParagraph(): number };
  readonly rows: { currentRow(): number };
  readonly runs: { currentRun(): number };
}

/**
 * Fields, complex (w:fldChar begin, separate, end) and simple (w:fldSimple), with their code
 * text, the result text Word last showed, and how they nest. Each text goes to every enclosing
 * field's result, so the depth is bounded: past the limit nothing more is added, and the part
 * is refused when the walk ends (finish).
 */
export class FieldRecognizer implements ScanRecognizer {
  /** Outermost complex fields, in order. */
  readonly fields: FieldScan[] = [];
  readonly simpleFields: SimpleFieldScan[] = [];
  /** Complex fields begun, nested or not, ended or not; and simple fields. */
  fieldCount = 0;
  private readonly stack: FieldScan[] = [];
  private readonly simpleStack: SimpleFieldScan[] = [];
  /** For each open simple field, the complex-field form it takes inside a complex field. */
  private readonly simpleAsNested: (FieldScan | undefined)[] = [];
  private capture: "code" | "text" | undefined;
  private endsWithoutBegin = 0;
  private deepest = 0;

  constructor(
    private readonly xml: string,
    private readonly surroundings: FieldSurroundings,
    private readonly maxFieldDepth: number,
  ) {}

  /** Fields that begin without ending, and ends without a beginning. */
  get unterminated(): number {
    return this.endsWithoutBegin + this.stack.length;
  }

  /** Complex fields begun and never ended (when the walk is over), outermost first. */
  get unclosed(): readonly FieldScan[] {
    return this.stack;
  }

  open(index: number, token: XmlToken): void {
    switch (token.name) {
      case "w:fldChar":
        this.fieldChar(index, token);
        break;
      case "w:instrText":
        if (token.kind === "open") this.capture = "code";
        break;
      case "w:t":
        if (token.kind === "open") this.capture = "text";
        break;
      case "w:fldSimple": {
        const instr = attributeOf(this.xml, token, "w:instr");
        const simple: SimpleFieldScan = {
          open: index,
          close: token.kind === "empty" ? index : -1,
          code: instr ? unescapeXml(instr.raw) : "",
          firstRun: -1,
          resultText: "",
          row: this.surroundings.rows.currentRow(),
          nested: this.stack.length > 0 || this.simpleStack.length > 0,
        };
        this.simpleFields.push(simple);
        const nested = this.nestInComplex(index, token, simple);
        if (token.kind === "open") {
          this.simpleStack.push(simple);
          this.simpleAsNested.push(nested);
        }
        this.nest();
        break;
      }
    }
  }

  close(index: number, token: XmlToken): void {
    if (token.name === "w:instrText" || token.name === "w:t") this.capture = undefined;
    else if (token.name === "w:fldSimple") {
      const simple = this.simpleStack.pop();
      const nested = this.simpleAsNested.pop();
      if (simple) simple.close = index;
      if (simple && nested) {
        nested.end = index;
        nested.firstResultRun = simple.firstRun;
        nested.resultText = simple.resultText;
      }
    }
  }

  text(_index: number, token: XmlToken): void {
    if (!this.capture || this.deepest > this.maxFieldDepth) return;
    const text =
      token.kind === "cdata"
        ? this.xml.slice(token.start + 9, token.end - 3)
        : unescapeXml(this.xml.slice(token.start, token.end));
    const run = this.surroundings.runs.currentRun();
    if (this.capture === "code") {
      const field = this.stack[this.stack.length - 1];
      if (field && field.separate < 0) {
        field.pieces.push(text);
        if (field.firstCodeRun < 0 && text.trim()) field.firstCodeRun = run;
      }
      return;
    }
    for (const field of this.stack) {
      if (field.separate < 0) continue;
      field.resultText += text;
      if (field.firstResultRun < 0) field.firstResultRun = run;
    }
    for (const simple of this.simpleStack) {
      simple.resultText += text;
      if (simple.firstRun < 0) simple.firstRun = run;
    }
  }

  /** Refuses the part when its fields nest deeper than the limit. */
  finish(part: string): void {
    if (this.deepest <= this.maxFieldDepth) return;
    throw new TemplateError(
      "fields_too_deep",
      `${part} nests fields ${this.deepest} deep; at most ${this.maxFieldDepth} are accepted`,
      part,
      { limit: this.maxFieldDepth, actual: this.deepest },
    );
  }

  private fieldChar(index: number, token: XmlToken): void {
    const type = attributeOf(this.xml, token, "w:fldCharType");
    const kind = type ? unescapeXml(type.raw) : undefined;
    if (kind === "begin") {
      const parent = this.innermostOpen();
      const field: FieldScan = {
        begin: index,
        separate: -1,
        end: -1,
        pieces: [],
        inResult: [],
        parent,
        inParentCode: parent !== undefined && parent.separate < 0,
        paragraphAtBegin: this.surroundings.paragraphs.currentParagraph(),
        paragraphAtEnd: -1,
        firstCodeRun: -1,
        firstResultRun: -1,
        resultText: "",
        row: this.surroundings.rows.currentRow(),
      };
      if (parent) {
        if (field.inParentCode) parent.pieces.push(field);
        else parent.inResult.push(field);
      }
      this.stack.push(field);
      this.nest();
    } else if (kind === "separate") {
      const field = this.stack[this.stack.length - 1];
      if (field && field.separate < 0) field.separate = index;
    } else if (kind === "end") {
      const field = this.stack.pop();
      if (!field) {
        this.endsWithoutBegin++;
        return;
      }
      field.end = index;
      field.paragraphAtEnd = this.surroundings.paragraphs.currentParagraph();
      if (!field.parent) this.fields.push(field);
    }
  }

  /**
   * A simple field directly inside a complex field's code or result is a nested field of it, as
   * a nested complex field is: a field whose code is its w:instr (which cannot itself hold
   * fields), so the enclosing IF evaluates it per record instead of reading its last result.
   */
  private nestInComplex(
    index: number,
    token: XmlToken,
    simple: SimpleFieldScan,
  ): FieldScan | undefined {
    const parent = this.stack[this.stack.length - 1];
    if (!parent || this.simpleStack.length > 0) return undefined;
    const paragraph = this.surroundings.paragraphs.currentParagraph();
    const nested: FieldScan = {
      begin: index,
      // Its code is whole (the attribute): whatever the element holds is its result.
      separate: index,
      end: token.kind === "empty" ? index : -1,
      pieces: [simple.code],
      inResult: [],
      parent,
      inParentCode: parent.separate < 0,
      paragraphAtBegin: paragraph,
      paragraphAtEnd: paragraph,
      firstCodeRun: -1,
      firstResultRun: -1,
      resultText: "",
      row: simple.row,
    };
    if (nested.inParentCode) parent.pieces.push(nested);
    else parent.inResult.push(nested);
    return nested;
  }

  /**
   * The field a complex field begins in: the innermost open complex field, or a simple field
   * nested in it when the begin stands inside that simple field (then it is in its result).
   */
  private innermostOpen(): FieldScan | undefined {
    const complex = this.stack[this.stack.length - 1];
    const simple = this.simpleAsNested[this.simpleAsNested.length - 1];
    return simple && complex && simple.begin > complex.begin ? simple : complex;
  }

  private nest(): void {
    this.fieldCount++;
    this.deepest = Math.max(this.deepest, this.stack.length + this.simpleStack.length);
  }
}
