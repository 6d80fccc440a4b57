import type { z } from "zod";
import type { ContactCodeFields, ContactCodeTable } from "../model/contact-code";
import {
  BUSINESS_RELATIONS,
  INDUSTRY_GROUPS,
  JOB_RESPONSIBILITIES,
  MAILING_GROUPS,
  type BusinessRelation,
  type IndustryGroup,
  type JobResponsibility,
  type MailingGroup,
} from "./codes";

export type DemoContactCode = z.input<typeof ContactCodeFields>;

type Descriptions<K extends string> = Readonly<Record<K, readonly [en: string, da: string]>>;

// Typed by the code lists the generator hands out, so a code without a setup row does not compile.
const jobResponsibilities: Descriptions<JobResponsibility> = {
  MGMT: ["Management", "Ledelse"],
  PURCHASE: ["Purchasing", "Indkøb"],
  IT: ["IT", "IT"],
  SALES: ["Sales", "Salg"],
  MARKETING: ["Marketing", "Marketing"],
  FINANCE: ["Finance", "Økonomi"],
};
const businessRelations: Descriptions<BusinessRelation> = {
  CUST: ["Customer", "Debitor"],
  PROSPECT: ["Prospect", "Emne"],
  VEND: ["Vendor", "Kreditor"],
  PARTNER: ["Partner", "Partner"],
};
const industryGroups: Descriptions<IndustryGroup> = {
  RETAIL: ["Retail", "Detailhandel"],
  MANUF: ["Manufacturing", "Produktion"],
  IT: ["IT and software", "IT og software"],
  FINANS: ["Finance and insurance", "Finans og forsikring"],
  TRANSPORT: ["Transport and logistics", "Transport og logistik"],
  ENERGI: ["Energy", "Energi"],
  BYG: ["Construction", "Byggeri"],
  FOOD: ["Food and beverages", "Fødevarer"],
};
const mailingGroups: Descriptions<MailingGroup> = {
  NYHEDSBREV: ["Newsletter", "Nyhedsbrev"],
  JULEKORT: ["Christmas card", "Julekort"],
  EVENT: ["Event invitations", "Invitationer til arrangementer"],
  VIP: ["VIP", "VIP"],
};

const rows = <K extends string>(codes: readonly K[], d: Descriptions<K>): DemoContactCode[] =>
  codes.map((code) => ({ code, description: d[code][0], descriptionDa: d[code][1] }));

/** The demo tenant's code tables: every code its contacts carry, with English and Danish text. */
export const demoContactCodes = (): Record<ContactCodeTable, DemoContactCode[]> => ({
  jobResponsibilities: rows(JOB_RESPONSIBILITIES, jobResponsibilities),
  businessRelations: rows(BUSINESS_RELATIONS, businessRelations),
  industryGroups: rows(INDUSTRY_GROUPS, industryGroups),
  mailingGroups: rows(MAILING_GROUPS, mailingGroups),
});
