import { api } from "@shared/model/api";
import {
  ContactCodeFields,
  contactCodeNouns,
  type ContactCodeTable,
} from "@shared/model/contact-code";
import type { EndpointSpec } from "@shared/model/endpoint";
import { ConflictError } from "../errors/app-errors";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";
import { setupHandlers } from "./setup-handlers";

/**
 * Business Central's Mailing Group refuses OnDelete while its No. of Contacts is not 0; Job
 * Responsibility, Industry Group and Business Relation have no such trigger and delete freely.
 */
const refusesDeleteInUse: Readonly<Record<ContactCodeTable, boolean>> = {
  mailingGroups: true,
  jobResponsibilities: false,
  industryGroups: false,
  businessRelations: false,
};

const guardInUse =
  (table: ContactCodeTable) =>
  async (store: Store, tenant: TenantId, code: string): Promise<void> => {
    const n = await store.contacts.countCarrying(tenant, table, code);
    if (n === 0) return;
    const noun = contactCodeNouns[table];
    const contacts = n === 1 ? "1 contact" : `${n} contacts`;
    throw new ConflictError(
      `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${code} is carried by ${contacts}; remove it from them before deleting it.`,
    );
  };

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
    ...(refusesDeleteInUse[table] ? { guardDelete: guardInUse(table) } : {}),
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
