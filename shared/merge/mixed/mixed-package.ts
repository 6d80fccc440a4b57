import { markLetter } from "../output/letter-bookmark";
import type { CompiledNotesPart, CompiledTemplate } from "../compile/compile-template";
import type { MergeRecord } from "../merge-record";
import { CONTENT_TYPES_PART, contentTypeOf } from "../package/content-types";
import { relationshipsPartOf } from "../package/part-names";
import { RELATIONSHIP_TYPE, parseRelationships, type Relationship } from "../package/relationships";
import { isCompressible, type OutputFile } from "../package/zip-writer";
import { RenderSession, type SessionOptions } from "../render/render-session";
import { SessionIds } from "../render/session-ids";
import { decodeXmlPart } from "../xml/xml-text-codec";
import { editContentTypes, editRelationships, type NewRelationship } from "../output/package-edits";
import type { OutputPlan } from "../output/output-plan";
import { abstractInsertAt, listsOf, mergedStyles, withNamespacesOf } from "./shared-parts";

/** One letter of a mixed document: the template (by index) and its record. */
export interface MixedLetter {
  readonly template: number;
  readonly record: MergeRecord;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const WML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

/**
 * Parts of the destination every letter shares: another template's are not carried over (its
 * styles, lists and notes are merged into the destination's; its settings, theme and fonts
 * give way to the destination's, as when Word inserts a file).
 */
const SHARED_TYPES = new Set(
  [
    "styles",
    "numbering",
    "settings",
    "fontTable",
    "theme",
    "webSettings",
    "footnotes",
    "endnotes",
    "comments",
    "customXml",
    "glossaryDocument",
  ].map((t) => REL + t),
);
const isShared = (type: string): boolean =>
  SHARED_TYPES.has(type) ||
  type.startsWith("http://schemas.microsoft.com/office/") ||
  type.endsWith("/stylesWithEffects");

/**
 * The files of one document holding letters of several templates, in the order given, each in
 * its own section with its own headers and footers. Template 0 is the destination: its package
 * is the output's, the others' (rebased: rebase-package.ts) bring their bodies, headers,
 * footers, pictures and other related parts under their own names, their missing styles, their
 * lists and their notes. Each template renders its letters in a session of its own; the
 * sessions share one set of ids, so the document's ids stay unique.
 */
export function* mixedPackage(
  templates: readonly CompiledTemplate[],
  letters: readonly MixedLetter[],
  options: SessionOptions,
  plan: OutputPlan,
): Generator<OutputFile> {
  const base = templates[0] as CompiledTemplate;
  const ids = new SessionIds(templates);
  const sessions = templates.map((t) => new RenderSession(t, options, ids));
  const others = templates.slice(1);
  const text = (t: CompiledTemplate, part: string): string | undefined => {
    const bytes = t.parts.get(part);
    return bytes ? decodeXmlPart(bytes, part) : undefined;
  };

  const baseLetters = letters.filter((l) => l.template === 0).length;
  function* body(): Generator<string> {
    yield withNamespacesOf(
      base.document.prefix,
      others.map((t) => t.document.prefix),
    );
    const out: string[] = [];
    const last = letters.length - 1;
    let baseIndex = 0;
    for (let i = 0; i <= last; i++) {
      const letter = letters[i] as MixedLetter;
      const session = sessions[letter.template] as RenderSession;
      const template = templates[letter.template] as CompiledTemplate;
      // The destination's first letter keeps its ids; every other letter is a copy (index > 0).
      const index = letter.template === 0 ? baseIndex++ : baseLetters + i + 1;
      session.beginLetter(index, letter.record, i + 1, i === last);
      const from = out.length;
      session.render(template.document.body, out);
      if (options.letterBookmarks) markLetter(out, from, i);
      if (i === last && template.document.finalSection)
        session.render([template.document.finalSection], out);
      if (out.length > 4096) {
        yield out.join("");
        out.length = 0;
      }
    }
    out.push(base.document.suffix);
    yield out.join("");
  }
  yield { name: base.mainPart, content: body(), compress: true };

  const replaced = new Map<string, string>();
  const newRels: NewRelationship[] = [];
  const newTypes: [string, string][] = [];
  const extraParts: OutputFile[] = [];

  for (const story of base.stories.values()) {
    const rendered = sessions[0]?.renderedOriginal(story.part);
    if (rendered !== undefined) replaced.set(story.part, rendered);
  }

  // Notes: the first template with a notes part hosts every template's notes.
  const hostNotes = (
    pick: (t: CompiledTemplate) => CompiledNotesPart | undefined,
    rendered: (s: RenderSession) => readonly string[],
    kind: "footnotes" | "endnotes",
  ): void => {
    const host = templates.findIndex((t) => pick(t) !== undefined);
    if (host < 0) return;
    const part = pick(templates[host] as CompiledTemplate) as CompiledNotesPart;
    const all = sessions.flatMap((s) => rendered(s));
    const hosts = templates.flatMap((t) => {
      const p = pick(t);
      return p ? [p.notes.prefix] : [];
    });
    const xml =
      withNamespacesOf(part.notes.prefix, hosts.slice(1)) +
      part.notes.separators +
      all.join("") +
      part.notes.suffix;
    if (host === 0) replaced.set(part.part, xml);
    else {
      extraParts.push({ name: part.part, content: xml, compress: true });
      newRels.push({ id: relationshipId(kind), type: REL + kind, target: targetOf(part.part) });
      newTypes.push([part.part, `${WML}${kind}+xml`]);
    }
  };
  const relationshipId = (base: string): string => {
    let id = `rId${base}`;
    for (let n = 2; ids.relationshipIdsTaken.has(id); n++) id = `rId${base}${n}`;
    ids.relationshipIdsTaken.add(id);
    return id;
  };
  const mainFolder = base.mainPart.slice(0, base.mainPart.lastIndexOf("/") + 1);
  const targetOf = (part: string): string =>
    part.startsWith(mainFolder) ? part.slice(mainFolder.length) : `/${part}`;

  // Body renders first (the generator above has run by now): notes and lists are complete.
  hostNotes(
    (t) => t.footnotes,
    (s) => s.footnotes,
    "footnotes",
  );
  hostNotes(
    (t) => t.endnotes,
    (s) => s.endnotes,
    "endnotes",
  );

  const numberingHost = templates.findIndex((t) => t.numbering !== undefined);
  if (numberingHost >= 0) {
    const host = (templates[numberingHost] as CompiledTemplate).numbering as NonNullable<
      CompiledTemplate["numbering"]
    >;
    const abstracts: string[] = [];
    const nums: string[] = [];
    const roots: string[] = [];
    templates.forEach((t, i) => {
      if (t.numbering && i !== numberingHost) {
        const lists = listsOf(t.numbering.xml, t.numbering.part);
        abstracts.push(lists.abstracts);
        nums.push(lists.nums);
        roots.push(t.numbering.xml);
      }
    });
    for (const s of sessions) nums.push(...s.newNums);
    const xml = host.xml;
    const abstractAt = abstractInsertAt(xml, host.part, host.insertAt);
    const merged = withNamespacesOf(
      xml.slice(0, abstractAt) +
        abstracts.join("") +
        xml.slice(abstractAt, host.insertAt) +
        nums.join("") +
        xml.slice(host.insertAt),
      roots,
    );
    if (numberingHost === 0) replaced.set(host.part, merged);
    else {
      extraParts.push({ name: host.part, content: merged, compress: true });
      newRels.push({
        id: relationshipId("numbering"),
        type: RELATIONSHIP_TYPE.numbering,
        target: targetOf(host.part),
      });
      newTypes.push([host.part, `${WML}numbering+xml`]);
    }
  }

  const stylesOf = (t: CompiledTemplate): Relationship | undefined =>
    t.mainRelationships.find(
      (r) => r.type === RELATIONSHIP_TYPE.styles && r.part && t.parts.has(r.part),
    );
  const baseStyles = stylesOf(base);
  if (baseStyles?.part) {
    const otherStyles = others.flatMap((t) => {
      const r = stylesOf(t);
      const xml = r?.part ? text(t, r.part) : undefined;
      return r?.part && xml !== undefined ? [{ xml, part: r.part }] : [];
    });
    replaced.set(
      baseStyles.part,
      mergedStyles(text(base, baseStyles.part) as string, baseStyles.part, otherStyles),
    );
  }

  if (base.settings?.mailMerge) {
    const { xml, mailMerge } = base.settings;
    replaced.set(base.settings.part, xml.slice(0, mailMerge[0]) + xml.slice(mailMerge[1]));
  }
  if (plan.settingsRelationships) {
    const { part, xml, remove } = plan.settingsRelationships;
    replaced.set(part, editRelationships(xml, parseRelationships(xml, part), remove, []));
  }

  // The other templates' own parts: what their main part relates to, and what that relates to.
  const otherFiles: OutputFile[] = [];
  others.forEach((t) => {
    const perLetter = new Set<string>();
    for (const story of t.stories.values())
      if (story.perLetter) perLetter.add(story.relationshipId);
    const seen = new Set<string>();
    const visit = (part: string, write: boolean): void => {
      if (seen.has(part) || !t.parts.has(part)) return;
      seen.add(part);
      if (write) {
        otherFiles.push({
          name: part,
          content: t.parts.get(part) as Uint8Array,
          compress: isCompressible(part),
        });
        const type = contentTypeOf(t.contentTypes, part);
        if (type && contentTypeOf(base.contentTypes, part) !== type) newTypes.push([part, type]);
      }
      const rels = relationshipsPartOf(part);
      const relsXml = text(t, rels);
      if (relsXml === undefined) return;
      if (write) otherFiles.push({ name: rels, content: relsXml, compress: true });
      for (const r of parseRelationships(relsXml, rels)) if (r.part) visit(r.part, true);
    };
    for (const r of t.mainRelationships) {
      if (isShared(r.type)) continue;
      const copied = perLetter.has(r.id);
      if (!copied) newRels.push({ id: r.id, type: r.type, target: r.target, ...external(r) });
      if (r.part) visit(r.part, !copied);
    }
  });

  const copies = sessions.flatMap((s) => s.storyCopies);
  replaced.set(
    base.mainRelationshipsPart,
    editRelationships(
      base.mainRelationshipsXml,
      base.mainRelationships,
      plan.removedMainRelationships,
      [
        ...copies.map((c) => ({
          id: c.relationshipId,
          type: c.source.relationshipType,
          target: c.target,
        })),
        ...newRels,
      ],
    ),
  );
  replaced.set(
    CONTENT_TYPES_PART,
    editContentTypes(base.contentTypesXml, plan.removedParts, plan.retype, [
      ...copies.map((c) => [c.part, c.source.contentType] as const),
      ...newTypes,
    ]),
  );

  const written = new Set<string>([base.mainPart]);
  for (const [part, bytes] of base.parts) {
    if (written.has(part) || plan.removedParts.has(part.toLowerCase())) continue;
    written.add(part);
    yield { name: part, content: replaced.get(part) ?? bytes, compress: isCompressible(part) };
  }
  if (!written.has(base.mainRelationshipsPart)) {
    written.add(base.mainRelationshipsPart);
    yield {
      name: base.mainRelationshipsPart,
      content: replaced.get(base.mainRelationshipsPart) as string,
      compress: true,
    };
  }
  for (const file of [...otherFiles, ...extraParts]) {
    if (written.has(file.name)) continue;
    written.add(file.name);
    yield file;
  }
  for (const copy of copies) {
    yield { name: copy.part, content: copy.content, compress: true };
    const source = templates.find((t) => t.parts.has(copy.source.part));
    const rels = source?.parts.get(relationshipsPartOf(copy.source.part));
    if (rels) yield { name: relationshipsPartOf(copy.part), content: rels, compress: true };
  }
}

const external = (r: Relationship): { targetMode?: "External" } =>
  r.part === undefined ? { targetMode: "External" } : {};
