import { strToU8, zipSync } from "fflate";

/**
 * Minimal but complete WordprocessingML packages for tests, built from XML snippets: content
 * types, relationships, styles, settings, and optional headers, footers, footnotes, numbering.
 * What Word itself would write, without the noise.
 */

export const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML = "application/vnd.openxmlformats-officedocument.wordprocessingml";

export interface Story {
  readonly kind: "header" | "footer";
  /** default, first or even */
  readonly type?: string;
  /** Paragraphs (w:p...) of the header or footer. */
  readonly content: string;
  /** Its own relationships: [id, type, target]. */
  readonly rels?: readonly (readonly [string, string, string])[];
}

export interface DocxSpec {
  /** The body's content, without the final w:sectPr. */
  readonly body: string;
  /** Extra children of the final w:sectPr after the header/footer references (pgSz, pgMar, type...). */
  readonly section?: string;
  /** Leave out the final w:sectPr altogether. */
  readonly noSection?: boolean;
  readonly stories?: readonly Story[];
  /** w:footnote elements (ids from 1); separators are added. */
  readonly footnotes?: string;
  readonly endnotes?: string;
  /** w:abstractNum and w:num elements. */
  readonly numbering?: string;
  /** w:style elements added to a Normal style. */
  readonly styles?: string;
  /** Children of w:settings. */
  readonly settings?: string;
  /** w:comment elements: adds comments.xml. */
  readonly comments?: string;
  /** Main part content type: .dotx or .docm templates. */
  readonly mainContentType?: string;
  /** Extra parts: name -> bytes or text, with content type overrides. */
  readonly extraParts?: readonly {
    name: string;
    content: string | Uint8Array;
    contentType?: string;
    relType?: string;
    relId?: string;
  }[];
  /** Relationships of settings.xml (mail-merge data source). */
  readonly settingsRels?: string;
}

const relationshipsXml = (rels: readonly (readonly [string, string, string])[]): string =>
  `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;

export const SEPARATORS = (kind: "footnote" | "endnote"): string =>
  `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
  `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;

export const buildDocx = (spec: DocxSpec): Uint8Array => {
  const files: Record<string, Uint8Array> = {};
  const overrides: [string, string][] = [
    ["/word/document.xml", spec.mainContentType ?? `${WML}.document.main+xml`],
    ["/word/styles.xml", `${WML}.styles+xml`],
    ["/word/settings.xml", `${WML}.settings+xml`],
  ];
  const rels: [string, string, string][] = [
    ["rId1", `${REL}/styles`, "styles.xml"],
    ["rId2", `${REL}/settings`, "settings.xml"],
  ];
  const references: string[] = [];
  (spec.stories ?? []).forEach((story, index) => {
    const name = `${story.kind}${index + 1}.xml`;
    const id = `rId${10 + index}`;
    const root = story.kind === "header" ? "w:hdr" : "w:ftr";
    files[`word/${name}`] = strToU8(
      `${DECLARATION}<${root} ${NAMESPACES}>${story.content}</${root}>`,
    );
    if (story.rels) files[`word/_rels/${name}.rels`] = strToU8(relationshipsXml(story.rels));
    overrides.push([`/word/${name}`, `${WML}.${story.kind}+xml`]);
    rels.push([id, `${REL}/${story.kind}`, name]);
    references.push(`<w:${story.kind}Reference w:type="${story.type ?? "default"}" r:id="${id}"/>`);
  });
  const notes = (kind: "footnote" | "endnote", content: string | undefined, id: string): void => {
    if (content === undefined) return;
    files[`word/${kind}s.xml`] = strToU8(
      `${DECLARATION}<w:${kind}s ${NAMESPACES}>${SEPARATORS(kind)}${content}</w:${kind}s>`,
    );
    overrides.push([`/word/${kind}s.xml`, `${WML}.${kind}s+xml`]);
    rels.push([id, `${REL}/${kind}s`, `${kind}s.xml`]);
  };
  notes("footnote", spec.footnotes, "rId3");
  notes("endnote", spec.endnotes, "rId4");
  if (spec.numbering !== undefined) {
    files["word/numbering.xml"] = strToU8(
      `${DECLARATION}<w:numbering ${NAMESPACES}>${spec.numbering}</w:numbering>`,
    );
    overrides.push(["/word/numbering.xml", `${WML}.numbering+xml`]);
    rels.push(["rId5", `${REL}/numbering`, "numbering.xml"]);
  }
  if (spec.comments !== undefined) {
    files["word/comments.xml"] = strToU8(
      `${DECLARATION}<w:comments ${NAMESPACES}>${spec.comments}</w:comments>`,
    );
    overrides.push(["/word/comments.xml", `${WML}.comments+xml`]);
    rels.push(["rId6", `${REL}/comments`, "comments.xml"]);
  }
  for (const extra of spec.extraParts ?? []) {
    files[extra.name] = typeof extra.content === "string" ? strToU8(extra.content) : extra.content;
    if (extra.contentType) overrides.push([`/${extra.name}`, extra.contentType]);
    if (extra.relType)
      rels.push([
        extra.relId ?? `rId${30 + rels.length}`,
        extra.relType,
        extra.name.replace(/^word\//, ""),
      ]);
  }
  const section = spec.noSection
    ? ""
    : `<w:sectPr>${references.join("")}${spec.section ?? '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'}</w:sectPr>`;
  files["word/document.xml"] = strToU8(
    `${DECLARATION}<w:document ${NAMESPACES}><w:body>${spec.body}${section}</w:body></w:document>`,
  );
  files["word/styles.xml"] = strToU8(
    `${DECLARATION}<w:styles ${NAMESPACES}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>${spec.styles ?? ""}</w:styles>`,
  );
  files["word/settings.xml"] = strToU8(
    `${DECLARATION}<w:settings ${NAMESPACES}>${spec.settings ?? ""}</w:settings>`,
  );
  if (spec.settingsRels) files["word/_rels/settings.xml.rels"] = strToU8(spec.settingsRels);
  files["word/_rels/document.xml.rels"] = strToU8(relationshipsXml(rels));
  files["_rels/.rels"] = strToU8(
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8(
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>${overrides
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join("")}</Types>`,
  );
  return zipSync(files);
};

