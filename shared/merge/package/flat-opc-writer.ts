import { escapeXmlAttribute } from "../xml/xml-escape";
import { decodeXmlPart } from "../xml/xml-text-codec";
import { bytesToBase64 } from "./base64";
import { CONTENT_TYPES_PART, contentTypeOf, parseContentTypes } from "./content-types";
import type { OutputFile } from "./zip-writer";

/** The same files a zip would hold, as one flat-OPC document (for Word's insertOoxml). */
export const writeFlatOpc = (files: Iterable<OutputFile>): string => {
  // Each file's content is taken before the next file is asked for: later parts depend on
  // what rendering the earlier ones decided.
  const list: OutputFile[] = [];
  for (const file of files) {
    const content =
      file.content instanceof Uint8Array || typeof file.content === "string"
        ? file.content
        : [...file.content].join("");
    list.push({ ...file, content });
  }
  const typesFile = list.find((f) => f.name === CONTENT_TYPES_PART);
  const types = parseContentTypes(typesFile ? textOf(typesFile) : "<Types/>");
  const out: string[] = [
    '<?xml version="1.0" standalone="yes"?>\r\n<?mso-application progid="Word.Document"?>\r\n',
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">',
  ];
  for (const file of list) {
    if (file.name === CONTENT_TYPES_PART) continue;
    const type = contentTypeOf(types, file.name) ?? "application/octet-stream";
    const name = escapeXmlAttribute(`/${file.name}`);
    if (/(^|[+/])xml$/.test(type)) {
      const xml = textOf(file).replace(/^\uFEFF?\s*<\?xml[^>]*\?>\s*/, "");
      out.push(
        `<pkg:part pkg:name="${name}" pkg:contentType="${escapeXmlAttribute(type)}"><pkg:xmlData>`,
        xml,
        "</pkg:xmlData></pkg:part>",
      );
    } else {
      const bytes =
        file.content instanceof Uint8Array ? file.content : new TextEncoder().encode(textOf(file));
      out.push(
        `<pkg:part pkg:name="${name}" pkg:contentType="${escapeXmlAttribute(type)}" pkg:compression="store"><pkg:binaryData>`,
        bytesToBase64(bytes),
        "</pkg:binaryData></pkg:part>",
      );
    }
  }
  out.push("</pkg:package>");
  return out.join("");
};

const textOf = (file: OutputFile): string => {
  const content = file.content;
  if (typeof content === "string") return content;
  if (content instanceof Uint8Array) return decodeXmlPart(content, file.name);
  return [...content].join("");
};
