/**
 * OPC part names as this engine keeps them: zip entry names, no leading slash
 * ("word/document.xml"). Relationship targets are resolved against the source part's folder.
 */

export const relationshipsPartOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return slash < 0
    ? `_rels/${part}.rels`
    : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

/** The part a relationships part describes; "" for the package's own _rels/.rels. */
export const sourceOfRelationshipsPart = (rels: string): string => {
  const match = /^(.*?)_rels\/(.*)\.rels$/.exec(rels);
  return match ? `${match[1] ?? ""}${match[2] ?? ""}` : "";
};

export const resolveTarget = (sourcePart: string, target: string): string => {
  if (target.startsWith("/")) return normalizePath(target.slice(1));
  const slash = sourcePart.lastIndexOf("/");
  const folder = slash < 0 ? "" : sourcePart.slice(0, slash + 1);
  return normalizePath(folder + target);
};

const normalizePath = (path: string): string => {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
};
