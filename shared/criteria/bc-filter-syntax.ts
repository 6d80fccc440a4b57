import { BcFilterError } from "./bc-filter-error";

/**
 * The syntax of a Business Central filter string, read into a tree with positions and no
 * meaning yet (bc-filter.ts gives it one per field type).
 *
 *   filter    := or
 *   or        := and ( "|" and )*
 *   and       := primary ( "&" primary )*          & binds tighter than |
 *   primary   := "(" or ")" | condition
 *   condition := term? ".." term? | comparison? term
 *   comparison:= "<>" | "<=" | ">=" | "<" | ">" | "="
 *   term      := "@"? ( "*" | "?" | quoted | plain )*  * only at the start and/or end
 *   quoted    := "'" ( any but ' | "''" )* "'"
 *
 * Plain text runs until one of | & ( ) < > = or "..", and is trimmed at both ends, so
 * `Aarhus C | Odense` is two cities; quote a value to keep those characters or its spaces.
 * `@` counts only at the start of a term, so `*@firma.dk` is an address ending. `?` outside
 * quotes stands for exactly one character; quoted, it is a ?.
 */

export type BcComparison = "=" | "<>" | "<" | "<=" | ">" | ">=";

export type BcTerm =
  | { readonly kind: "missing"; readonly position: number }
  /** A lone `*`. */
  | { readonly kind: "anything"; readonly position: number }
  /** `''`. */
  | { readonly kind: "emptyString"; readonly position: number }
  | {
      readonly kind: "literal";
      readonly position: number;
      readonly text: string;
      /** Any part was quoted: the author insisted on text. */
      readonly quoted: boolean;
      readonly ignoreCase: boolean;
      readonly leadingStar: boolean;
      readonly trailingStar: boolean;
      /** Unquoted ?s, each one character: `text` then holds a ? at each of their places. */
      readonly single: boolean;
    };

export type BcFilterAst =
  | { readonly kind: "or" | "and"; readonly items: readonly BcFilterAst[] }
  | {
      readonly kind: "compare";
      readonly position: number;
      readonly op: BcComparison | undefined;
      readonly term: BcTerm;
    }
  | {
      readonly kind: "range";
      readonly position: number;
      readonly low: BcTerm;
      readonly high: BcTerm;
    };

const TERM_END = "|&()<>=";
const COMPARISONS: readonly BcComparison[] = ["<>", "<=", ">=", "<", ">", "="];

type Part =
  | { kind: "text"; text: string; quoted: boolean; position: number }
  | { kind: "star"; position: number }
  | { kind: "one"; position: number };

