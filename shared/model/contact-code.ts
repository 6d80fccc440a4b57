import { z } from "zod";
import { Code, PageQuery, ServerStamp, text } from "./common";
import { patchOf } from "./patch";

/**
 * One row of a code table contacts carry: job responsibilities, business relations, industry
 * groups and mailing groups. Business Central keeps each as Code + Description; the Danish
 * description beside the English one is ours, so the pane can label a code in either language.
 */
export const ContactCodeFields = z.object({
  code: Code,
  description: text(100).default("").meta({ description: "The English description." }),
  descriptionDa: text(100).default("").meta({ description: "The Danish description." }),
});
export type ContactCodeFields = z.infer<typeof ContactCodeFields>;

export const ContactCodeCreate = ContactCodeFields;
export const ContactCodePatch = patchOf(ContactCodeFields.omit({ code: true }));
export const ContactCode = ContactCodeFields.extend(ServerStamp.shape);
export type ContactCode = z.infer<typeof ContactCode>;

export const ContactCodeParams = z.object({ code: Code });
export const ContactCodeListQuery = PageQuery.extend({ search: z.string().max(100).optional() });

/** The code tables, named as the contact fields that hold their codes. */
export const contactCodeTables = [
  "jobResponsibilities",
  "businessRelations",
  "industryGroups",
  "mailingGroups",
] as const;
export type ContactCodeTable = (typeof contactCodeTables)[number];

/** How a user names one code of each table, in messages. */
export const contactCodeNouns: Readonly<Record<ContactCodeTable, string>> = {
  jobResponsibilities: "job responsibility",
  businessRelations: "business relation",
  industryGroups: "industry group",
  mailingGroups: "mailing group",
};
