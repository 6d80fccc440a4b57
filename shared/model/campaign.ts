import { z } from "zod";
import { Code, IsoDate, PageQuery, ServerStamp, text } from "./common";
import { patchOf } from "./patch";

export const CampaignFields = z.object({
  no: Code,
  description: text(100).default(""),
  startingDate: IsoDate.optional(),
  endingDate: IsoDate.optional(),
  salespersonCode: Code.optional(),
  statusCode: Code.optional(),
});
export type CampaignFields = z.infer<typeof CampaignFields>;

export const campaignRules = (c: CampaignFields, ctx: z.RefinementCtx): void => {
  if (c.startingDate && c.endingDate && c.endingDate < c.startingDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endingDate"],
      message: "must not be before startingDate",
      params: { rule: "dateOrder" },
    });
  }
};

export const CampaignCreate = CampaignFields.extend({
  no: CampaignFields.shape.no
    .optional()
    .meta({ description: "Taken from the CAMPAIGN number series when absent." }),
}).superRefine((c, ctx) => campaignRules({ ...c, no: c.no ?? "" }, ctx));
export const CampaignPatch = patchOf(CampaignFields.omit({ no: true }));
export const Campaign = CampaignFields.extend(ServerStamp.shape);
export type Campaign = z.infer<typeof Campaign>;

export const CampaignParams = z.object({ no: Code });
export const CampaignListQuery = PageQuery.extend({
  search: z.string().max(100).optional(),
  salespersonCode: Code.optional(),
  activeOn: IsoDate.optional().meta({ description: "Only campaigns running on this date." }),
});
