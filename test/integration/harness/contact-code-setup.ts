import type { ApiHarness } from "./api-harness";

const paths = {
  mailingGroups: "/api/mailing-groups",
  industryGroups: "/api/industry-groups",
  businessRelations: "/api/business-relations",
  jobResponsibilities: "/api/job-responsibilities",
} as const;

type CodeLists = { readonly [K in keyof typeof paths]?: readonly string[] };

/**
 * Sets up, through the API, every code the given contacts carry, as a tenant must before its
 * contacts may carry them (contacts are checked against the code tables as in Business Central).
 * A code set up already is left as it is.
 */
export const setUpCodesOf = async (
  api: ApiHarness,
  contacts: readonly object[],
  options: { readonly tenant?: string } = {},
): Promise<void> => {
  for (const [list, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
    const codes = new Set(contacts.flatMap((c) => (c as CodeLists)[list] ?? []));
    for (const code of codes) {
      const res = await api.call("POST", path, { ...options, body: { code } });
      if (res.status !== 201 && res.status !== 409)
        throw new Error(`POST ${path} ${code}: ${res.status} ${res.text}`);
    }
  }
};
