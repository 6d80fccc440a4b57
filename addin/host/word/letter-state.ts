import type { DocumentMode } from "../host";
import type { Template } from "../letter-engine";

/**
 * What the Word host remembers about the document between user actions. A preview of a
 * content-control letter changes only the controls' text: their tags bring the field codes
 * back. A preview of a letter with Word MERGEFIELDs, and any customization, replace the body's
 * OOXML: the letter's own OOXML is kept to put back, with its compiled template.
 * A content-control preview remembers each control's text, so "Show field codes" puts back
 * exactly what was there (a control the user filled by hand included).
 */
export type LetterState =
  | { readonly mode: "letter" }
  | {
      readonly mode: "preview";
      readonly via: "controls";
      /** Each content control's text before the preview (its field code), by control id. */
      readonly codes: ReadonlyMap<number, string>;
    }
  | {
      readonly mode: "preview" | "customize";
      readonly via: "ooxml";
      readonly original: string;
      readonly template: Template;
    };

export type OoxmlState = Extract<LetterState, { via: "ooxml" }>;

export const LETTER: LetterState = { mode: "letter" };

export class LetterStateHolder {
  private current: LetterState = LETTER;
  private readonly listeners = new Set<() => void>();

  get state(): LetterState {
    return this.current;
  }

  get mode(): DocumentMode {
    return this.current.mode;
  }

  /** The controls' texts before a content-control preview. */
  get codes(): ReadonlyMap<number, string> | undefined {
    return "codes" in this.current ? this.current.codes : undefined;
  }

  /** The saved letter when the body shows something else. */
  get ooxml(): OoxmlState | undefined {
    return "via" in this.current && this.current.via === "ooxml" ? this.current : undefined;
  }

  /** Listeners hear of a new mode or a new letter kept aside, not of every contact previewed. */
  set(state: LetterState): void {
    const before = this.current;
    const changed =
      state.mode !== before.mode ||
      ("original" in state ? state.original : undefined) !==
        ("original" in before ? before.original : undefined);
    this.current = state;
    if (changed) for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
