import { parseAddressField, type AddressBlockExpr, type GreetingLineExpr } from "./address-fields";
import { normalizeFieldName } from "./field-name";
import type { FieldSwitches } from "./field-switches";

/**
 * Word field codes as Word reads them: words separated by spaces, "quoted text" (straight or
 * curly quotes, \" and \\ escaped inside), switches beginning with a backslash, and nested fields
 * standing where they appear (inside or outside quotes).
 */

export type ComparisonOperator = "=" | "<>" | "<" | ">" | "<=" | ">=";

export type FieldExpr =
  | {
      readonly kind: "merge";
      readonly name: string;
      /** normalizeFieldName(name), computed once. */
      readonly key: string;
      readonly switches: FieldSwitches;
    }
  | {
      readonly kind: "if";
      readonly left: TextExpr;
      readonly operator: ComparisonOperator;
      readonly right: TextExpr;
      readonly whenTrue: TextExpr;
      readonly whenFalse: TextExpr;
      readonly switches: FieldSwitches;
    }
  /**
   * MERGEREC: the record's place in the data source, skipped records counted; MERGESEQ: how
   * many records the output holds up to this one, skipped records not counted.
   */
  | {
      readonly kind: "recordNumber";
      readonly counts: "source" | "merged";
      readonly switches: FieldSwitches;
    }
  /**
   * NEXT, NEXTIF and SKIPIF: they show nothing and steer which record the fields after them
   * take (render/record-flow.ts). NEXTIF and SKIPIF carry their comparison.
   */
  | {
      readonly kind: "flow";
      readonly flow: "NEXT" | "NEXTIF" | "SKIPIF";
      readonly condition: Comparison | undefined;
    }
  /** A constant: a nested field that is not a merge field (its result as last shown). */
  | { readonly kind: "text"; readonly text: string }
  /** ADDRESSBLOCK and GREETINGLINE, laid out per record (fields/address-fields.ts). */
  | AddressBlockExpr
  | GreetingLineExpr;

/** `expr op expr`, as IF, NEXTIF and SKIPIF compare. */
export interface Comparison {
  readonly left: TextExpr;
  readonly operator: ComparisonOperator;
  readonly right: TextExpr;
}

/** Literal text and nested fields, concatenated. */
export type TextExpr = readonly (string | FieldExpr)[];

/** What a field's code holds: text from w:instrText runs and the nested fields between them. */
export type InstructionPiece = string | FieldExpr;

interface Token {
  readonly quoted: boolean;
  readonly parts: (string | FieldExpr)[];
}

const OPEN_QUOTES = new Set(['"', "\u201c", "\u201e"]);
const CLOSE_QUOTES = new Set(['"', "\u201d", "\u201c"]);
const OPERATORS = new Set<string>(["=", "<>", "<", ">", "<=", ">="]);
/** Switches that take an argument; \m, \v and other flags take none. */
const WITH_ARGUMENT = new Set(["*", "@", "#", "b", "f", "d"]);

const append = (token: Token, text: string): void => {
  const last = token.parts.length - 1;
  if (last >= 0 && typeof token.parts[last] === "string") {
    token.parts[last] = (token.parts[last] as string) + text;
  } else token.parts.push(text);
};

const tokenizeInstruction = (pieces: readonly InstructionPiece[]): Token[] => {
  const tokens: Token[] = [];
  let current: Token | undefined;
  let quoted = false;
  const finish = (): void => {
    if (current && (current.quoted || current.parts.length > 0)) tokens.push(current);
    current = undefined;
  };
  for (const piece of pieces) {
    if (typeof piece !== "string") {
      current ??= { quoted: false, parts: [] };
      current.parts.push(piece);
      continue;
    }
    for (let i = 0; i < piece.length; i++) {
      const ch = piece[i] as string;
      if (quoted) {
        const next = piece[i + 1];
        if (ch === "\\" && (next === '"' || next === "\\")) {
          append(current as Token, next);
          i++;
        } else if (CLOSE_QUOTES.has(ch)) {
          quoted = false;
          finish();
        } else append(current as Token, ch);
      } else if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n" || ch === "\u00a0") {
        finish();
      } else if (OPEN_QUOTES.has(ch)) {
        finish();
        current = { quoted: true, parts: [] };
        quoted = true;
      } else {
        current ??= { quoted: false, parts: [] };
        append(current, ch);
      }
    }
  }
  finish();
  return tokens;
};

const plain = (token: Token | undefined): string =>
  token ? token.parts.filter((p): p is string => typeof p === "string").join("") : "";

const isSwitch = (token: Token): boolean => {
  if (token.quoted) return false;
  const first = token.parts[0];
  return typeof first === "string" && first.startsWith("\\") && first.length >= 2;
};

