import { z } from "zod";
import { api } from "./api";
import type { EndpointSpec } from "./endpoint";
import { Problem } from "./problem";

const schemaOf = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const parametersOf = (spec: EndpointSpec) => {
  const params: object[] = [];
  for (const [where, schema] of [
    ["path", spec.params],
    ["query", spec.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input") as {
      properties?: Record<string, object>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      params.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  if (spec.ifMatch) {
    params.push({
      name: "If-Match",
      in: "header",
      required: spec.ifMatch === "required",
      description: "The ETag you read; a stale one answers 412.",
      schema: { type: "string" },
    });
  }
  return params;
};

const operationOf = (operationId: string, spec: EndpointSpec) => {
  const responses: Record<string, object> = {};
  responses[String(spec.status)] =
    spec.status === 204
      ? { description: "Done." }
      : {
          description: "Success.",
          content: spec.response
            ? { "application/json": { schema: schemaOf(spec.response, "output") } }
            : { [spec.responseType ?? "application/octet-stream"]: { schema: { type: "string" } } },
        };
  responses["400"] = problemResponse("Bad input: `errors` names each field and the rule it broke.");
  if (spec.access !== "public") {
    responses["401"] = problemResponse("No valid access token.");
    responses["403"] = problemResponse(
      spec.role === "admin"
        ? "Needs the Mergeline Admin role."
        : "Needs the Mergeline Marketer or Admin role.",
    );
  }
  if (spec.rateLimit)
    responses["429"] = problemResponse("Too many of these at once; see Retry-After.");
  if (spec.params) responses["404"] = problemResponse("Not found in your tenant.");
  if (spec.ifMatch)
    responses["412"] = problemResponse("Someone else changed it since you read it.");
  if (spec.ifMatch === "required") responses["428"] = problemResponse("If-Match is missing.");
  const body = spec.body
    ? {
        requestBody: {
          required: true,
          content: Object.fromEntries([
            ["application/json", { schema: schemaOf(spec.body, "input") }],
            ...(spec.bodyTypes ?? []).map((t) => [t, { schema: { type: "string" } }]),
          ]),
        },
      }
    : {};
  return {
    operationId,
    ...(spec.access === "public" ? { security: [] } : {}),
    tags: [spec.tag],
    summary: spec.summary,
    parameters: parametersOf(spec),
    ...body,
    responses,
  };
};

/** The OpenAPI 3.1 document of the API, generated from the contract; nothing is written twice. */
export const buildOpenApi = (version: string, serverUrl = "/api") => {
  const paths: Record<string, Record<string, object>> = {};
  for (const [operationId, spec] of Object.entries(api) as [string, EndpointSpec][]) {
    const item = (paths[spec.path] ??= {});
    item[spec.method.toLowerCase()] = operationOf(operationId, spec);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Mergeline API",
      version,
      description:
        "Contacts, segments, mail merge and interaction logging. Errors are RFC 9457 problem+json.",
    },
    servers: [{ url: serverUrl }],
    paths,
    security: [{ entra: [] }],
    components: {
      schemas: { Problem: schemaOf(Problem, "output") },
      securitySchemes: {
        entra: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "An Entra ID access token for the Mergeline API (scope access_as_user).",
        },
      },
    },
  };
};
