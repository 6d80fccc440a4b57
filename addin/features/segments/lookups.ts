import { useApi } from "../../api/api-context";
import { useApiQuery } from "../../api/use-api-query";

export interface LookupOption {
  readonly code: string;
  readonly name: string;
}

const TOP = 200;

/** Salespeople, campaigns and interaction templates for the header's pickers, read once. */
export const useHeaderLookups = () => {
  const { client } = useApi();
  return useApiQuery(
    async (signal) => {
      const [salespeople, campaigns, templates] = await Promise.all([
        client("listSalespeople", { query: { top: TOP }, signal }),
        client("listCampaigns", { query: { top: TOP }, signal }),
        client("listInteractionTemplates", { query: { top: TOP }, signal }),
      ]);
      return {
        salespeople: salespeople.items.map((s) => ({ code: s.code, name: s.name })),
        campaigns: campaigns.items.map((c) => ({ code: c.no, name: c.description })),
        templates: templates.items.map((x) => ({ code: x.code, name: x.description })),
      };
    },
    [client],
  );
};
