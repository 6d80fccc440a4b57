import type { EndpointSpec } from "@shared/model/endpoint";
import type { AppDeps } from "../app-deps";
import { defineHandler } from "../http/endpoint-handler";
import type { SetupResource } from "./setup-resource";
import { createSetup, listSetup, updateSetup, type SetupRules } from "./setup-service";

const keyParam = (params: unknown): string => {
  const p = params as { code?: string; no?: string };
  return (p.code ?? p.no) as string;
};

/** The five CRUD handlers of a setup resource; the contract still types each one's input. */
export const setupHandlers = <
  T extends { etag: string },
  L extends EndpointSpec,
  C extends EndpointSpec,
  G extends EndpointSpec,
  U extends EndpointSpec,
  D extends EndpointSpec,
>(
  resource: SetupResource<T, L, C, G, U, D>,
) => {
  const rules = (deps: AppDeps): SetupRules<T> => ({
    ...resource,
    repository: resource.repository(deps.store),
  });
  return {
    list: defineHandler(resource.endpoints.list, async ({ identity, query }, deps: AppDeps) => ({
      json: await listSetup(deps, rules(deps), identity, query as never, resource.filters(query)),
    })),
    create: defineHandler(resource.endpoints.create, async ({ identity, body }, deps: AppDeps) => ({
      json: await createSetup(
        deps,
        rules(deps),
        identity,
        body as unknown as Record<string, unknown>,
      ),
    })),
    get: defineHandler(resource.endpoints.get, async ({ identity, params }, deps: AppDeps) => ({
      json: await resource.repository(deps.store).store.get(identity.tenantId, keyParam(params)),
    })),
    update: defineHandler(
      resource.endpoints.update,
      async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
        json: await updateSetup(
          deps,
          rules(deps),
          identity,
          keyParam(params),
          body as unknown as Record<string, unknown>,
          ifMatch as string,
        ),
      }),
    ),
    delete: defineHandler(
      resource.endpoints.delete,
      async ({ identity, params, ifMatch }, deps: AppDeps) => {
        await resource.guardDelete?.(deps.store, identity.tenantId, keyParam(params));
        await resource
          .repository(deps.store)
          .store.delete(identity.tenantId, keyParam(params), ifMatch);
        return {};
      },
    ),
  };
};
