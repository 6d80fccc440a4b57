import { api } from "@shared/model/api";
import { ContactCodeFields, type ContactCodeTable } from "@shared/model/contact-code";
import type { EndpointSpec } from "@shared/model/endpoint";
import { setupHandlers } from "./setup-handlers";

/** One code table served like the other setup resources; a code refers to nothing. */
const codeTableHandlers = <
  L extends EndpointSpec,
  C extends EndpointSpec,
  G extends EndpointSpec,
  U extends EndpointSpec,
  D extends EndpointSpec,
>(
  table: ContactCodeTable,
  endpoints: { list: L; create: C; get: G; update: U; delete: D },
) =>
  setupHandlers({
    endpoints,
    repository: (store) => store.contactCodes[table],
    valid: ContactCodeFields,
    keyOf: (f) => String(f["code"]),
    references: () => [],
    filters: () => [],
  });

export const jobResponsibilityHandlers = codeTableHandlers("jobResponsibilities", {
  list: api.listJobResponsibilities,
  create: api.createJobResponsibility,
  get: api.getJobResponsibility,
  update: api.updateJobResponsibility,
  delete: api.deleteJobResponsibility,
});

export const businessRelationHandlers = codeTableHandlers("businessRelations", {
  list: api.listBusinessRelations,
  create: api.createBusinessRelation,
  get: api.getBusinessRelation,
  update: api.updateBusinessRelation,
  delete: api.deleteBusinessRelation,
});

export const industryGroupHandlers = codeTableHandlers("industryGroups", {
  list: api.listIndustryGroups,
  create: api.createIndustryGroup,
  get: api.getIndustryGroup,
  update: api.updateIndustryGroup,
  delete: api.deleteIndustryGroup,
});

export const mailingGroupHandlers = codeTableHandlers("mailingGroups", {
  list: api.listMailingGroups,
  create: api.createMailingGroup,
  get: api.getMailingGroup,
  update: api.updateMailingGroup,
  delete: api.deleteMailingGroup,
});
