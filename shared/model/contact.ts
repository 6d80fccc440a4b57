import { z } from "zod";
import {
  Code,
  CorrespondenceType,
  CountryCode,
  Email,
  LanguageTag,
  PageQuery,
  Phone,
  ServerStamp,
  listParam,
  queryBoolean,
  text,
} from "./common";
import { patchOf } from "./patch";
import { isReservedKey, reservedKeyRule } from "./reserved-keys";

export const ContactType = z.enum(["company", "person"]);

export const ProfileAnswer = z.object({
  questionnaire: Code,
  question: text(50).min(1),
  answer: text(250),
});

export const CustomFieldKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, { message: "must be a letter then letters, digits or _" })
  .refine((key) => !isReservedKey(key), {
    message: "constructor and prototype name JavaScript's object machinery; choose another key",
    params: { rule: reservedKeyRule },
  });
export const CustomFieldValue = z.union([z.string().max(250), z.number(), z.boolean()]);

/** What a client may write on a contact. Person-only and company-only rules live in contactRules. */
export const ContactFields = z.object({
  no: Code.meta({ description: "Contact No., unique per tenant; never changes." }),
  type: ContactType,
  name: text(100).min(1),
  searchName: text(100)
    .optional()
    .meta({ description: "Upper-case name for searching; derived when absent." }),
  companyNo: Code.optional().meta({ description: "The company a person works for." }),
  firstName: text(30).optional(),
  middleName: text(30).optional(),
  surname: text(30).optional(),
  jobTitle: text(30).optional(),
  salutation: text(50).optional(),
  email: Email.optional(),
  phone: Phone.optional(),
  mobile: Phone.optional(),
  address: text(100).optional(),
  address2: text(50).optional(),
  postCode: text(20).optional(),
  city: text(30).optional(),
  county: text(30).optional(),
  countryRegionCode: CountryCode.optional(),
  salespersonCode: Code.optional(),
  territoryCode: Code.optional(),
  languageCode: LanguageTag.optional(),
  correspondenceType: CorrespondenceType.optional(),
  emailOptOut: z.boolean().default(false).meta({
    description:
      "The contact opted out of e-mail: e-mail deliveries skip it with the reason opted_out, never sent.",
  }),
  excludeFromSegments: z.boolean().default(false),
  mailingGroups: z.array(Code).max(50).default([]),
  industryGroups: z.array(Code).max(50).default([]).meta({ description: "Companies only." }),
  businessRelations: z.array(Code).max(50).default([]).meta({ description: "Companies only." }),
  jobResponsibilities: z.array(Code).max(50).default([]).meta({ description: "Persons only." }),
  profileAnswers: z.array(ProfileAnswer).max(200).default([]),
  customFields: z
    .record(CustomFieldKey, CustomFieldValue)
    .refine((r) => Object.keys(r).length <= 50, { message: "at most 50 custom fields" })
    .default({}),
});
export type ContactFields = z.infer<typeof ContactFields>;

/** Rules across fields, applied on create and after every patch. */
export const contactRules = (c: ContactFields, ctx: z.RefinementCtx): void => {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message, params: { rule: "contactType" } });
  if (c.type === "company") {
    if (c.companyNo) issue("companyNo", "only a person can belong to a company");
    if (c.jobResponsibilities.length > 0)
      issue("jobResponsibilities", "only persons have job responsibilities");
    for (const f of ["firstName", "middleName", "surname", "jobTitle"] as const) {
      if (c[f]) issue(f, `only persons have a ${f}`);
    }
  } else {
    if (c.industryGroups.length > 0) issue("industryGroups", "only companies have industry groups");
    if (c.businessRelations.length > 0)
      issue("businessRelations", "only companies have business relations");
  }
};

export const ContactCreate = ContactFields.extend({
  no: ContactFields.shape.no
    .optional()
    .meta({ description: "Taken from the number series when absent." }),
}).superRefine((c, ctx) => contactRules({ ...c, no: c.no ?? "" }, ctx));
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactPatch = patchOf(ContactFields.omit({ no: true, type: true }));
export type ContactPatch = z.infer<typeof ContactPatch>;

export const Contact = ContactFields.extend({
  searchName: text(100),
  companyName: text(100)
    .optional()
    .meta({ description: "The name of the contact's company (read-only)." }),
}).extend(ServerStamp.shape);
export type Contact = z.infer<typeof Contact>;

export const ContactNoParams = z.object({ no: Code });

export const ContactListQuery = PageQuery.extend({
  search: z.string().max(100).optional().meta({ description: "Part of the name, No., or e-mail." }),
  type: ContactType.optional(),
  companyNo: Code.optional(),
  city: listParam.optional(),
  postCode: listParam.optional(),
  countryRegionCode: listParam.optional(),
  salespersonCode: listParam.optional(),
  territoryCode: listParam.optional(),
  languageCode: listParam.optional(),
  mailingGroup: Code.optional(),
  excludeFromSegments: queryBoolean.optional(),
  orderBy: z.enum(["no", "name", "city", "modifiedAt"]).default("no"),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
