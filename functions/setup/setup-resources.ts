import { api } from "@shared/model/api";
import { CampaignFields, campaignRules } from "@shared/model/campaign";
import { InteractionTemplateFields } from "@shared/model/interaction-template";
import { SalespersonFields } from "@shared/model/salesperson";
import { series } from "../store/number-series";
import type { SetupFilter } from "../store/setup-repository";
import { setupHandlers } from "./setup-handlers";

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export const salespersonHandlers = setupHandlers({
  endpoints: {
    list: api.listSalespeople,
    create: api.createSalesperson,
    get: api.getSalesperson,
    update: api.updateSalesperson,
    delete: api.deleteSalesperson,
  },
  repository: (store) => store.salespeople,
  valid: SalespersonFields,
  keyOf: (f) => String(f["code"]),
  references: () => [],
  filters: () => [],
});

export const campaignHandlers = setupHandlers({
  endpoints: {
    list: api.listCampaigns,
    create: api.createCampaign,
    get: api.getCampaign,
    update: api.updateCampaign,
    delete: api.deleteCampaign,
  },
  repository: (store) => store.campaigns,
  valid: CampaignFields.superRefine(campaignRules),
  keyOf: (f) => String(f["no"]),
  series: { def: series.campaign, keyField: "no" },
  references: (f) => [
    { field: "salespersonCode", kind: "salesperson", value: str(f["salespersonCode"]) },
  ],
  filters: (q) => {
    const filters: SetupFilter[] = [];
    if (q.salespersonCode) filters.push({ field: "salespersonCode", value: q.salespersonCode });
    if (q.activeOn) {
      filters.push(
        { field: "startingDate", op: "<=", value: q.activeOn },
        { field: "endingDate", op: ">=", value: q.activeOn },
      );
    }
    return filters;
  },
});

export const interactionTemplateHandlers = setupHandlers({
  endpoints: {
    list: api.listInteractionTemplates,
    create: api.createInteractionTemplate,
    get: api.getInteractionTemplate,
    update: api.updateInteractionTemplate,
    delete: api.deleteInteractionTemplate,
  },
  repository: (store) => store.interactionTemplates,
  valid: InteractionTemplateFields,
  keyOf: (f) => String(f["code"]),
  references: (f) => [{ field: "campaignNo", kind: "campaign", value: str(f["campaignNo"]) }],
  filters: (q) => {
    const filters: SetupFilter[] = [];
    if (q.interactionGroupCode)
      filters.push({ field: "interactionGroupCode", value: q.interactionGroupCode });
    if (q.campaignNo) filters.push({ field: "campaignNo", value: q.campaignNo });
    return filters;
  },
  initial: { attachments: [] },
});
