import { ValidationError } from "../../../../functions/errors/app-errors";
import {
  documentIdFieldsIn,
  refuseDocumentIds,
} from "../../../../functions/http/document-id-fields";

describe("document ids in a request body", () => {
  it("are found at any depth, in objects and arrays", () => {
    expect(
      documentIdFieldsIn({
        attachment: { kind: "unique", documentId: "../tenant-b/x.docx" },
        template: { interactionTemplateCode: "L", resultDocumentId: "x" },
        attachments: [{ languageCode: "da-DK", documentId: "y" }],
        letterDocumentIds: { "da-DK": "z" },
      }),
    ).toEqual([
      "attachment.documentId",
      "attachments.0.documentId",
      "letterDocumentIds",
      "template.resultDocumentId",
    ]);
  });

  it("are not confused with ordinary fields", () => {
    expect(
      documentIdFieldsIn({ document: "x", documentation: "y", fileName: "a.docx", documents: [] }),
    ).toEqual([]);
    expect(documentIdFieldsIn(["documentId"])).toEqual([]);
    expect(documentIdFieldsIn("documentId")).toEqual([]);
  });

  it("are refused with 400 naming each field and the rule", () => {
    let caught: unknown;
    try {
      refuseDocumentIds({ attachment: { documentId: "x" } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).status).toBe(400);
    expect((caught as ValidationError).errors).toEqual([
      expect.objectContaining({ in: "body", field: "attachment.documentId", rule: "server_owned" }),
    ]);
  });

  it("are looked for without recursion, so a deep body cannot overflow the stack", () => {
    let deep: unknown = { documentId: "x" };
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(documentIdFieldsIn(deep)).toHaveLength(1);
  });
});
