import { TemplateError } from "../template-error";

/**
 * OPC part names as this engine keeps them: zip entry names, no leading slash
 * ("word/document.xml"). Relationship targets are resolved against the source part's folder.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why a zip entry (or flat-OPC part) name may not be kept, or undefined when it may. A name
 * that climbs out of its folder, starts at a root or a drive, or uses a backslash would be
 * carried into every merged letter and written wherever a zip tool puts it ("zip slip").
 */
export const unsafePartName = (name: string): string | undefined => {
  if (name === "") return "is empty";
  if (name.includes("\\")) return "holds a backslash";
  if (name.startsWith("/")) return "is an absolute path";
  if (/^[a-zA-Z]:/.test(name)) return "starts with a drive";
  if (CONTROL.test(name)) return "holds a control character";
  const segments = name.endsWith("/") ? name.slice(0, -1).split("/") : name.split("/");
  if (segments.some((s) => s === ".." || s === ".")) return "climbs out of its folder (. or ..)";
  if (segments.some((s) => s === "")) return "has an empty folder name";
  return undefined;
};

export const refuseUnsafePartName = (name: string): void => {
  const why = unsafePartName(name);
  if (why === undefined) return;
  throw new TemplateError(
    "unsafe_part_name",
    `the package has a part named ${JSON.stringify(name)}, which ${why}; a Word document never does`,
    name,
  );
};

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
