import type { EndpointSpec } from "@shared/model/endpoint";
import type { AppDeps } from "../app-deps";
import { defineHandler, type BoundHandler } from "./endpoint-handler";
import { problemResponse } from "./problem";

/** An endpoint of the contract whose handler has not landed yet: 501, never a silent 404. */
export const notImplemented = (spec: EndpointSpec): BoundHandler<AppDeps> =>
  defineHandler(spec, async () => {
    const problem = problemResponse(501, "not-implemented", "Not implemented yet", {
      detail: `${spec.method} ${spec.path} is part of the API contract but not served yet.`,
    });
    return {
      status: 501,
      json: problem.jsonBody,
      headers: { "content-type": "application/problem+json" },
    };
  });
