import { api } from "@shared/model/api";
import { applyTemplateJobEndpoints } from "@shared/model/api/apply-template-jobs";
import { campaignEndpoints } from "@shared/model/api/campaigns";
import { contactCodeEndpoints } from "@shared/model/api/contact-codes";
import { contactEndpoints } from "@shared/model/api/contacts";
import { criteriaEndpoints } from "@shared/model/api/criteria";
import { deliveryEndpoints } from "@shared/model/api/delivery";
import { interactionEndpoints } from "@shared/model/api/interactions";
import { languageEndpoints } from "@shared/model/api/languages";
import { mergeEndpoints } from "@shared/model/api/merge";
import { profileQuestionnaireEndpoints } from "@shared/model/api/profile-questionnaires";
import { segmentLetterEndpoints } from "@shared/model/api/segment-letter";
import { segmentEndpoints } from "@shared/model/api/segments";
import { setupEndpoints } from "@shared/model/api/setup";
import { systemEndpoints } from "@shared/model/api/system";
import type { EndpointSpec } from "@shared/model/endpoint";

const resources: Record<string, Record<string, EndpointSpec>> = {
  system: systemEndpoints,
  contacts: contactEndpoints,
  segments: segmentEndpoints,
  segmentLetter: segmentLetterEndpoints,
  setup: setupEndpoints,
  campaigns: campaignEndpoints,
  contactCodes: contactCodeEndpoints,
  profileQuestionnaires: profileQuestionnaireEndpoints,
  languages: languageEndpoints,
  criteria: criteriaEndpoints,
  interactions: interactionEndpoints,
  applyTemplateJobs: applyTemplateJobEndpoints,
  merge: mergeEndpoints,
  delivery: deliveryEndpoints,
};

describe("the contract's index", () => {
  it("lists every endpoint of every resource once, resource after resource", () => {
    const listed = Object.values(resources).flatMap((endpoints) => Object.keys(endpoints));
    // A name two resources share would be overwritten by the later one: the list would be shorter.
    expect(Object.keys(api)).toEqual(listed);
    for (const [name, spec] of Object.entries(api)) {
      const owner = Object.values(resources).find((endpoints) => Object.hasOwn(endpoints, name));
      expect([name, owner?.[name]]).toEqual([name, spec]);
    }
  });

  it("gives every method and path to one endpoint only", () => {
    const routes = Object.values(api).map((spec: EndpointSpec) => `${spec.method} ${spec.path}`);
    expect(routes.filter((route, i) => routes.indexOf(route) !== i)).toEqual([]);
  });
});
