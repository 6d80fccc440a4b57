import { TemplateError } from "../template-error";

/**
 * A flat, checked token stream over a part's text. OOXML is machine-written, so a scanner that
 * knows element boundaries, attributes and text is all the merge needs, and it is an order of
 * magnitude cheaper than a DOM. It is also strict where safety and Word's tolerance demand it:
 * no DTD of any kind, balanced tags, one root, attributes quoted, only the predefined and numeric
 * entity references.
 */
export type XmlTokenKind = "open" | "close" | "empty" | "text" | "cdata" | "other";

export interface XmlToken {
  readonly kind: XmlTokenKind;
  /** The qualified name as written, for open, close and empty tags; "" otherwise. */
  readonly name: string;
  /** Offsets into the part's text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface XmlAttribute {
  readonly name: string;
  /** As written (still escaped). */
  readonly raw: string;
  /** Offsets of the value between the quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

const DTD_DECLARATIONS = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

/** Refuses any DTD before a single byte of the part is interpreted. */
export const refuseDtd = (text: string, part: string): void => {
  if (DTD_DECLARATIONS.test(text)) {
    throw new TemplateError(
      "dtd_refused",
      `${part} declares a DTD or entities; Word documents never need one, so it is refused`,
      part,
    );
  }
};

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Stops a name at whitespace, "/", ">", "=" or a quote. */
const isNameEnd = (c: number): boolean =>
  isSpace(c) || c === 47 || c === 62 || c === 61 || c === 34 || c === 39 || c === 60;

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

const corrupt = (part: string, at: number, why: string): TemplateError =>
  new TemplateError("corrupt_xml", `${part} is not well-formed XML at offset ${at}: ${why}`, part);

/**
 * The next occurrence of one character at or after an offset, remembered: text and attribute
 * values are checked in document order, and a fresh search from each of them would run on to
 * the next occurrence however far it is (to the end of the part when there is none), once per
 * text. Remembering it makes every character searched once.
 */
const nextOf = (xml: string, char: string): ((from: number) => number) => {
  let found = -1;
  let searchedFrom = Number.POSITIVE_INFINITY;
  return (from) => {
    if (from < searchedFrom || (found >= 0 && found < from)) {
      found = xml.indexOf(char, from);
      searchedFrom = from;
    }
    return found < 0 ? xml.length : found;
  };
};

const checkReferences = (
  xml: string,
  from: number,
  to: number,
  part: string,
  nextAmp: (from: number) => number,
): void => {
  for (let amp = nextAmp(from); amp < to; amp = nextAmp(amp + 1)) {
    if (!ENTITY.test(xml.slice(amp, Math.min(amp + 12, to)))) {
      throw corrupt(part, amp, "an undefined entity reference");
    }
  }
};

/**
 * Elements nested deeper than this are refused: the compile and render steps walk nested table
 * rows and fields recursively, and Word's own documents stay a few dozen levels deep.
 */
export const DEFAULT_MAX_DEPTH = 512;

export const tokenizeXml = (
  xml: string,
  part: string,
  maxDepth = DEFAULT_MAX_DEPTH,
): XmlToken[] => {
  refuseDtd(xml, part);
  const tokens: XmlToken[] = [];
  const stack: string[] = [];
  let deepest = 0;
  const n = xml.length;
  let rootClosed = false;
  let rootSeen = false;
  let i = 0;
  const nextAmp = nextOf(xml, "&");
  const nextLessThan = nextOf(xml, "<");
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (stack.length === 0) {
        for (let j = i; j < textEnd; j++) {
          if (!isSpace(xml.charCodeAt(j))) throw corrupt(part, j, "text outside the root element");
        }
      } else {
        checkReferences(xml, i, textEnd, part, nextAmp);
      }
      tokens.push({ kind: "text", name: "", start: i, end: textEnd });
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) throw corrupt(part, lt, "an unterminated processing instruction");
      tokens.push({ kind: "other", name: "", start: lt, end: close + 2 });
      i = close + 2;
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const close = xml.indexOf("-->", lt + 4);
        if (close < 0) throw corrupt(part, lt, "an unterminated comment");
        tokens.push({ kind: "other", name: "", start: lt, end: close + 3 });
        i = close + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        if (stack.length === 0) throw corrupt(part, lt, "CDATA outside the root element");
        const close = xml.indexOf("]]>", lt + 9);
        if (close < 0) throw corrupt(part, lt, "an unterminated CDATA section");
        tokens.push({ kind: "cdata", name: "", start: lt, end: close + 3 });
        i = close + 3;
        continue;
      }
      throw corrupt(part, lt, "a markup declaration");
    }
    if (next === 47 /* / */) {
      let j = lt + 2;
      while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
      const name = xml.slice(lt + 2, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 62) throw corrupt(part, lt, `a malformed end tag </${name}`);
      const open = stack.pop();
      if (open !== name) {
        throw corrupt(part, lt, `</${name}> closes <${open ?? "nothing"}>`);
      }
      tokens.push({ kind: "close", name, start: lt, end: j + 1 });
      if (stack.length === 0) rootClosed = true;
      i = j + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
    const name = xml.slice(lt + 1, j);
    if (name.length === 0) throw corrupt(part, lt, "a tag without a name");
    if (stack.length === 0) {
      if (rootSeen || rootClosed) throw corrupt(part, lt, "a second root element");
      rootSeen = true;
    }
    // Attributes: name = "value" | 'value', separated by whitespace.
    let kind: XmlTokenKind | undefined;
    while (j < n) {
      const c = xml.charCodeAt(j);
      if (isSpace(c)) {
        j++;
        continue;
      }
      if (c === 62 /* > */) {
        kind = "open";
        j++;
        break;
      }
      if (c === 47 /* / */) {
        if (xml.charCodeAt(j + 1) !== 62) throw corrupt(part, j, "a stray '/' in a tag");
        kind = "empty";
        j += 2;
        break;
      }
      const nameStart = j;
      while (j < n && !isNameEnd(xml.charCodeAt(j))) j++;
      if (j === nameStart) throw corrupt(part, j, `an unexpected character in <${name}>`);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 61 /* = */)
        throw corrupt(part, j, `an attribute without a value in <${name}>`);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml.charCodeAt(j);
      if (quote !== 34 && quote !== 39)
        throw corrupt(part, j, `an unquoted attribute in <${name}>`);
      const close = xml.indexOf(quote === 34 ? '"' : "'", j + 1);
      if (close < 0) throw corrupt(part, j, `an unterminated attribute in <${name}>`);
      const lessThan = nextLessThan(j + 1);
      if (lessThan < close) throw corrupt(part, lessThan, "'<' in an attribute value");
      checkReferences(xml, j + 1, close, part, nextAmp);
      j = close + 1;
      const after = xml.charCodeAt(j);
      if (!isSpace(after) && after !== 62 && after !== 47) {
        throw corrupt(part, j, `attributes run together in <${name}>`);
      }
    }
    if (!kind) throw corrupt(part, lt, `an unterminated tag <${name}`);
    tokens.push({ kind, name, start: lt, end: j });
    const depth = stack.length + 1;
    if (depth > deepest) deepest = depth;
    if (kind === "open") stack.push(name);
    else if (stack.length === 0) rootClosed = true;
    i = j;
  }
  if (stack.length > 0)
    throw corrupt(part, n, `<${stack[stack.length - 1] ?? ""}> is never closed`);
  if (!rootSeen) throw corrupt(part, 0, "no root element");
  if (deepest > maxDepth) {
    throw new TemplateError(
      "too_deep",
      `${part} nests elements ${deepest} levels deep; at most ${maxDepth} are accepted`,
      part,
      { limit: maxDepth, actual: deepest },
    );
  }
  return tokens;
};

