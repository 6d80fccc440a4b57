import { readTemplate, type Template } from "@shared/merge/index";

/**
 * Accepts a letter only if it is a Word document the merge engine can read (the same checks:
 * no DTDs, size and zip-bomb limits); a TemplateError becomes a 4xx answer at the edge.
 */
export const readWordDocument = (bytes: Uint8Array): Template => readTemplate(bytes);
