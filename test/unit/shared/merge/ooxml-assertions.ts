import { strFromU8, unzipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";

/**
 * A structural check of a .docx, standing in for "Word opens it without repair" where there is
 * no Word: what Word's repair dialog is known to react to. Returns the problems found.
 */

export interface PackageReport {
  readonly problems: string[];
  /** w:sectPr elements in the main document (one per letter when the template has one section). */
  readonly sections: number;
  readonly parts: ReadonlyMap<string, string>;
}

type Attributes = Record<string, string>;

/** Strict parse (XML 1.0 well-formedness, namespaces) with a visitor over start tags. */
export const parseStrict = (
  xml: string,
  visit?: (name: string, attributes: Attributes, path: readonly string[]) => void,
): void => {
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  parser.on("opentag", (node: SaxesTagNS) => {
    const attributes: Attributes = {};
    for (const [name, attribute] of Object.entries(node.attributes))
      attributes[name] = attribute.value;
    visit?.(node.name, attributes, path);
    if (!node.isSelfClosing) path.push(node.name);
  });
  parser.on("closetag", (node) => {
    if (!node.isSelfClosing) path.pop();
  });
  parser.on("doctype", () => {
    throw new Error("DOCTYPE");
  });
  parser.write(xml).close();
};

const resolve = (source: string, target: string): string => {
  if (target.startsWith("/")) return target.slice(1);
  const folder = source.includes("/") ? source.slice(0, source.lastIndexOf("/") + 1) : "";
  const out: string[] = [];
  for (const segment of (folder + target).split("/")) {
    if (segment === "..") out.pop();
    else if (segment && segment !== ".") out.push(segment);
  }
  return out.join("/");
};

const relsOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return slash < 0
    ? `_rels/${part}.rels`
    : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

export const inspectDocx = (docx: Uint8Array): PackageReport => {
  const problems: string[] = [];
  const files = unzipSync(docx);
  const names = Object.keys(files);
  const parts = new Map<string, string>();
  for (const name of names)
    if (/\.(xml|rels)$/i.test(name)) parts.set(name, strFromU8(files[name] as Uint8Array));

  for (const [name, xml] of parts) {
    try {
      parseStrict(xml);
    } catch (error) {
      problems.push(`${name} is not well-formed: ${(error as Error).message}`);
    }
  }
  // Content types cover every part.
  const defaults = new Set<string>();
  const overrides = new Map<string, string>();
  parseStrict(parts.get("[Content_Types].xml") ?? "<Types/>", (name, a) => {
    if (name === "Default") defaults.add((a.Extension ?? "").toLowerCase());
    if (name === "Override")
      overrides.set((a.PartName ?? "").slice(1).toLowerCase(), a.ContentType ?? "");
  });
  for (const name of names) {
    if (name === "[Content_Types].xml" || name.endsWith("/")) continue;
    const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(name.toLowerCase()) && !defaults.has(extension))
      problems.push(`no content type for ${name}`);
  }
  for (const part of overrides.keys()) {
    if (!names.some((n) => n.toLowerCase() === part))
      problems.push(`content type override for missing part ${part}`);
  }
  // Every relationship target exists; ids are unique per source.
  const relationships = new Map<string, Map<string, { type: string; part: string | undefined }>>();
  for (const [name, xml] of parts) {
    if (!name.endsWith(".rels")) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1").replace(/^\.rels$/, "");
    const byId = new Map<string, { type: string; part: string | undefined }>();
    relationships.set(source === ".rels" ? "" : source, byId);
    parseStrict(xml, (tag, a) => {
      if (tag !== "Relationship") return;
      const id = a.Id ?? "";
      if (byId.has(id)) problems.push(`${name}: duplicate relationship id ${id}`);
      const external = a.TargetMode === "External";
      const part = external ? undefined : resolve(source, a.Target ?? "");
      if (part !== undefined && !names.includes(part))
        problems.push(`${name}: ${id} targets missing ${part}`);
      byId.set(id, { type: a.Type ?? "", part });
    });
  }
  const rootRels = relationships.get("") ?? new Map();
  const main =
    [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"))?.part ??
    "word/document.xml";
  const mainRels = relationships.get(main) ?? new Map();
  const storyParts = [...mainRels.values()]
    .filter((r) => /\/(header|footer|footnotes|endnotes)$/.test(r.type))
    .map((r) => r.part as string);

  // Ids across the main document and its stories.
  const drawingIds = new Map<string, string>();
  const controlIds = new Map<string, string>();
  const bookmarkNames = new Map<string, string>();
  let sections = 0;
  for (const name of [main, ...storyParts]) {
    const xml = parts.get(name);
    if (xml === undefined) continue;
    const rels = relationships.get(name) ?? new Map();
    const starts = new Map<string, string>();
    const ends = new Set<string>();
    try {
      parseStrict(xml, (tag, a, path) => {
        for (const [attribute, value] of Object.entries(a)) {
          if (/^r:(id|embed|link|pict)$/.test(attribute) && !rels.has(value)) {
            problems.push(`${name}: ${tag} ${attribute}="${value}" has no relationship`);
          }
        }
        if (tag === "wp:docPr") {
          const id = a.id ?? "";
          if (drawingIds.has(id))
            problems.push(
              `${name}: wp:docPr id ${id} repeats (also in ${drawingIds.get(id) ?? ""})`,
            );
          drawingIds.set(id, name);
        } else if (tag === "w:id" && path[path.length - 1] === "w:sdtPr") {
          const id = a["w:val"] ?? "";
          if (controlIds.has(id)) problems.push(`${name}: content control id ${id} repeats`);
          controlIds.set(id, name);
        } else if (tag === "w:bookmarkStart") {
          const id = a["w:id"] ?? "";
          const bookmark = (a["w:name"] ?? "").toLowerCase();
          if (starts.has(id)) problems.push(`${name}: bookmark id ${id} repeats`);
          if (bookmarkNames.has(bookmark))
            problems.push(`${name}: bookmark name ${bookmark} repeats`);
          if (bookmark.length > 40)
            problems.push(`${name}: bookmark name ${bookmark} is longer than 40`);
          starts.set(id, bookmark);
          bookmarkNames.set(bookmark, name);
        } else if (tag === "w:bookmarkEnd") {
          const id = a["w:id"] ?? "";
          if (ends.has(id)) problems.push(`${name}: bookmark end ${id} repeats`);
          ends.add(id);
        } else if (
          tag === "w:sectPr" &&
          name === main &&
          path[path.length - 1] !== "w:sectPrChange"
        ) {
          sections++;
        } else if (tag === "w:mailMerge") {
          problems.push(`${name}: w:mailMerge`);
        }
      });
    } catch {
      // Reported above as not well-formed.
    }
    for (const id of starts.keys())
      if (!ends.has(id)) problems.push(`${name}: bookmark ${id} has no end`);
    for (const id of ends)
      if (!starts.has(id)) problems.push(`${name}: bookmark end ${id} has no start`);
  }

  // Header and footer references point at header and footer parts.
  parseStrict(parts.get(main) ?? "<x/>", (tag, a) => {
    if (tag !== "w:headerReference" && tag !== "w:footerReference") return;
    const r = mainRels.get(a["r:id"] ?? "");
    const kind = tag === "w:headerReference" ? "header" : "footer";
    if (!r || !r.type.endsWith(`/${kind}`))
      problems.push(`${tag} ${a["r:id"] ?? ""} is not a ${kind}`);
  });

  // Numbering: every numId used has a w:num, every w:num an abstractNum.
  const numberingPart = [...mainRels.values()].find((r) => r.type.endsWith("/numbering"))?.part;
  const nums = new Map<string, string>();
  const abstracts = new Set<string>();
  if (numberingPart) {
    let current: string | undefined;
    parseStrict(parts.get(numberingPart) ?? "<x/>", (tag, a, path) => {
      if (tag === "w:abstractNum") abstracts.add(a["w:abstractNumId"] ?? "");
      if (tag === "w:num") {
        current = a["w:numId"] ?? "";
        if (nums.has(current)) problems.push(`numbering: w:num ${current} repeats`);
        nums.set(current, "");
      }
      if (tag === "w:abstractNumId" && path[path.length - 1] === "w:num" && current !== undefined)
        nums.set(current, a["w:val"] ?? "");
    });
    for (const [num, abstract] of nums)
      if (!abstracts.has(abstract))
        problems.push(`numbering: w:num ${num} -> missing abstractNum ${abstract}`);
  }
  for (const name of [main, ...storyParts]) {
    parseStrict(parts.get(name) ?? "<x/>", (tag, a, path) => {
      if (
        tag === "w:numId" &&
        path[path.length - 1] === "w:numPr" &&
        a["w:val"] !== "0" &&
        !nums.has(a["w:val"] ?? "")
      ) {
        problems.push(`${name}: numId ${a["w:val"] ?? ""} has no w:num`);
      }
    });
  }

  // Footnote and endnote references resolve; note ids are unique.
  for (const kind of ["footnote", "endnote"] as const) {
    const notesPart = [...mainRels.values()].find((r) => r.type.endsWith(`/${kind}s`))?.part;
    const ids = new Set<string>();
    if (notesPart) {
      parseStrict(parts.get(notesPart) ?? "<x/>", (tag, a, path) => {
        if (tag === `w:${kind}` && path.length === 1) {
          if (ids.has(a["w:id"] ?? "")) problems.push(`${kind}s: id ${a["w:id"] ?? ""} repeats`);
          ids.add(a["w:id"] ?? "");
        }
      });
    }
    const referenced = new Set<string>();
    parseStrict(parts.get(main) ?? "<x/>", (tag, a) => {
      if (tag !== `w:${kind}Reference`) return;
      const id = a["w:id"] ?? "";
      if (!ids.has(id)) problems.push(`${kind} reference ${id} has no ${kind}`);
      if (referenced.has(id)) problems.push(`${kind} ${id} is referenced twice`);
      referenced.add(id);
    });
  }

  // The body: section properties only inside a paragraph's pPr or as the body's last child.
  parseStrict(parts.get(main) ?? "<x/>", (tag, _a, path) => {
    const parent = path[path.length - 1];
    if (
      tag === "w:sectPr" &&
      parent !== "w:pPr" &&
      parent !== "w:body" &&
      parent !== "w:sectPrChange"
    ) {
      problems.push(`w:sectPr inside ${parent ?? "nothing"}`);
    }
  });
  const settingsPart = [...mainRels.values()].find((r) => r.type.endsWith("/settings"))?.part;
  if (settingsPart && parts.get(settingsPart)?.includes("w:mailMerge"))
    problems.push("settings still hold w:mailMerge");
  if (parts.has(relsOf(main)) && !relationships.has(main))
    problems.push("main relationships unreadable");
  return { problems, sections, parts };
};