/** The attributes of an open or empty tag, in document order. */
export const attributesOf = (xml: string, token: XmlToken): XmlAttribute[] => {
  const attributes: XmlAttribute[] = [];
  const end = token.kind === "empty" ? token.end - 2 : token.end - 1;
  let j = token.start + 1 + token.name.length;
  while (j < end) {
    const c = xml.charCodeAt(j);
    if (isSpace(c)) {
      j++;
      continue;
    }
    const nameStart = j;
    while (j < end && !isNameEnd(xml.charCodeAt(j))) j++;
    const name = xml.slice(nameStart, j);
    while (j < end && xml.charCodeAt(j) !== 34 && xml.charCodeAt(j) !== 39) j++;
    const quote = xml[j] ?? '"';
    const close = xml.indexOf(quote, j + 1);
    attributes.push({ name, raw: xml.slice(j + 1, close), valueStart: j + 1, valueEnd: close });
    j = close + 1;
  }
  return attributes;
};

/** One attribute's raw value, or undefined. */
export const attributeOf = (
  xml: string,
  token: XmlToken,
  name: string,
): XmlAttribute | undefined => {
  const tag = xml.slice(token.start, token.end);
  if (tag.indexOf(name) < 0) return undefined;
  return attributesOf(xml, token).find((a) => a.name === name);
};
