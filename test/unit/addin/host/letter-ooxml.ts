/**
 * Flat OPC as Word's body.getOoxml() returns it, built from paragraph snippets: the package,
 * relationships and a main document. Enough for the merge engine to read fields from.
 */
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const PKG = "http://schemas.microsoft.com/office/2006/xmlPackage";

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const text = (value: string): string =>
  `<w:r><w:t xml:space="preserve">${escape(value)}</w:t></w:r>`;

/** A field the pane inserts: a content control tagged and titled with the name, showing «name». */
export const contentControl = (name: string, id = 1): string =>
  `<w:sdt><w:sdtPr><w:alias w:val="${escape(name)}"/><w:tag w:val="${escape(name)}"/><w:id w:val="${id}"/></w:sdtPr>` +
  `<w:sdtContent>${text(`«${name}»`)}</w:sdtContent></w:sdt>`;

/** A Word MERGEFIELD, as Word writes one. */
export const mergeField = (name: string): string =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
  `<w:r><w:instrText xml:space="preserve"> MERGEFIELD ${name.includes(" ") ? `"${name}"` : name} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${text(`«${name}»`)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

export const paragraph = (...runs: string[]): string => `<w:p>${runs.join("")}</w:p>`;

export const flatOpc = (...paragraphs: string[]): string =>
  `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
  `<pkg:package xmlns:pkg="${PKG}">` +
  `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
  `</Relationships></pkg:xmlData></pkg:part>` +
  `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>` +
  `<w:document xmlns:w="${W}"><w:body>${paragraphs.join("")}<w:sectPr/></w:body></w:document>` +
  `</pkg:xmlData></pkg:part></pkg:package>`;
