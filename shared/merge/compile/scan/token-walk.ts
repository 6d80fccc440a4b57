import type { XmlToken } from "../../xml/xml-tokenizer";

/**
 * Where a token sits: the element it is in (its name and open token; "" and -1 at the root) and
 * how many elements enclose it. For a close token, where the closed element sat.
 */
export interface Enclosing {
  readonly parent: string;
  readonly parentIndex: number;
  readonly depth: number;
}

/**
 * One recognizer of the scan. Each keeps the stack of the one structure it records (runs,
 * paragraphs, fields...), so it can be read, and tested, on its own; the walk gives every
 * recognizer every token, in document order.
 */
export interface ScanRecognizer {
  /** An open or empty tag; the element is not yet on the stack. */
  open?(index: number, token: XmlToken, at: Enclosing): void;
  close?(index: number, token: XmlToken, openIndex: number, at: Enclosing): void;
  /** Text or CDATA. */
  text?(index: number, token: XmlToken): void;
}

/** The one mutable Enclosing the walk moves along: no object per token. */
class Cursor implements Enclosing {
  parent = "";
  parentIndex = -1;
  depth = 0;
}

/**
 * One pass over a part's tokens, each handed to the recognizer (scanPart's is all of them in a
 * fixed order, called one by one, so every call site stays monomorphic and cheap). Returns, for
 * each open token, its close token (every other token maps to itself).
 */
export const walkTokens = (tokens: readonly XmlToken[], recognizer: ScanRecognizer): Int32Array => {
  const closeOf = new Int32Array(tokens.length);
  const stack: number[] = [];
  const at = new Cursor();
  const enter = (): void => {
    const index = stack[stack.length - 1];
    at.parentIndex = index ?? -1;
    at.parent = index === undefined ? "" : (tokens[index] as XmlToken).name;
    at.depth = stack.length;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as XmlToken;
    closeOf[i] = i;
    if (token.kind === "open" || token.kind === "empty") {
      recognizer.open?.(i, token, at);
      if (token.kind === "open") {
        stack.push(i);
        enter();
      }
    } else if (token.kind === "close") {
      const openIndex = stack.pop() as number;
      closeOf[openIndex] = i;
      enter();
      recognizer.close?.(i, token, openIndex, at);
    } else if (token.kind === "text" || token.kind === "cdata") {
      recognizer.text?.(i, token);
    }
  }
  return closeOf;
};
