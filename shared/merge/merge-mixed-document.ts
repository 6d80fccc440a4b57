import type { CompiledTemplate } from "./compile/compile-template";
import { compileTemplate } from "./compile/compile-template";
import { MergeError } from "./merge-error";
import type { MergeOptions } from "./merge-options";
import type { MergeRecord } from "./merge-record";
import { mixedPackage, type MixedLetter } from "./mixed/mixed-package";
import { maxAbstractNumIdOf, rebasePackage, type TakenNames } from "./mixed/rebase-package";
import { mergeDocument, mergeDocumentFlatOpc } from "./merge-document";
import { estimateMergeSize } from "./output/output-estimate";
import { DEFAULT_OUTPUT_LIMITS, refuseLargeDocumentSize } from "./output/output-limits";
import { planOutput } from "./output/output-plan";
import { sessionOptions } from "./output/session-options";
import { writeFlatOpc } from "./package/flat-opc-writer";
import { writeZip, type OutputFile } from "./package/zip-writer";
import type { Template } from "./template";

/** One letter of a mixed document: the template it is written from and its record. */
export interface LetterOfTemplate {
  readonly template: Template;
  readonly record: MergeRecord;
}

export interface MixedMergeOptions extends MergeOptions {
  /**
   * The template whose package the others are spliced into (its styles, settings, theme and
   * fonts win, as when Word inserts a file); the first letter's template when not given or
   * when no letter uses it.
   */
  readonly destination?: Template;
}

interface Plan {
  readonly templates: readonly Template[];
  readonly letters: readonly MixedLetter[];
}

const planLetters = (letters: readonly LetterOfTemplate[], options: MixedMergeOptions): Plan => {
  if (letters.length === 0) throw new MergeError("no_records", "there is no record to merge");
  const order = new Map<Template, number>();
  const destination =
    options.destination && letters.some((l) => l.template === options.destination)
      ? options.destination
      : (letters[0] as LetterOfTemplate).template;
  order.set(destination, 0);
  for (const l of letters) if (!order.has(l.template)) order.set(l.template, order.size);
  return {
    templates: [...order.keys()],
    letters: letters.map((l) => ({ template: order.get(l.template) as number, record: l.record })),
  };
};

/** The size estimate of a mixed document: each template's letters, as mergeDocument counts them. */
export const estimateMixedDocumentSize = (letters: readonly LetterOfTemplate[]): number => {
  const groups = new Map<Template, MergeRecord[]>();
  for (const l of letters) {
    const group = groups.get(l.template);
    if (group) group.push(l.record);
    else groups.set(l.template, [l.record]);
  }
  let size = 0;
  for (const [template, records] of groups)
    size += estimateMergeSize(template.compiled, records).oneDocument;
  return size;
};

/**
 * The other templates, each compiled once more after rebase-package.ts renamed its parts,
 * relationship ids and lists beside the destination's (and the ones before it).
 */
const rebased = (templates: readonly Template[]): CompiledTemplate[] => {
  const base = (templates[0] as Template).compiled;
  const taken: TakenNames = {
    parts: new Set([...base.parts.keys()].map((p) => p.toLowerCase())),
    relationshipIds: new Set(base.mainRelationships.map((r) => r.id)),
    maxNumId: base.used.maxNumId,
    maxAbstractNumId: base.numbering ? maxAbstractNumIdOf(base.numbering.xml) : 0,
  };
  return templates.map((template, index) => {
    if (index === 0) return template.compiled;
    const { compiled } = template;
    const parts = rebasePackage(compiled.parts, compiled.mainPart, `t${index + 1}`, taken);
    const again = compileTemplate({ format: template.format, parts }).compiled;
    taken.maxNumId = Math.max(taken.maxNumId, again.used.maxNumId);
    return again;
  });
};

const files = (plan: Plan, options: MixedMergeOptions): Iterable<OutputFile> => {
  const templates = rebased(plan.templates);
  return mixedPackage(
    templates,
    plan.letters,
    sessionOptions(options, plan.letters.length > 1 ? "multi" : "single", false),
    planOutput(templates[0] as CompiledTemplate),
  );
};

const check = (letters: readonly LetterOfTemplate[], options: MixedMergeOptions): Plan => {
  const plan = planLetters(letters, options);
  refuseLargeDocumentSize(estimateMixedDocumentSize(letters), {
    ...DEFAULT_OUTPUT_LIMITS,
    ...options.limits,
  });
  return plan;
};

/**
 * One .docx holding each record's letter from its own template, in the order given: the
 * segment's letter, a line's own template's, another language's. Each letter is its own section
 * with its own template's page setup, headers and footers; a letter's lists never continue
 * another's. With a single template it is exactly mergeDocument.
 */
export const mergeMixedDocument = (
  letters: readonly LetterOfTemplate[],
  options: MixedMergeOptions = {},
): Uint8Array => {
  const plan = check(letters, options);
  if (plan.templates.length === 1)
    return mergeDocument(
      plan.templates[0] as Template,
      letters.map((l) => l.record),
      options,
    );
  return writeZip(files(plan, options), options.compressionLevel ?? 6);
};

/** The same document as flat-OPC XML. */
export const mergeMixedDocumentFlatOpc = (
  letters: readonly LetterOfTemplate[],
  options: MixedMergeOptions = {},
): string => {
  const plan = check(letters, options);
  if (plan.templates.length === 1)
    return mergeDocumentFlatOpc(
      plan.templates[0] as Template,
      letters.map((l) => l.record),
      options,
    );
  return writeFlatOpc(files(plan, options));
};
