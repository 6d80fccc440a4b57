/** The parts of a labels document besides its body: nothing a label sheet does not need. */
import { escapeXmlAttribute } from "../xml/xml-escape";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPES_XML =
  `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  "</Types>";

export const PACKAGE_RELS_XML =
  `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">` +
  `<Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="word/document.xml"/>` +
  "</Relationships>";

export const DOCUMENT_RELS_XML =
  `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">` +
  `<Relationship Id="rId1" Type="${OFFICE_RELS}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId2" Type="${OFFICE_RELS}/settings" Target="settings.xml"/>` +
  "</Relationships>";

/**
 * Word 2013+ layout (compatibilityMode 15), where a table's cell edge sits on the margin: the
 * labels are where the sheet has them, not shifted by the cell's inner margin.
 */
export const SETTINGS_XML =
  `${DECLARATION}<w:settings xmlns:w="${W}">` +
  '<w:defaultTabStop w:val="720"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  "</w:settings>";

/** Label text: single-spaced lines without space between them, so five lines fit an inch. */
export const stylesXml = (language: string) =>
  `${DECLARATION}<w:styles xmlns:w="${W}">` +
  "<w:docDefaults><w:rPrDefault><w:rPr>" +
  '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
  `<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="${escapeXmlAttribute(language)}"/>` +
  "</w:rPr></w:rPrDefault>" +
  '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
  "</w:docDefaults>" +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  "</w:styles>";

export const DOCUMENT_START = `${DECLARATION}<w:document xmlns:w="${W}" xmlns:r="${OFFICE_RELS}"><w:body>`;
export const DOCUMENT_END = "</w:body></w:document>";
