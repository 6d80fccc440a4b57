import { TemplateError } from "../../template-error";
import type { XmlToken } from "../../xml/xml-tokenizer";
import type { ScanRecognizer } from "./token-walk";

/** Refuses a part holding a text (a run's text, a field code) longer than the limit. */
export class TextLimit implements ScanRecognizer {
  constructor(
    private readonly part: string,
    private readonly maxTextChars: number,
  ) {}

  text(_index: number, token: XmlToken): void {
    const length = token.end - token.start;
    if (length <= this.maxTextChars) return;
    throw new TemplateError(
      "text_too_long",
      `${this.part} holds a text of ${length} characters in one run; at most ${this.maxTextChars} are accepted`,
      this.part,
      { limit: this.maxTextChars, actual: length },
    );
  }
}
