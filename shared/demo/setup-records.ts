import type { z } from "zod";
import type { CampaignFields } from "../model/campaign";
import type { InteractionTemplateCreate } from "../model/interaction-template";
import type { SalespersonCreate } from "../model/salesperson";
import type { Territory } from "./codes";

/**
 * The demo tenant's set-up: who sells, what campaigns run, which interactions are logged.
 * Fixed rather than random: demos, docs and tests refer to "CP1001" and "JO" by name.
 * Built by functions so that a caller who edits the records never edits the next tenant's.
 */
export type DemoSalesperson = z.input<typeof SalespersonCreate>;
export type DemoCampaign = z.input<typeof CampaignFields>;
export type DemoInteractionTemplate = z.input<typeof InteractionTemplateCreate>;

export const demoSalespeople = (): DemoSalesperson[] => [
  {
    code: "JO",
    name: "Jonas Østergaard",
    jobTitle: "Salgsdirektør",
    email: "jo@mergeline.dev",
    phone: "+45 33 12 34 51",
  },
  {
    code: "MH",
    name: "Mette Holm",
    jobTitle: "Key Account Manager",
    email: "mh@mergeline.dev",
    phone: "+45 33 12 34 52",
  },
  {
    code: "PS",
    name: "Peter Skovgaard",
    jobTitle: "Salgskonsulent",
    email: "ps@mergeline.dev",
    phone: "+45 33 12 34 53",
  },
  {
    code: "LK",
    name: "Louise Kjær",
    jobTitle: "Salgskonsulent",
    email: "lk@mergeline.dev",
    phone: "+45 33 12 34 54",
  },
  {
    code: "AB",
    name: "Anders Bækgaard",
    jobTitle: "Eksportchef",
    email: "ab@mergeline.dev",
    phone: "+45 33 12 34 55",
  },
];

/** Who covers which territory; the first code is the territory's main salesperson. */
export const TERRITORY_SALESPEOPLE: Readonly<Record<Territory, readonly string[]>> = {
  ØST: ["JO", "MH"],
  SYD: ["PS"],
  VEST: ["LK", "PS"],
  NORD: ["LK"],
  EXPORT: ["AB"],
};

export const demoCampaigns = (): DemoCampaign[] => [
  {
    no: "CP1001",
    description: "Spring launch 2026",
    startingDate: "2026-03-02",
    endingDate: "2026-05-29",
    salespersonCode: "MH",
    statusCode: "PLANNED",
  },
  {
    no: "CP1002",
    description: "Christmas cards 2025",
    startingDate: "2025-11-17",
    endingDate: "2025-12-19",
    salespersonCode: "JO",
    statusCode: "DONE",
  },
  {
    no: "CP1003",
    description: "Nordic Retail Expo 2026, Herning",
    startingDate: "2026-09-08",
    endingDate: "2026-09-10",
    salespersonCode: "AB",
    statusCode: "PLANNED",
  },
  {
    no: "CP1004",
    description: "Win back lapsed customers",
    startingDate: "2026-01-12",
    endingDate: "2026-06-30",
    salespersonCode: "PS",
    statusCode: "ACTIVE",
  },
];

export const demoInteractionTemplates = (): DemoInteractionTemplate[] => [
  {
    code: "LETTER",
    description: "Brev",
    interactionGroupCode: "LETTER",
    unitCost: 14.5,
    unitDuration: 10,
    informationFlow: "outbound",
    initiatedBy: "us",
    correspondenceType: "hardCopy",
    languageCode: "da-DK",
  },
  {
    code: "EMAIL",
    description: "E-mail",
    interactionGroupCode: "EMAIL",
    unitCost: 0,
    unitDuration: 3,
    informationFlow: "outbound",
    initiatedBy: "us",
    correspondenceType: "email",
    languageCode: "da-DK",
  },
  {
    code: "MEETINV",
    description: "Invitation til møde på messen",
    interactionGroupCode: "MEETING",
    unitCost: 2,
    unitDuration: 15,
    informationFlow: "outbound",
    initiatedBy: "us",
    correspondenceType: "email",
    languageCode: "da-DK",
    campaignNo: "CP1003",
    campaignTarget: true,
  },
  {
    code: "NEWSLTR",
    description: "Nyhedsbrev",
    interactionGroupCode: "EMAIL",
    unitCost: 0.25,
    unitDuration: 1,
    informationFlow: "outbound",
    initiatedBy: "us",
    correspondenceType: "email",
    languageCode: "da-DK",
    campaignNo: "CP1001",
    campaignTarget: true,
  },
  {
    // A Christmas card goes on paper even to a contact who prefers e-mail.
    code: "XMASCARD",
    description: "Julekort",
    interactionGroupCode: "LETTER",
    unitCost: 22,
    unitDuration: 5,
    informationFlow: "outbound",
    initiatedBy: "us",
    correspondenceType: "hardCopy",
    ignoreContactCorrespondenceType: true,
    languageCode: "da-DK",
    campaignNo: "CP1002",
    campaignTarget: true,
  },
];
