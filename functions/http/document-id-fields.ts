import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../errors/app-errors";

/**
 * Field names that carry a document id (documentId, mergedDocumentId, letterDocumentIds...).
 * Only the server names documents (functions/store/document-names.ts); a body that tries, at any
 * depth, is refused rather than having the field silently dropped.
 */
const documentIdField = /^(?:documentIds?|[a-z][A-Za-z0-9]*DocumentIds?)$/;

const rule = {
  rule: "server_owned",
  message:
    "is set by the server: a letter is uploaded (PUT .../attachment), never named by a document id",
} as const;

/** Every field of the body that names a document, by its dotted path; walked without recursion. */
export const documentIdFieldsIn = (body: unknown): string[] => {
  const found: string[] = [];
  const pending: { value: unknown; path: string }[] = [{ value: body, path: "" }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== "object" || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && documentIdField.test(key)) found.push(at);
      else pending.push({ value: child, path: at });
    }
  }
  return found.sort();
};

export const refuseDocumentIds = (body: unknown): void => {
  const fields = documentIdFieldsIn(body);
  if (fields.length === 0) return;
  const errors: ProblemError[] = fields.map((field) => ({ in: "body", field, ...rule }));
  throw new ValidationError(errors, "Document ids are the server's; see errors.");
};
