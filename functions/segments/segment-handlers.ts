import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { defineHandler } from "../http/endpoint-handler";
import {
  createSegmentLine,
  deleteSegmentLine,
  getSegmentLine,
  listSegmentLines,
  updateSegmentLine,
} from "./segment-line-service";
import {
  applyTemplate,
  createSegment,
  deleteSegment,
  getSegment,
  listSegments,
  updateSegment,
} from "./segment-service";

export const listSegmentsHandler = defineHandler(
  api.listSegments,
  async ({ identity, query }, deps: AppDeps) => ({
    json: await listSegments(deps, identity, query),
  }),
);

export const createSegmentHandler = defineHandler(
  api.createSegment,
  async ({ identity, body }, deps: AppDeps) => {
    const segment = await createSegment(deps, identity, body);
    return {
      json: segment,
      headers: { location: `/api/segments/${encodeURIComponent(segment.no)}` },
    };
  },
);

export const getSegmentHandler = defineHandler(
  api.getSegment,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await getSegment(deps, identity, params.no),
  }),
);

export const updateSegmentHandler = defineHandler(
  api.updateSegment,
  async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
    json: await updateSegment(deps, identity, params.no, body, ifMatch),
  }),
);

export const deleteSegmentHandler = defineHandler(
  api.deleteSegment,
  async ({ identity, params, ifMatch }, deps: AppDeps) => {
    await deleteSegment(deps, identity, params.no, ifMatch);
    return {};
  },
);

export const listSegmentLinesHandler = defineHandler(
  api.listSegmentLines,
  async ({ identity, params, query }, deps: AppDeps) => ({
    json: await listSegmentLines(deps, identity, params.no, query),
  }),
);

export const createSegmentLineHandler = defineHandler(
  api.createSegmentLine,
  async ({ identity, params, body }, deps: AppDeps) => {
    const line = await createSegmentLine(deps, identity, params.no, body);
    return {
      json: line,
      headers: { location: `/api/segments/${encodeURIComponent(params.no)}/lines/${line.lineNo}` },
    };
  },
);

export const getSegmentLineHandler = defineHandler(
  api.getSegmentLine,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await getSegmentLine(deps, identity, params.no, params.lineNo),
  }),
);

export const updateSegmentLineHandler = defineHandler(
  api.updateSegmentLine,
  async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
    json: await updateSegmentLine(deps, identity, params.no, params.lineNo, body, ifMatch),
  }),
);

export const deleteSegmentLineHandler = defineHandler(
  api.deleteSegmentLine,
  async ({ identity, params, ifMatch }, deps: AppDeps) => {
    await deleteSegmentLine(deps, identity, params.no, params.lineNo, ifMatch);
    return {};
  },
);

export const applyTemplateHandler = defineHandler(
  api.applyTemplate,
  async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
    json: await applyTemplate(deps, identity, params.no, body, ifMatch),
    ...(body.jobId ? { headers: { location: `/api/apply-template-jobs/${body.jobId}` } } : {}),
  }),
);
