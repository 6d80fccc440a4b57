import type { MergeIssue, MergeRecord } from "@shared/merge";

/** Where the task pane runs. */
export type HostKind = "word" | "teams" | "browser";

/** The host's colour scheme; the pane picks the matching Fluent theme (host/theme.ts). */
export type HostTheme = "light" | "dark" | "contrast";

/** A merge field the letter uses, as the pane lists it under "Fields in the document". */
export interface DocumentField {
  /** As written in the document: a content control's tag, or a MERGEFIELD's name. */
  readonly name: string;
  /** A content control the pane inserted, or a Word MERGEFIELD of an existing letter. */
  readonly form: "contentControl" | "mergeField";
  /** How often the letter uses it. */
  readonly count: number;
}

/** A .docx with the name a download or an upload should carry. */
export interface NamedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * What the document shows now. "letter": the field codes. "preview": one contact's values in
 * place of the fields. "customize": one contact's letter without fields, to edit before saving it
 * as that contact's own letter. Leaving the last two (showFieldCodes) gives back the letter as
 * it was.
 */
export type DocumentMode = "letter" | "preview" | "customize";

/**
 * What the host can do with a document, so features shape their controls to it without asking
 * which host it is.
 */
export interface DocumentCapabilities {
  /**
   * "open": the pane works on the document open in Word. "upload": there is none (browser,
   * Teams); the letter is a .docx the user uploads, and results are downloads.
   */
  readonly source: "open" | "upload";
  /** Clicking a field inserts it at the cursor. Elsewhere the list is for reference. */
  readonly insertField: boolean;
  /** The previewed contact's values appear in the document itself. */
  readonly previewInDocument: boolean;
  /**
   * Where "merge to one document" puts the letters: a new Word document (WordApi 1.3
   * createDocument), the end of this one after a section break, or a download from the server.
   */
  readonly mergeInto: "newDocument" | "appendToDocument" | "download";
  /** Opening a template's letter: a new document, or replacing this document's content. */
  readonly openDocument: "newDocument" | "replaceContent" | "useAsTemplate";
}

export interface SignInCapabilities {
  /**
   * Office's own single sign-on (Office.auth.getAccessToken, IdentityAPI 1.3): Office hands out
   * an access token for the API (the manifest's WebApplicationInfo) from the user's Office
   * sign-in, with no sign-in library in the pane. Rejects with an OfficeSsoError.
   */
  readonly officeSso?: () => Promise<string>;
  /** MSAL nested app authentication: the host (Word with NestedAppAuth 1.1, Teams) brokers tokens. */
  readonly nestedAppAuth: boolean;
  /**
   * Opens the sign-in page in the host's own dialog (Office's dialog API) where neither nested
   * app authentication nor a popup works; resolves with what the page sends back.
   */
  readonly dialog?: (url: string) => Promise<string>;
}

export interface MergeIntoWordOptions {
  /** Checked before Word is touched; an aborted merge leaves the document as it was. */
  readonly signal?: AbortSignal;
  /** For records without a language; the pane's display language. */
  readonly language?: string;
}

export type MergeIntoWordOutcome =
  | {
      readonly destination: "newDocument" | "appendToDocument";
      readonly letters: number;
    }
  | {
      /**
       * The merged document is more than Word takes from an add-in in one call (Word on the web
       * and for Mac: 4 MB), known before sending it or told by Word: the pane hands the user the
       * file instead. Word's document is as it was.
       */
      readonly destination: "file";
      readonly letters: number;
      /** The merged .docx. */
      readonly file: Uint8Array;
      /** What would have gone to Word, in characters (base64 or OOXML). */
      readonly size: number;
      /** The limit known beforehand; absent when Word refused without one being known. */
      readonly limit?: number;
    };

/** A host was asked for something it cannot do (DocumentCapabilities says so beforehand). */
export class HostCapabilityError extends Error {
  override readonly name = "HostCapabilityError";
  constructor(readonly operation: string) {
    super(`${operation} is not available here`);
  }
}

/** The browser or Teams host was asked about the letter before a .docx was uploaded. */
export class NoTemplateError extends Error {
  override readonly name = "NoTemplateError";
  constructor() {
    super("No letter uploaded yet");
  }
}

/**
 * What a feature may ask of the place the pane runs in. Features depend on this interface only,
 * so they never ask "am I in Word?"; word.ts, teams.ts and browser.ts implement it, and
 * `capabilities` tells a feature which controls make sense.
 */
export interface PaneHost {
  readonly kind: HostKind;
  /** BCP 47 tag of the user's Office, Teams or browser display language, e.g. da-DK. */
  readonly displayLanguage: string;
  /** The open document's title, or its file name when it has no title; "" when unknown. */
  documentTitle(): Promise<string>;

  /** The host's theme now. */
  theme(): HostTheme;
  /** Called when the host's theme changes; returns the unsubscribe function. */
  onThemeChange(listener: (theme: HostTheme) => void): () => void;

  readonly capabilities: DocumentCapabilities;
  /** How this host lets the pane sign in (auth/create-token-provider.ts picks the way). */
  readonly signIn: SignInCapabilities;
  /** Called when the letter or its mode changes (an upload, a preview, showing field codes). */
  onDocumentChange(listener: () => void): () => void;
  documentMode(): DocumentMode;

  /** Inserts a merge field at the cursor, showing «name». One round trip to Word. */
  insertField(name: string): Promise<void>;
  /** The merge fields the letter uses, each once, in document order. */
  listFields(): Promise<DocumentField[]>;
  /** Shows the record's values in place of the fields; the field codes are kept to come back to. */
  previewRecord(record: MergeRecord): Promise<void>;
  /** Replaces the document with the record's letter, without fields, to edit it by hand. */
  customizeRecord(record: MergeRecord): Promise<void>;
  /** Ends a preview or a customization: the letter with its field codes, as it was. */
  showFieldCodes(): Promise<void>;
  /** Word's "Check for errors" on the letter with these records. */
  checkMerge(records: readonly MergeRecord[]): Promise<MergeIssue[]>;
  /** Merges the records into one document in Word (capabilities.mergeInto says where). */
  mergeIntoWord(
    records: readonly MergeRecord[],
    options?: MergeIntoWordOptions,
  ): Promise<MergeIntoWordOutcome>;
  /** Opens a .docx: in Word as a new document or as this document's content; elsewhere as the letter. */
  openDocument(file: NamedFile): Promise<void>;
  /** The letter with its fields, as a .docx (to send to the server's merge); undefined before an upload. */
  letterDocx(): Promise<NamedFile | undefined>;
  /** The document as it is now, e.g. a customized letter, as a .docx; undefined where there is none. */
  currentDocx(): Promise<NamedFile | undefined>;
  /** Hands a file to the user (a merged letter, the zip of letters): the browser's download. */
  saveFile(file: Blob, fileName: string): Promise<void>;
  /**
   * Upload hosts only (browser, Teams): the letter belongs to the open segment, so opening
   * another one forgets it; a letter still being read for the segment left behind is dropped.
   */
  forgetLetter?(): void;
  /**
   * Upload hosts only: the record's letter as a .docx, for the pane to show the letter itself
   * where there is no document to preview in; undefined before a letter is uploaded.
   */
  recordLetter?(record: MergeRecord): Promise<Uint8Array | undefined>;
}
