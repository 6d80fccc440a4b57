import { DEFAULT_MAX_DEPTH } from "../xml/xml-tokenizer";

/**
 * Bounds on what a letter may hold, so reading and merging it stay small whatever it is. A
 * real letter is far below each: a few hundred paragraphs, a few dozen fields, runs of a few
 * hundred characters, elements nested a few dozen deep.
 */
export interface ContentLimits {
  /** Elements in one XML part: bounds the memory reading a part takes. */
  readonly maxElementsPerPart: number;
  /** Paragraphs in one story part (the body, a header or footer, the footnotes or endnotes). */
  readonly maxParagraphsPerPart: number;
  /** Fields (MERGEFIELD, IF, PAGE... simple or complex) and content controls, all parts together. */
  readonly maxFields: number;
  /** Characters in one text of a story part: a run's w:t, a field code's w:instrText. */
  readonly maxTextChars: number;
  /** XML elements nested in one another. */
  readonly maxDepth: number;
  /** Fields nested in fields (IF holding a MERGEFIELD is 2). */
  readonly maxFieldDepth: number;
}

export const DEFAULT_CONTENT_LIMITS: ContentLimits = {
  maxElementsPerPart: 2_000_000,
  maxParagraphsPerPart: 100_000,
  maxFields: 10_000,
  maxTextChars: 100_000,
  maxDepth: DEFAULT_MAX_DEPTH,
  maxFieldDepth: 32,
};
