import { z } from "zod";

/** An interaction log entry, by its number alone (entry Nos. are unique in a tenant). */
export const EntryNoParams = z.object({ entryNo: z.coerce.number().int().min(1) });

/**
 * How a resent letter goes out. Today the letters come back to the caller ("download"); e-mail
 * delivery (a later issue) is one more value here and one transport in functions/interactions/.
 */
export const ResendVia = z.enum(["download"]);
export type ResendVia = z.infer<typeof ResendVia>;

export const ResendEntryRequest = z.object({
  via: ResendVia.default("download").meta({ description: "How the letter goes out again." }),
});

export const ResendLoggedSegmentRequest = z.object({
  jobId: z.uuid().optional().meta({
    description:
      "Choose the job's id, to follow its progress at /merge-jobs/{id} while this request runs; a repeat with the same id answers the same job.",
  }),
  via: ResendVia.default("download").meta({ description: "How the letters go out again." }),
});
