import type { CompiledTemplate } from "../compile/compile-template";
import { CONTENT_TYPES_PART } from "../package/content-types";
import { relationshipsPartOf } from "../package/part-names";
import { parseRelationships } from "../package/relationships";
import { isCompressible, type OutputFile } from "../package/zip-writer";
import type { MergeRecord } from "../merge-record";
import { planLetters, type LetterPlan } from "../render/record-flow";
import { RenderSession, type SessionOptions } from "../render/render-session";
import { markLetter } from "./letter-bookmark";
import { editContentTypes, editRelationships } from "./package-edits";
import type { OutputPlan } from "./output-plan";

/**
 * The files of one merged package, produced in the order the zip pulls them. The main
 * document comes first and is rendered letter by letter while it is being compressed; every
 * other part depends on what rendering it decided (new list numbers, copied headers, notes)
 * and is built only after it.
 */
const CHUNK_CHARS = 1 << 20;

export function* mergedPackage(
  template: CompiledTemplate,
  records: readonly MergeRecord[],
  firstRecordNumber: number,
  options: SessionOptions,
  plan: OutputPlan,
  /** With NEXT: the letters the records make (planLetters); planned here, without SKIPIF, if not given. */
  letters?: readonly LetterPlan[],
): Generator<OutputFile> {
  const session = new RenderSession(template, options);
  const document = template.document;
  const flow = document.flow;
  const planned =
    letters ??
    (flow
      ? [
          ...planLetters(
            flow.steps,
            records,
            (at, sequence) =>
              session.contextOf(records[at] as MergeRecord, firstRecordNumber + at, sequence),
            false,
            firstRecordNumber - 1,
          ),
        ]
      : undefined);
  function* body(): Generator<string> {
    yield document.prefix;
    const last = (planned ?? records).length - 1;
    // Letters are joined into chunks of about a megabyte: one join per chunk, no copy per letter.
    const out: string[] = [];
    let size = 0;
    for (let i = 0; i <= last; i++) {
      const from = out.length;
      if (planned)
        session.beginPlannedLetter(
          i,
          planned[i] as LetterPlan,
          records,
          firstRecordNumber,
          i === last,
        );
      else session.beginLetter(i, records[i] as MergeRecord, firstRecordNumber + i, i === last);
      session.render(document.body, out);
      if (options.letterBookmarks) markLetter(out, from, i);
      if (i === last && document.finalSection) session.render([document.finalSection], out);
      for (let j = from; j < out.length; j++) size += (out[j] as string).length;
      if (size >= CHUNK_CHARS) {
        yield out.join("");
        out.length = 0;
        size = 0;
      }
    }
    out.push(document.suffix);
    yield out.join("");
  }
  yield { name: template.mainPart, content: body(), compress: true };

  const stories = new Map<string, string>();
  for (const story of template.stories.values()) {
    const rendered = session.renderedOriginal(story.part);
    if (rendered !== undefined) stories.set(story.part, rendered);
  }
  const notes = (
    part: typeof template.footnotes,
    rendered: readonly string[],
  ): string | undefined =>
    part
      ? part.notes.prefix + part.notes.separators + rendered.join("") + part.notes.suffix
      : undefined;
  const replaced = new Map<string, string>();
  if (template.footnotes)
    replaced.set(template.footnotes.part, notes(template.footnotes, session.footnotes) as string);
  if (template.endnotes)
    replaced.set(template.endnotes.part, notes(template.endnotes, session.endnotes) as string);
  for (const [part, content] of stories) replaced.set(part, content);
  if (template.numbering && session.newNums.length > 0) {
    const { xml, insertAt } = template.numbering;
    replaced.set(
      template.numbering.part,
      xml.slice(0, insertAt) + session.newNums.join("") + xml.slice(insertAt),
    );
  }
  if (template.settings?.mailMerge) {
    const { xml, mailMerge } = template.settings;
    replaced.set(template.settings.part, xml.slice(0, mailMerge[0]) + xml.slice(mailMerge[1]));
  }
  if (plan.settingsRelationships) {
    const { part, xml, remove } = plan.settingsRelationships;
    replaced.set(part, editRelationships(xml, parseRelationships(xml, part), remove, []));
  }
  const copies = session.storyCopies;
  replaced.set(
    template.mainRelationshipsPart,
    editRelationships(
      template.mainRelationshipsXml,
      template.mainRelationships,
      plan.removedMainRelationships,
      copies.map((c) => ({
        id: c.relationshipId,
        type: c.source.relationshipType,
        target: c.target,
      })),
    ),
  );
  replaced.set(
    CONTENT_TYPES_PART,
    editContentTypes(
      template.contentTypesXml,
      plan.removedParts,
      plan.retype,
      copies.map((c) => [c.part, c.source.contentType] as const),
    ),
  );

  const written = new Set<string>([template.mainPart]);
  for (const [part, bytes] of template.parts) {
    if (written.has(part) || plan.removedParts.has(part.toLowerCase())) continue;
    written.add(part);
    const content = replaced.get(part);
    yield { name: part, content: content ?? bytes, compress: isCompressible(part) };
  }
  if (!written.has(template.mainRelationshipsPart)) {
    yield {
      name: template.mainRelationshipsPart,
      content: replaced.get(template.mainRelationshipsPart) as string,
      compress: true,
    };
  }
  for (const copy of copies) {
    yield { name: copy.part, content: copy.content, compress: true };
    const rels = template.parts.get(relationshipsPartOf(copy.source.part));
    if (rels) yield { name: relationshipsPartOf(copy.part), content: rels, compress: true };
  }
}
