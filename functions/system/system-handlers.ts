import { api } from "@shared/model/api";
import type { Health } from "@shared/model/health";
import { buildOpenApi } from "@shared/model/openapi";
import type { AppDeps } from "../app-deps";
import { defineHandler } from "../http/endpoint-handler";

const check = async (
  name: string,
  probe: () => Promise<unknown>,
): Promise<Health["checks"][number]> => {
  try {
    await probe();
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
};

export const getHealthHandler = defineHandler(api.getHealth, async (_input, deps: AppDeps) => {
  const checks = await Promise.all([
    check("cosmos", () => deps.store.ping()),
    ...(deps.blobs
      ? [check("blob", () => (deps.blobs as NonNullable<AppDeps["blobs"]>).getProperties())]
      : []),
  ]);
  const ok = checks.every((c) => c.ok);
  const health: Health = { status: ok ? "ok" : "degraded", version: deps.config.version, checks };
  return { status: ok ? 200 : 503, json: health };
});

let openApiDocument: ReturnType<typeof buildOpenApi> | undefined;

export const getOpenApiHandler = defineHandler(api.getOpenApi, async (_input, deps: AppDeps) => {
  openApiDocument ??= buildOpenApi(deps.config.version);
  return { json: openApiDocument };
});
