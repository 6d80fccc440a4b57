import type { FieldMatches } from "@shared/model/field-match";
import type { AppDeps } from "../app-deps";
import { NotFoundError } from "../errors/app-errors";
import { fixedDocumentId, storedDocumentId, type DocumentId } from "../store/document-names";
import type { LogRun, PinnedLetter, SegmentHeader, StoredLine } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { lineOrHeader, type LogInputs } from "./log-checks";
import {
  findTemplateWithLetters,
  letterIdOf,
  letterInLanguage,
  type TemplateWithLetters,
} from "./template-letters";

/**
 * The copy of a template's letter (in one language) that a logged segment's entries refer to.
 * Business Central's Log likewise copies the segment's attachment once and lets every entry
 * point at the copy, so replacing or deleting the template's letter later changes no entry.
 */
export const loggedLetterId = (
  tenant: TenantId,
  loggedSegmentEntryNo: number,
  templateCode: string,
  letterLanguageCode: string,
): DocumentId =>
  fixedDocumentId(
    tenant,
    { kind: "loggedLetter", loggedSegmentEntryNo },
    JSON.stringify([templateCode, letterLanguageCode]),
  );

const pinKey = (templateCode: string, lineLanguageCode: string) =>
  JSON.stringify([templateCode, lineLanguageCode]);

/**
 * The lines that go out with their template's letter (no own letter, no kept merged copy), by
 * template code and line language, in line order: the letters the Log copies.
 */
export const templateLetterLines = (
  header: SegmentHeader,
  inputs: LogInputs,
): Map<string, Map<string, StoredLine[]>> => {
  const byTemplate = new Map<string, Map<string, StoredLine[]>>();
  for (const line of inputs.lines) {
    if (inputs.keptLetters.has(line.lineNo) || line.attachment.kind === "unique") continue;
    const code = lineOrHeader(line, header, "interactionTemplateCode");
    if (!code) continue;
    const languages = byTemplate.get(code) ?? new Map<string, StoredLine[]>();
    const language = line.languageCode ?? "";
    const lines = languages.get(language);
    if (lines) lines.push(line);
    else languages.set(language, [line]);
    byTemplate.set(code, languages);
  }
  return byTemplate;
};

/** The template's letter a line in `lineLanguageCode` goes out with, as a merge chooses it. */
export const templateLetterFor = (
  found: TemplateWithLetters,
  header: SegmentHeader,
  lineLanguageCode: string,
) =>
  letterInLanguage(found.template, [
    lineLanguageCode || undefined,
    header.languageCode,
    found.template.languageCode,
  ]);

/**
 * Copies, once per logged segment, each template letter the Log's lines go out with, choosing
 * the letter in each line's language as a merge does (letterInLanguage), and records the choice
 * in the run before any entry is written. A Log resumed after the record uses the record and
 * copies nothing; one resumed before it copies again under the same names (fixedDocumentId), and
 * no entry referred to the first copies yet. Returns the run as recorded.
 */
export const pinTemplateLetters = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  inputs: LogInputs,
  run: LogRun,
): Promise<LogRun> => {
  if (run.pinnedLetters) return run;
  const pinned: PinnedLetter[] = [];
  const copies = new Map<string, Promise<boolean>>();
  for (const [templateCode, languages] of templateLetterLines(header, inputs)) {
    const found = await findTemplateWithLetters(deps.store, tenant, templateCode);
    if (!found) continue;
    for (const lineLanguageCode of languages.keys()) {
      const letter = templateLetterFor(found, header, lineLanguageCode);
      const source = letter && letterIdOf(tenant, found, letter.languageCode);
      if (!letter || !source) continue;
      const target = loggedLetterId(
        tenant,
        run.loggedSegmentEntryNo,
        templateCode,
        letter.languageCode,
      );
      let copied = copies.get(target);
      if (!copied) {
        copied = copyLetter(deps, source, target, letter.fileName);
        copies.set(target, copied);
      }
      if (await copied)
        pinned.push({
          templateCode,
          lineLanguageCode,
          letterLanguageCode: letter.languageCode,
          ...(letter.fieldMatches && Object.keys(letter.fieldMatches).length > 0
            ? { fieldMatches: letter.fieldMatches }
            : {}),
        });
    }
  }
  const { etag: _etag, ...rest } = run;
  return deps.store.segments.logRuns.upsert(tenant, header.no, { ...rest, pinnedLetters: pinned });
};

/** False when the template's letter is gone from storage: the entries then have none. */
const copyLetter = async (
  deps: AppDeps,
  source: DocumentId,
  target: DocumentId,
  fileName: string,
): Promise<boolean> => {
  try {
    const bytes = await deps.store.documents.get(source);
    await deps.store.documents.put(target, bytes, { fileName });
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
};

/** The copy of a template's letter an entry refers to, with the letter's Match Fields. */
export interface PinnedCopy {
  readonly id: DocumentId;
  readonly fieldMatches: FieldMatches | undefined;
}

/** The copy a line's entry refers to, from the run's record; undefined when it got none. */
export const pinnedLetterOf = (
  tenant: TenantId,
  run: LogRun,
  header: SegmentHeader,
): ((line: StoredLine) => PinnedCopy | undefined) => {
  const byKey = new Map(
    (run.pinnedLetters ?? []).map((p) => [pinKey(p.templateCode, p.lineLanguageCode), p]),
  );
  return (line) => {
    const code = lineOrHeader(line, header, "interactionTemplateCode");
    const pin = code ? byKey.get(pinKey(code, line.languageCode ?? "")) : undefined;
    return pin
      ? {
          id: loggedLetterId(
            tenant,
            run.loggedSegmentEntryNo,
            pin.templateCode,
            pin.letterLanguageCode,
          ),
          fieldMatches: pin.fieldMatches,
        }
      : undefined;
  };
};

/** The copies a logged segment's entries refer to, each once: they go when the entries go. */
export const loggedLetterCopies = async (
  deps: AppDeps,
  tenant: TenantId,
  loggedSegmentEntryNo: number,
): Promise<DocumentId[]> => {
  const entries = await deps.store.interactions.entriesOfLogged(tenant, loggedSegmentEntryNo);
  const owner = { kind: "loggedLetter", loggedSegmentEntryNo } as const;
  const ids = entries.flatMap((e) => {
    const id = storedDocumentId(tenant, e.documentId, owner);
    return id ? [id] : [];
  });
  return [...new Set(ids)];
};
