import {
  documentIdPattern,
  encodeKeyPart,
  fixedDocumentId,
  newDocumentId,
  storedDocumentId,
  type DocumentOwner,
} from "../../../../functions/store/document-names";
import { asTenantId } from "../../../../functions/store/tenant";

const a = asTenantId("tenant-a");
const b = asTenantId("tenant-b");
const line = (segmentNo: string, lineNo = 10000): DocumentOwner => ({
  kind: "lineLetter",
  segmentNo,
  lineNo,
});

describe("document names", () => {
  it("are built from the tenant, the kind, the owner's keys and a fresh UUID", () => {
    const id = newDocumentId(a, line("S1"));
    expect(id).toMatch(/^tenant-a\/line-letters\/S1\/10000\/[0-9a-f-]{36}\.docx$/);
    expect(id).toMatch(documentIdPattern);
    expect(newDocumentId(a, line("S1"))).not.toBe(id);
    expect(
      newDocumentId(a, { kind: "mergeResult", jobId: "0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c" }),
    ).toMatch(/^tenant-a\/merge-results\/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c\/[0-9a-f-]{36}$/);
  });

  it("encode every key so that none holds / . or % and no two keys encode alike", () => {
    const keys = ["X/../T", "..", "A/", "A_2F", "A_", "A.B", "ÆBLE ØST", "A%2FB", "A\\B", "T", "-"];
    const encoded = keys.map(encodeKeyPart);
    for (const part of encoded) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(new Set(encoded).size).toBe(keys.length);
    expect(encodeKeyPart("X/../T")).toBe("X_2F_2E_2E_2FT");
    expect(encodeKeyPart("da-DK")).toBe("da-DK");
  });

  it("put a key with /.. in its own folder, never in another owner's", () => {
    const escaping = newDocumentId(a, line("X/../T"));
    const target = newDocumentId(a, line("T"));
    const folder = (id: string) => id.slice(0, id.lastIndexOf("/"));
    expect(folder(escaping)).not.toBe(folder(target));
    expect(escaping.split("/")).not.toContain("..");
    expect(newDocumentId(a, line("X/../../../TB")).startsWith("tenant-a/line-letters/")).toBe(true);
  });

  it("accept a stored id only for the same tenant, kind and owner", () => {
    const id = newDocumentId(a, line("S1"));
    expect(storedDocumentId(a, id, line("S1"))).toBe(id);
    expect(storedDocumentId(b, id, line("S1"))).toBeUndefined();
    expect(storedDocumentId(a, id, line("S2"))).toBeUndefined();
    expect(storedDocumentId(a, id, line("S1", 20000))).toBeUndefined();
    expect(
      storedDocumentId(a, id, { kind: "mergedLetter", segmentNo: "S1", lineNo: 10000 }),
    ).toBeUndefined();
    const template = newDocumentId(a, {
      kind: "templateLetter",
      templateCode: "LETTER",
      languageCode: "da-DK",
    });
    expect(
      storedDocumentId(a, template, {
        kind: "templateLetter",
        templateCode: "LETTER",
        languageCode: "en-US",
      }),
    ).toBeUndefined();
  });

  it.each([
    [
      "another tenant's name below ..",
      "../tenant-b/line-letters/S1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx",
    ],
    [
      "a name with ..",
      "tenant-a/line-letters/S1/../S1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx",
    ],
    [
      "a name written before names were built here",
      "segments/S1/lines/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx",
    ],
    [
      "an absolute name",
      "/tenant-a/line-letters/S1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx",
    ],
    [
      "a percent-encoded slash",
      "tenant-a/line-letters/S1%2F..%2FS1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx",
    ],
    ["a backslash", "tenant-a\\line-letters/S1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx"],
    [
      "a trailing space",
      "tenant-a/line-letters/S1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx ",
    ],
    ["no UUID", "tenant-a/line-letters/S1/10000/letter.docx"],
    ["an unknown folder", "tenant-a/other/S1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx"],
    ["not a string", ["tenant-a/line-letters/S1/10000/0b6e7f9c-1d2e-4f3a-8b5c-6d7e8f9a0b1c.docx"]],
    ["nothing", undefined],
  ])("refuse %s", (_why, value) => {
    expect(storedDocumentId(a, value, line("S1"))).toBeUndefined();
  });

  it("give a document of a fixed name the same id every time, and only its owner's", () => {
    const logged: DocumentOwner = { kind: "loggedLetter", loggedSegmentEntryNo: 7 };
    const id = fixedDocumentId(a, logged, '["LETTER","da-DK"]');
    expect(id).toMatch(/^tenant-a\/logged-letters\/7\/[0-9a-f-]{36}\.docx$/);
    expect(fixedDocumentId(a, logged, '["LETTER","da-DK"]')).toBe(id);
    expect(fixedDocumentId(a, logged, '["LETTER","en-GB"]')).not.toBe(id);
    expect(fixedDocumentId(b, logged, '["LETTER","da-DK"]').split("/").slice(-1)).not.toEqual(
      id.split("/").slice(-1),
    );
    expect(storedDocumentId(a, id, logged)).toBe(id);
    expect(storedDocumentId(b, id, logged)).toBeUndefined();
    expect(storedDocumentId(a, id, { kind: "loggedLetter", loggedSegmentEntryNo: 8 })).toBe(
      undefined,
    );
  });

  it("refuse to build a name from a tenant id that is not one", () => {
    expect(() => newDocumentId("../tenant-b" as typeof a, line("S1"))).toThrow();
    expect(() => asTenantId("a/../tenant-b")).toThrow();
  });
});