/** Splits positional arguments from trailing switches. */
const splitSwitches = (tokens: readonly Token[]): { args: Token[]; switches: FieldSwitches } => {
  const args: Token[] = [];
  const format: string[] = [];
  const raw: string[] = [];
  let date: string | undefined;
  let number: string | undefined;
  let before: string | undefined;
  let after: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!isSwitch(token)) {
      if (raw.length === 0) args.push(token);
      continue;
    }
    const text = plain(token);
    const letter = text[1] as string;
    let argument: string | undefined = text.slice(2) || undefined;
    let quotedArgument = false;
    if (argument === undefined && WITH_ARGUMENT.has(letter) && i + 1 < tokens.length) {
      const next = tokens[i + 1] as Token;
      if (!isSwitch(next)) {
        argument = plain(next);
        quotedArgument = next.quoted;
        i++;
      }
    }
    raw.push(
      argument === undefined
        ? `\\${letter}`
        : `\\${letter} ${quotedArgument ? `"${argument}"` : argument}`,
    );
    if (argument === undefined) continue;
    if (letter === "*") format.push(argument);
    else if (letter === "@") date = argument;
    else if (letter === "#") number = argument;
    else if (letter === "b") before = argument;
    else if (letter === "f") after = argument;
  }
  return {
    args,
    switches: {
      format,
      raw,
      ...(date !== undefined && { date }),
      ...(number !== undefined && { number }),
      ...(before !== undefined && { before }),
      ...(after !== undefined && { after }),
    },
  };
};

/** The field's type, upper-cased: MERGEFIELD, IF, PAGE... ("" when the code is empty). */
export const fieldKind = (pieces: readonly InstructionPiece[]): string => {
  const tokens = tokenizeInstruction(pieces);
  return tokens[0] && !tokens[0].quoted ? plain(tokens[0]).toUpperCase() : "";
};

/** A failure to parse a field this engine flattens, explained for the template's warnings. */
export class FieldSyntaxError extends Error {
  override readonly name = "FieldSyntaxError";
}

const textExpr = (token: Token | undefined): TextExpr => (token ? token.parts : []);

/** The record-flow fields: they change the record, so they may stand only in the body's text. */
export const RECORD_FLOW_KINDS: ReadonlySet<string> = new Set(["NEXT", "NEXTIF", "SKIPIF"]);

/**
 * Parses a MERGEFIELD, IF, MERGEREC/MERGESEQ, NEXT, NEXTIF or SKIPIF code. Nested fields must already be
 * FieldExprs. Throws FieldSyntaxError for codes Word itself would reject.
 */
export const parseMergeInstruction = (pieces: readonly InstructionPiece[]): FieldExpr => {
  const tokens = tokenizeInstruction(pieces);
  const kind = plain(tokens[0]).toUpperCase();
  if (kind === "ADDRESSBLOCK" || kind === "GREETINGLINE") {
    const rest = tokens.slice(1).map((t) => ({ quoted: t.quoted, text: plain(t) }));
    return parseAddressField(kind, rest);
  }
  const { args, switches } = splitSwitches(tokens.slice(1));
  if (kind === "MERGEFIELD") {
    // Word takes one word or one quoted string; unquoted names with spaces are taken whole,
    // because that is what their author meant.
    const name = args.map(plain).join(" ").trim();
    if (!name) throw new FieldSyntaxError("MERGEFIELD without a field name");
    return { kind: "merge", name, key: normalizeFieldName(name), switches };
  }
  if (kind === "IF") {
    const [left, operator, right, whenTrue, whenFalse] = args;
    const op = plain(operator);
    if (!left || !right || operator?.quoted || !OPERATORS.has(op)) {
      throw new FieldSyntaxError("IF needs: expression, operator (= <> < > <= >=), expression");
    }
    return {
      kind: "if",
      left: textExpr(left),
      operator: op as ComparisonOperator,
      right: textExpr(right),
      whenTrue: textExpr(whenTrue),
      whenFalse: textExpr(whenFalse),
      switches,
    };
  }
  if (kind === "MERGEREC" || kind === "MERGESEQ")
    return { kind: "recordNumber", counts: kind === "MERGEREC" ? "source" : "merged", switches };
  if (kind === "NEXT") return { kind: "flow", flow: "NEXT", condition: undefined };
  if (kind === "NEXTIF" || kind === "SKIPIF") {
    // Word's syntax: NEXTIF Expression1 Operator Expression2, with nothing after.
    const [left, operator, right] = args;
    const op = plain(operator);
    if (!left || !right || operator?.quoted || !OPERATORS.has(op)) {
      throw new FieldSyntaxError(
        `${kind} needs: expression, operator (= <> < > <= >=), expression`,
      );
    }
    return {
      kind: "flow",
      flow: kind,
      condition: {
        left: textExpr(left),
        operator: op as ComparisonOperator,
        right: textExpr(right),
      },
    };
  }
  throw new FieldSyntaxError(`${kind || "an empty field"} is not a merge field`);
};

/** Switches written after a content control's tag or passed to formatMergeValue. */
export const parseSwitches = (text: string): FieldSwitches =>
  splitSwitches(tokenizeInstruction([text])).switches;

/** A content control tag "Name" or "Name \@ "d MMMM yyyy"": the field name and its switches. */
export const parseTag = (tag: string): { name: string; switches: FieldSwitches } => {
  const slash = tag.indexOf("\\");
  if (slash < 0) return { name: tag.trim(), switches: parseSwitches("") };
  return { name: tag.slice(0, slash).trim(), switches: parseSwitches(tag.slice(slash)) };
};
