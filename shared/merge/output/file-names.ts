import type { MergeRecord } from "../merge-record";

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
const MAX_BASE_LENGTH = 100;

/** A name every file system and zip tool accepts: no separators or reserved characters, no trailing dots. */
export const sanitizeFileName = (name: string): string => {
  let clean = name.normalize("NFC").replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim();
  clean = clean
    .slice(0, MAX_BASE_LENGTH)
    .replace(/[. ]+$/, "")
    .replace(/^[. ]+/, "");
  if (RESERVED.test(clean)) clean = `${clean}_`;
  return clean;
};

/**
 * One .docx name per record, after record.fileName (the contact's name) or "Letter n", unique
 * without regard to case ("Jens Hansen.docx", "Jens Hansen (2).docx").
 */
export const letterFileNames = (records: readonly MergeRecord[]): string[] => {
  const taken = new Set<string>();
  // Where each name's numbering got to: 3,000 contacts of one name must not each count from 2.
  const next = new Map<string, number>();
  return records.map((record, index) => {
    const base = sanitizeFileName(record.fileName ?? "") || `Letter ${index + 1}`;
    const key = base.toLowerCase();
    let name = `${base}.docx`;
    for (let n = next.get(key) ?? 2; taken.has(name.toLowerCase()); n++) {
      name = `${base} (${n}).docx`;
      next.set(key, n + 1);
    }
    taken.add(name.toLowerCase());
    return name;
  });
};
