import { zipSync, strToU8 } from "fflate";
import type { ApiHarness } from "../../harness/api-harness";

/** The smallest package Word opens: content types, relationships, a main document with one field. */
export const minimalDocx = (text = "Kære «Name»"): Uint8Array =>
  zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`,
    ),
  });

export const seedLoggingTenant = async (api: ApiHarness) => {
  const ok = async (method: string, path: string, body: object) => {
    const res = await api.call(method, path, { body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };
  await ok("POST", "/api/salespeople", { code: "JO", name: "Jonas Olsen" });
  await ok("POST", "/api/campaigns", { no: "CP1", description: "Forår" });
  await ok("POST", "/api/interaction-templates", {
    code: "LETTER",
    description: "Brev",
    interactionGroupCode: "POST",
    unitCost: 12.5,
    unitDuration: 5,
    informationFlow: "outbound",
    initiatedBy: "us",
    correspondenceType: "hardCopy",
    languageCode: "da-DK",
    campaignNo: "CP1",
  });
  await ok("POST", "/api/interaction-templates", {
    code: "EMAIL",
    description: "E-mail",
    unitCost: 1,
    unitDuration: 1,
    correspondenceType: "email",
    ignoreContactCorrespondenceType: true,
  });
  await ok("POST", "/api/contacts", { no: "KT1", type: "company", name: "Nord A/S" });
  await ok("POST", "/api/contacts", {
    no: "KT11",
    type: "person",
    name: "Anna",
    companyNo: "KT1",
    email: "anna@nord.dk",
    correspondenceType: "email",
    languageCode: "en-GB",
  });
  await ok("POST", "/api/contacts", {
    no: "KT12",
    type: "person",
    name: "Bo",
    companyNo: "KT1",
    correspondenceType: "hardCopy",
    languageCode: "da-DK",
  });
  await ok("POST", "/api/contacts", {
    no: "KT13",
    type: "person",
    name: "Cai",
    languageCode: "sv-SE",
  });
};