class Reader {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): BcFilterAst {
    if (this.src.trim() === "") this.fail("expected a filter, found nothing", 0);
    const ast = this.or();
    this.skipSpaces();
    if (this.pos < this.src.length) {
      const c = this.src[this.pos];
      const hint =
        c === ")"
          ? " (there is no ( for it to close)"
          : TERM_END.includes(c ?? "") || c === "."
            ? " (quote a value that contains it: 'a<b')"
            : "";
      this.fail(`expected |, & or the end of the filter, found ${this.here()}${hint}`);
    }
    return ast;
  }

  private or(): BcFilterAst {
    return this.list("or", "|", () => this.and());
  }

  private and(): BcFilterAst {
    return this.list("and", "&", () => this.primary());
  }

  private list(kind: "or" | "and", separator: string, item: () => BcFilterAst): BcFilterAst {
    const items = [item()];
    for (;;) {
      this.skipSpaces();
      if (!this.at(separator)) break;
      this.pos += 1;
      items.push(item());
    }
    return items.length === 1 ? (items[0] as BcFilterAst) : { kind, items };
  }

  private primary(): BcFilterAst {
    this.skipSpaces();
    if (!this.at("(")) return this.condition();
    const open = this.pos;
    this.pos += 1;
    const inner = this.or();
    this.skipSpaces();
    if (!this.at(")")) {
      // People count characters from 1; `position` (for the cursor) stays 0-based.
      this.fail(`expected ) to close the ( at character ${open + 1}, found ${this.here()}`);
    }
    this.pos += 1;
    return inner;
  }

  private condition(): BcFilterAst {
    this.skipSpaces();
    const position = this.pos;
    const op = COMPARISONS.find((c) => this.at(c));
    if (op) this.pos += op.length;
    const term = this.term();
    this.skipSpaces();
    if (this.at("..")) {
      if (op) this.fail(`a range (x..y) cannot follow ${op}`, position);
      this.pos += 2;
      // `10000...` would otherwise read as 10000..".", a range that quietly matches nothing.
      if (this.at(".")) {
        this.fail(
          'three dots (...) are not a range: write x.. for "at least x", ..y for "at most y" or x..y for "from x to y"',
        );
      }
      const high = this.term();
      if (term.kind === "missing" && high.kind === "missing") {
        this.fail("expected a value before or after ..", position);
      }
      return { kind: "range", position, low: term, high };
    }
    if (term.kind === "missing") {
      this.fail(
        op
          ? `expected a value after ${op}, found ${this.here()}`
          : `expected a value, found ${this.here()}`,
      );
    }
    return { kind: "compare", position, op, term };
  }

  private term(): BcTerm {
    this.skipSpaces();
    const position = this.pos;
    const ignoreCase = this.at("@");
    if (ignoreCase) this.pos += 1;
    const parts: Part[] = [];
    let plain: { text: string; position: number } | undefined;
    const flush = () => {
      if (plain)
        parts.push({ kind: "text", text: plain.text, quoted: false, position: plain.position });
      plain = undefined;
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === "'") {
        flush();
        parts.push(this.quoted());
      } else if (c === "*") {
        flush();
        parts.push({ kind: "star", position: this.pos });
        this.pos += 1;
      } else if (TERM_END.includes(c) || this.at("..")) {
        break;
      } else if (c === "?") {
        flush();
        parts.push({ kind: "one", position: this.pos });
        this.pos += 1;
      } else {
        plain ??= { text: "", position: this.pos };
        plain.text += c;
        this.pos += 1;
      }
    }
    flush();
    return this.classify(trimEnds(parts), position, ignoreCase);
  }

  private quoted(): Part {
    const position = this.pos;
    this.pos += 1;
    let text = "";
    for (;;) {
      if (this.pos >= this.src.length) {
        this.fail("expected ' to close the quoted value (write '' for a ' inside it)", position);
      }
      const c = this.src[this.pos];
      if (c === "'") {
        if (this.src[this.pos + 1] !== "'") break;
        text += "'";
        this.pos += 2;
      } else {
        text += c;
        this.pos += 1;
      }
    }
    this.pos += 1;
    return { kind: "text", text, quoted: true, position };
  }

  private classify(parts: readonly Part[], position: number, ignoreCase: boolean): BcTerm {
    if (parts.length === 0) return { kind: "missing", position };
    const textIndexes = parts.flatMap((p, i) => (p.kind === "star" ? [] : [i]));
    const first = textIndexes[0];
    const last = textIndexes[textIndexes.length - 1];
    if (first === undefined || last === undefined) return { kind: "anything", position };
    const inner = parts.slice(first, last + 1).find((p) => p.kind === "star");
    if (inner) {
      this.fail(
        "a wildcard in the middle of a value (A*B) is not supported: use * only at the start and/or end (A*, *A, *A*), or quote the value ('A*B') to mean a literal *",
        inner.position,
      );
    }
    const texts = parts.filter((p): p is Extract<Part, { kind: "text" }> => p.kind === "text");
    const single = parts.some((p) => p.kind === "one");
    const literalMark = single && texts.find((p) => p.quoted && /[?*]/.test(p.text));
    if (literalMark) {
      this.fail(
        "a quoted ? or * cannot stand in a value that uses ? as a wildcard: Business Central has no way to tell them apart either",
        literalMark.position,
      );
    }
    const text = parts
      .slice(first, last + 1)
      .map((p) => (p.kind === "text" ? p.text : "?"))
      .join("");
    const leadingStar = first > 0;
    const trailingStar = last < parts.length - 1;
    if (text === "") {
      return leadingStar || trailingStar
        ? { kind: "anything", position }
        : { kind: "emptyString", position };
    }
    return {
      kind: "literal",
      position,
      text,
      quoted: texts.some((p) => p.quoted),
      ignoreCase,
      leadingStar,
      trailingStar,
      single,
    };
  }

  private at(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private skipSpaces(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] as string)) this.pos += 1;
  }

  private here(): string {
    return this.pos >= this.src.length ? "the end of the filter" : `"${this.src[this.pos]}"`;
  }

  private fail(message: string, position = this.pos): never {
    throw new BcFilterError(message, position, this.src);
  }
}

/** Spaces around a plain value are layout, not part of it (quoted values keep theirs). */
const trimEnds = (parts: readonly Part[]): Part[] => {
  const out = [...parts];
  const head = out[0];
  if (head?.kind === "text" && !head.quoted) {
    const text = head.text.trimStart();
    out[0] = { ...head, text, position: head.position + head.text.length - text.length };
  }
  const tailIndex = out.length - 1;
  const tail = out[tailIndex];
  if (tail?.kind === "text" && !tail.quoted)
    out[tailIndex] = { ...tail, text: tail.text.trimEnd() };
  return out.filter((p) => p.kind !== "text" || p.quoted || p.text !== "");
};

/** @throws BcFilterError with the offset of the first thing that cannot be read. */
export const parseBcFilterSyntax = (filter: string): BcFilterAst => new Reader(filter).parse();
