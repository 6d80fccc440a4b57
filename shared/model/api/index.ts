import { applyTemplateJobEndpoints } from "./apply-template-jobs";
import { campaignEndpoints } from "./campaigns";
import { contactCodeEndpoints } from "./contact-codes";
import { contactEndpoints } from "./contacts";
import { criteriaEndpoints } from "./criteria";
import { deliveryEndpoints } from "./delivery";
import { interactionEndpoints } from "./interactions";
import { languageEndpoints } from "./languages";
import { mergeEndpoints } from "./merge";
import { profileQuestionnaireEndpoints } from "./profile-questionnaires";
import { segmentLetterEndpoints } from "./segment-letter";
import { segmentEndpoints } from "./segments";
import { setupEndpoints } from "./setup";
import { systemEndpoints } from "./system";

/**
 * Every endpoint of the Mergeline API, once. functions/routes.ts maps each to its handler,
 * addin/api builds the typed client from it, and GET /api/openapi.json describes it, in this
 * order. Each resource keeps its endpoints in its own file; a name used by two of them is
 * refused by the test of this index rather than silently overwritten.
 */
export const api = {
  ...systemEndpoints,
  ...contactEndpoints,
  ...segmentEndpoints,
  ...segmentLetterEndpoints,
  ...setupEndpoints,
  ...campaignEndpoints,
  ...contactCodeEndpoints,
  ...profileQuestionnaireEndpoints,
  ...languageEndpoints,
  ...criteriaEndpoints,
  ...interactionEndpoints,
  ...applyTemplateJobEndpoints,
  ...mergeEndpoints,
  ...deliveryEndpoints,
} as const;

export type Api = typeof api;
export type EndpointName = keyof Api;
