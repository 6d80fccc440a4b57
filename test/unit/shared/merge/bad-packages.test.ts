import { strToU8, zipSync, type Zippable } from "fflate";
import { readTemplate, TemplateError, type TemplateErrorCode } from "@shared/merge";
import { buildDocx, mergeField, p } from "./docx-builder";
import { wordTemplate } from "./fixture-files";

const refusal = (input: Uint8Array | string, limits = {}): TemplateError => {
  try {
    readTemplate(input, { limits });
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("the template was accepted");
};

const code = (input: Uint8Array | string, limits = {}): TemplateErrorCode =>
  refusal(input, limits).code;

/** The parts of a valid .docx, to tamper with. */
const validParts = (): Zippable => {
  const { unzipSync } = jest.requireActual<typeof import("fflate")>("fflate");
  return unzipSync(buildDocx({ body: p(mergeField("Name")) }));
};

const withPart = (name: string, content: string | Uint8Array): Uint8Array =>
  zipSync({ ...validParts(), [name]: typeof content === "string" ? strToU8(content) : content });

describe("bad packages are refused with a TemplateError and a stable code", () => {
  it("is a typed error with a name, a code and the part at fault", () => {
    const error = refusal(withPart("word/document.xml", "<w:document><w:body></w:document>"));
    expect(error.name).toBe("TemplateError");
    expect(error.code).toBe("corrupt_xml");
    expect(error.part).toBe("word/document.xml");
  });

  it("refuses what is not a zip nor flat OPC", () => {
    expect(code(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe("not_a_zip");
    expect(code(strToU8("hello, I am a text file"))).toBe("not_a_zip");
    expect(code("<html><body>not a package</body></html>")).toBe("not_a_zip");
    expect(code(strToU8("%PDF-1.7\n..."))).toBe("not_a_zip");
  });

  it("recognizes a legacy .doc or an encrypted .docx (OLE compound file)", () => {
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toBe(
      "legacy_or_encrypted",
    );
  });

  it("refuses a corrupt zip", () => {
    const docx = wordTemplate("test_one_simple_field");
    expect(code(docx.slice(0, docx.length - 30))).toBe("corrupt_zip");
    expect(code(docx.slice(0, 2000))).toBe("corrupt_zip");
    // Damage inside an entry's data: caught by inflating or by the CRC.
    for (const at of [600, 3000, 6000, 9000]) {
      const damaged = docx.slice();
      for (let i = at; i < at + 40; i++) damaged[i] = (damaged[i] as number) ^ 0x5a;
      expect(code(damaged)).toBe("corrupt_zip");
    }
  });

  it("refuses a zip that is not a Word document", () => {
    expect(code(zipSync({ "readme.txt": strToU8("hi") }))).toBe("not_word");
    const parts = validParts();
    delete parts["word/document.xml"];
    expect(code(zipSync(parts))).toBe("not_word");
    const noTypes = validParts();
    delete noTypes["[Content_Types].xml"];
    expect(code(zipSync(noTypes))).toBe("not_word");
    const spreadsheet = withPart(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    );
    expect(code(spreadsheet)).toBe("not_word");
  });

  it("refuses any DTD, so an external entity is never fetched", () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch");
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>';
    expect(code(withPart("word/document.xml", xxe))).toBe("dtd_refused");
    // In a part the merge never reads, too.
    expect(
      code(withPart("docProps/custom.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')),
    ).toBe("dtd_refused");
    const billionLaughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Types>&lol2;</Types>';
    expect(code(withPart("[Content_Types].xml", billionLaughs))).toBe("dtd_refused");
    const flat = `<?xml version="1.0"?><!DOCTYPE pkg:package [<!ENTITY x SYSTEM "file:///etc/passwd">]><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">&x;</pkg:package>`;
    expect(code(flat)).toBe("dtd_refused");
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it("refuses a zip bomb: a part that inflates too far", () => {
    const bomb = withPart("word/media/zeros.bin", new Uint8Array(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(code(bomb)).toBe("compression_ratio");
  });

  it.each([
    ["../evil.xml", "climbs out of its folder"],
    ["word/../../evil.xml", "climbs out of its folder"],
    ["./word/x.xml", "climbs out of its folder"],
    ["/etc/cron.d/evil", "is an absolute path"],
    ["C:/Windows/evil.dll", "starts with a drive"],
    ["c:evil.xml", "starts with a drive"],
    ["word\\..\\evil.xml", "holds a backslash"],
    ["word\\media\\image1.png", "holds a backslash"],
    ["word//x.xml", "has an empty folder name"],
  ])("refuses a zip entry named %p, which %s", (name, why) => {
    const error = refusal(withPart(name, "<x/>"));
    expect(error).toMatchObject({ code: "unsafe_part_name", part: name });
    expect(error.message).toContain(why);
  });

  it("refuses such a part name in flat OPC too, where one leading slash is the rule", () => {
    const flat = (name: string) =>
      `<?xml version="1.0"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="${name}" pkg:contentType="application/xml"><pkg:xmlData><x/></pkg:xmlData></pkg:part></pkg:package>`;
    expect(code(flat("/../evil.xml"))).toBe("unsafe_part_name");
    expect(code(flat("//evil.xml"))).toBe("unsafe_part_name");
    expect(code(flat("/word\\evil.xml"))).toBe("unsafe_part_name");
    // A well-named part gets as far as the next check: this package has no document.
    expect(code(flat("/customXml/item1.xml"))).toBe("not_word");
  });

  it("refuses too many parts, and too many bytes", () => {
    const many: Zippable = validParts();
    for (let i = 0; i < 2001; i++) many[`customXml/item${i}.xml`] = strToU8("<a/>");
    expect(refusal(zipSync(many))).toMatchObject({
      code: "too_many_parts",
      limit: 2000,
      actual: 2001 + Object.keys(validParts()).length,
    });
    expect(code(buildDocx({ body: p(mergeField("Name")) }), { maxUnzippedBytes: 1000 })).toBe(
      "too_large",
    );
    expect(code(buildDocx({ body: p(mergeField("Name")) }), { maxInputBytes: 100 })).toBe(
      "too_large",
    );
  });

  it("stops inflating at the declared size when the directory lies", () => {
    const docx = zipSync({
      ...validParts(),
      "word/media/big.bin": new Uint8Array(300_000).fill(7),
    });
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    const name = strToU8("word/media/big.bin");
    // Declare 10 bytes in the central directory entry of that part.
    for (let at = 0; at < docx.length - 4; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (
        length === name.length &&
        docx.subarray(at + 46, at + 46 + length).every((b, i) => b === name[i])
      ) {
        view.setUint32(at + 24, 10, true);
      }
    }
    expect(code(docx)).toBe("corrupt_zip");
  });

  it("refuses corrupt XML: unbalanced tags, undefined entities, invalid UTF-8", () => {
    expect(
      code(withPart("word/document.xml", "<w:document><w:body><w:p></w:body></w:document>")),
    ).toBe("corrupt_xml");
    expect(
      code(
        withPart(
          "word/document.xml",
          '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>',
        ),
      ),
    ).toBe("corrupt_xml");
    expect(
      code(
        withPart(
          "word/document.xml",
          new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]),
        ),
      ),
    ).toBe("corrupt_xml");
    expect(code(withPart("word/document.xml", '<w:document a="1"b="2"/>'))).toBe("corrupt_xml");
    expect(code(withPart("word/document.xml", "<a/><b/>"))).toBe("corrupt_xml");
  });

  it("accepts a UTF-16 document", () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:fldSimple w:instr=" MERGEFIELD Navn "><w:r><w:t>«Navn»</w:t></w:r></w:fldSimple></w:p></w:body></w:document>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    expect(readTemplate(withPart("word/document.xml", utf16)).fieldNames).toEqual(["Navn"]);
  });
});
