import { page } from "../common";
import {
  ContactCode,
  ContactCodeCreate,
  ContactCodeListQuery,
  ContactCodeParams,
  ContactCodePatch,
} from "../contact-code";
import { endpoint } from "../endpoint";

/** The five CRUD endpoints of one code table under /{path}. */
const codeTableEndpoints = (path: string, tag: string, noun: string) =>
  ({
    list: endpoint({
      method: "GET",
      path: `/${path}`,
      tag,
      summary: `List ${noun}s.`,
      query: ContactCodeListQuery,
      response: page(ContactCode),
      status: 200,
    }),
    create: endpoint({
      method: "POST",
      path: `/${path}`,
      tag,
      summary: `Create a ${noun}.`,
      body: ContactCodeCreate,
      response: ContactCode,
      status: 201,
    }),
    get: endpoint({
      method: "GET",
      path: `/${path}/{code}`,
      tag,
      summary: `Read a ${noun}.`,
      params: ContactCodeParams,
      response: ContactCode,
      status: 200,
    }),
    update: endpoint({
      method: "PATCH",
      path: `/${path}/{code}`,
      tag,
      summary: `Change a ${noun}.`,
      params: ContactCodeParams,
      body: ContactCodePatch,
      response: ContactCode,
      status: 200,
      ifMatch: "required",
    }),
    delete: endpoint({
      method: "DELETE",
      path: `/${path}/{code}`,
      tag,
      summary: `Delete a ${noun}.`,
      params: ContactCodeParams,
      status: 204,
      ifMatch: "optional",
    }),
  }) as const;

const jobResponsibility = codeTableEndpoints(
  "job-responsibilities",
  "Job responsibilities",
  "job responsibility",
);
const businessRelation = codeTableEndpoints(
  "business-relations",
  "Business relations",
  "business relation",
);
const industryGroup = codeTableEndpoints("industry-groups", "Industry groups", "industry group");
const mailingGroup = codeTableEndpoints("mailing-groups", "Mailing groups", "mailing group");

/** The code tables contacts carry codes of, as Business Central's Relationship Management setup. */
export const contactCodeEndpoints = {
  listJobResponsibilities: jobResponsibility.list,
  createJobResponsibility: jobResponsibility.create,
  getJobResponsibility: jobResponsibility.get,
  updateJobResponsibility: jobResponsibility.update,
  deleteJobResponsibility: jobResponsibility.delete,
  listBusinessRelations: businessRelation.list,
  createBusinessRelation: businessRelation.create,
  getBusinessRelation: businessRelation.get,
  updateBusinessRelation: businessRelation.update,
  deleteBusinessRelation: businessRelation.delete,
  listIndustryGroups: industryGroup.list,
  createIndustryGroup: industryGroup.create,
  getIndustryGroup: industryGroup.get,
  updateIndustryGroup: industryGroup.update,
  deleteIndustryGroup: industryGroup.delete,
  listMailingGroups: mailingGroup.list,
  createMailingGroup: mailingGroup.create,
  getMailingGroup: mailingGroup.get,
  updateMailingGroup: mailingGroup.update,
  deleteMailingGroup: mailingGroup.delete,
} as const;