/** A paragraph of runs. */
export const p = (...runs: string[]): string => `<w:p>${runs.join("")}</w:p>`;
/** A run of text. */
export const t = (text: string, rPr = ""): string =>
  `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;

/** A complex field as Word writes it: begin, code (optionally split over runs), separate, result, end. */
export const field = (code: string | readonly string[], result = "«x»", rPr = ""): string => {
  const parts = typeof code === "string" ? [code] : code;
  return (
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>` +
    parts
      .map((part) => `<w:r>${rPr}<w:instrText xml:space="preserve">${part}</w:instrText></w:r>`)
      .join("") +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>` +
    (result ? `<w:r>${rPr}<w:t>${result}</w:t></w:r>` : "") +
    `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
  );
};

/** MERGEFIELD name (with switches), complex form. */
export const mergeField = (name: string, switches = "", rPr = ""): string =>
  field(` MERGEFIELD ${name} ${switches}`.trimEnd() + " ", `«${name.replace(/"/g, "")}»`, rPr);

/** MERGEFIELD as w:fldSimple. */
export const simpleField = (code: string, result = "«x»"): string =>
  `<w:fldSimple w:instr="${code.replace(/"/g, "&quot;")}"><w:r><w:t>${result}</w:t></w:r></w:fldSimple>`;

/** A Mergeline content control, inline (in a paragraph) or block (around one). */
export const control = (
  tag: string,
  kind: "inline" | "block" = "inline",
  id = 100,
  rPr = "",
): string => {
  const attribute = tag.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const properties = `<w:sdtPr>${rPr}<w:alias w:val="${attribute}"/><w:tag w:val="${attribute}"/><w:id w:val="${id}"/></w:sdtPr>`;
  const run = `<w:r>${rPr}<w:t>«${tag}»</w:t></w:r>`;
  return kind === "inline"
    ? `<w:sdt>${properties}<w:sdtContent>${run}</w:sdtContent></w:sdt>`
    : `<w:sdt>${properties}<w:sdtContent><w:p><w:pPr><w:jc w:val="right"/></w:pPr>${run}</w:p></w:sdtContent></w:sdt>`;
};

/** An inline picture with a wp:docPr id (the image part itself is not needed for structure). */
export const drawing = (id: number, rid = "rIdImg"): string =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="${id}" name="Picture ${id}"/>` +
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="p.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
  `<pic:blipFill><a:blip r:embed="${rid}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

/** A 1x1 PNG. */
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);
