import type {
  DocumentCapabilities,
  DocumentField,
  DocumentMode,
  NamedFile,
  PaneHost,
} from "../../../../addin/host/host";

export interface FakeHost extends PaneHost {
  /** Puts the document in a mode, as Word would after an action, and tells the listeners. */
  setMode(mode: DocumentMode): void;
  /** What listFields answers. */
  fields: DocumentField[];
}

/**
 * A PaneHost for component tests: Word-like by default (an open document, WordApi 1.3), every
 * operation a jest.fn that does what the real host reports (modes, letters merged).
 */
export const createFakeHost = ({
  language = "en-US",
  capabilities = {},
  fields = [],
  letter = { fileName: "Letter.docx", bytes: new Uint8Array([80, 75, 3, 4]) },
}: {
  language?: string;
  capabilities?: Partial<DocumentCapabilities>;
  fields?: DocumentField[];
  letter?: NamedFile | undefined;
} = {}): FakeHost => {
  let mode: DocumentMode = "letter";
  const listeners = new Set<() => void>();
  const setMode = (next: DocumentMode) => {
    mode = next;
    for (const listener of listeners) listener();
  };
  const host: FakeHost = {
    kind: "word",
    displayLanguage: language,
    signIn: { nestedAppAuth: false },
    fields,
    setMode,
    documentTitle: async () => "Letter",
    theme: () => "light",
    onThemeChange: () => () => undefined,
    capabilities: {
      source: "open",
      insertField: true,
      previewInDocument: true,
      mergeInto: "newDocument",
      openDocument: "newDocument",
      ...capabilities,
    },
    onDocumentChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    documentMode: () => mode,
    insertField: jest.fn(async (name: string) => {
      host.fields = [...host.fields, { name, form: "contentControl", count: 1 }];
    }),
    listFields: jest.fn(async () => host.fields),
    previewRecord: jest.fn(async () => setMode("preview")),
    customizeRecord: jest.fn(async () => setMode("customize")),
    showFieldCodes: jest.fn(async () => setMode("letter")),
    checkMerge: jest.fn(async () => []),
    mergeIntoWord: jest.fn(async (records: readonly unknown[]) => ({
      destination:
        host.capabilities.mergeInto === "appendToDocument"
          ? ("appendToDocument" as const)
          : ("newDocument" as const),
      letters: records.length,
    })),
    openDocument: jest.fn(async () => undefined),
    letterDocx: jest.fn(async () => letter),
    currentDocx: jest.fn(async () => letter),
    saveFile: jest.fn(async () => undefined),
  };
  return host;
};
