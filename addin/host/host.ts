/** Where the task pane runs. */
export type HostKind = "word" | "teams" | "browser";

/**
 * What a feature may ask of the place the pane runs in. Features depend on this interface only,
 * so they never ask "am I in Word?"; each host implements it (word.ts, browser.ts, later
 * teams.ts). It grows with the features: insert a field, list fields, preview, merge.
 */
export interface PaneHost {
  readonly kind: HostKind;
  /** BCP 47 tag of the user's Office (or browser) display language, e.g. da-DK. */
  readonly displayLanguage: string;
  /** The open document's title, or its file name when it has no title; "" when unknown. */
  documentTitle(): Promise<string>;
}
