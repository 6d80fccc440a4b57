/**
 * The parts of the merge engine (shared/merge) the hosts use, in one module so the pane loads
 * them on demand (load-letter-engine.ts) instead of in its first bundle.
 */
import {
  base64ToBytes,
  bytesToBase64,
  checkMerge,
  formatMergeValue,
  fromFlatOpc,
  mergeDocument,
  mergeDocumentFlatOpc,
  mergeOne,
  mergeOneFlatOpc,
  normalizeFieldName,
  readTemplate,
  sanitizeFileName,
  type FieldUse,
  type MergeRecord,
  type MergeValue,
  type Template,
} from "@shared/merge";
import type { DocumentField } from "./host";

export {
  base64ToBytes,
  bytesToBase64,
  checkMerge,
  mergeDocument,
  mergeDocumentFlatOpc,
  mergeOne,
  mergeOneFlatOpc,
  readTemplate,
  sanitizeFileName,
};

/** Word's body.getOoxml() (flat OPC) as a .docx, on Word for the web where getFileAsync is missing. */
export const flatOpcToDocx = (flatOpc: string): Uint8Array => fromFlatOpc(flatOpc);

/** How a content control shows a record's value: the text the merge would write. */
export const recordText = (record: MergeRecord, fallbackLanguage: string | undefined) => {
  // The first non-empty value of names that match wins, as in the merge (render/value-lookup.ts).
  const values = new Map<string, MergeValue>();
  for (const [name, value] of Object.entries(record.values)) {
    const key = normalizeFieldName(name);
    const known = values.get(key);
    if (known === undefined || known === null || known === "") values.set(key, value);
  }
  const language = record.language ?? fallbackLanguage;
  return (fieldName: string): string =>
    formatMergeValue(values.get(normalizeFieldName(fieldName)), { language });
};

/** Field uses (and content-control tags) to the pane's list: each name once, counted, in order. */
export const documentFields = (
  uses: readonly Pick<FieldUse, "name" | "form">[],
): DocumentField[] => {
  const byKey = new Map<string, { name: string; form: DocumentField["form"]; count: number }>();
  for (const use of uses) {
    const name = use.name.trim();
    if (!name) continue;
    const key = normalizeFieldName(name);
    const known = byKey.get(key);
    if (known) known.count += 1;
    else byKey.set(key, { name, form: use.form, count: 1 });
  }
  return [...byKey.values()];
};

export type { Template };
