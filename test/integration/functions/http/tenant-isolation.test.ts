import { api as contract, type EndpointName } from "@shared/model/api";
import type { EndpointSpec } from "@shared/model/endpoint";
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { minimalDocx } from "../interactions/logging-fixture";

/**
 * Tenant A's data, probed through every endpoint of the contract by tenant B. The matrix must
 * name every endpoint, so a new endpoint cannot slip through untested.
 */
let api: ApiHarness;
const A = { tenant: "tenant-a" };
const B = { tenant: "tenant-b" };
const ids = {
  contact: "KTA00001",
  person: "KTA00002",
  segment: "SEGA",
  salesperson: "SA",
  campaign: "CPA",
  template: "TPLA",
  saved: "SCA",
  lineNo: 0,
  logged: 0,
  job: "",
};
const etags = new Map<string, string>();

const reads: [string, string][] = [];

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  const make = async (path: string, body: object) => {
    const res = await api.call("POST", path, { ...A, body });
    expect(res.status).toBe(201);
    return res.json;
  };
  await make("/api/salespeople", { code: ids.salesperson, name: "Anna A" });
  await make("/api/campaigns", { no: ids.campaign, description: "A's campaign" });
  await make("/api/interaction-templates", { code: ids.template, description: "A's letter" });
  await make("/api/contacts", {
    no: ids.contact,
    type: "company",
    name: "A Company",
    email: "a@a.example",
  });
  await make("/api/contacts", {
    no: ids.person,
    type: "person",
    name: "A Person",
    companyNo: ids.contact,
  });
  await make("/api/segments", { no: ids.segment, description: "A's segment" });
  ids.lineNo = (await make(`/api/segments/${ids.segment}/lines`, { contactNo: ids.person })).lineNo;
  const added = await api.call("POST", `/api/segments/${ids.segment}/add-contacts`, {
    ...A,
    body: { filter: { kind: "field", field: "no", op: "eq", value: ids.contact } },
  });
  expect(added.json.linesAdded).toBe(1);
  await make(`/api/segments/${ids.segment}/save-criteria`, {
    code: ids.saved,
    description: "A's criteria",
  });
  await make("/api/segments", {
    no: "SEGL",
    description: "A's logged",
    interactionTemplateCode: ids.template,
  });
  await make("/api/segments/SEGL/lines", { contactNo: ids.person });
  const toLog = await api.call("GET", "/api/segments/SEGL", A);
  const logged = await api.call("POST", "/api/segments/SEGL/log", {
    ...A,
    body: {},
    ifMatch: toLog.json.etag,
  });
  expect(logged.status).toBe(200);
  ids.logged = logged.json.loggedSegment.entryNo;
  const merged = await api.call("POST", "/api/segments/SEGL/merge", {
    ...A,
    body: {
      template: {
        documentBase64: Buffer.from(minimalDocx("A's letter «Name»")).toString("base64"),
      },
    },
  });
  expect(merged.status).toBe(200);
  ids.job = merged.json.id;
  reads.push(
    ["contact", `/api/contacts/${ids.contact}`],
    ["person", `/api/contacts/${ids.person}`],
    ["segment", `/api/segments/${ids.segment}`],
    ["line", `/api/segments/${ids.segment}/lines/${ids.lineNo}`],
    ["salesperson", `/api/salespeople/${ids.salesperson}`],
    ["campaign", `/api/campaigns/${ids.campaign}`],
    ["template", `/api/interaction-templates/${ids.template}`],
    ["saved", `/api/saved-criteria/${ids.saved}`],
    ["logged", `/api/logged-segments/${ids.logged}`],
  );
  for (const [name, path] of reads) etags.set(name, (await api.call("GET", path, A)).json.etag);
});
afterAll(() => api.close());

const pathFor = (spec: EndpointSpec): string =>
  "/api" +
  spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "lineNo") return String(ids.lineNo);
    if (name === "field") return "name";
    if (name === "languageCode") return "da-DK";
    if (name === "entryNo") return String(ids.logged);
    if (name === "contactNo") return ids.person;
    if (name === "id") return ids.job;
    if (spec.path.startsWith("/contacts")) return ids.contact;
    if (spec.path.startsWith("/segments")) return ids.segment;
    if (spec.path.startsWith("/campaigns")) return ids.campaign;
    if (spec.path.startsWith("/salespeople")) return ids.salesperson;
    if (spec.path.startsWith("/interaction-templates")) return ids.template;
    if (spec.path.startsWith("/saved-criteria")) return ids.saved;
    throw new Error(`no id for ${spec.path}`);
  });

const patchBodies: Partial<Record<EndpointName, object>> = {
  updateContact: { city: "Hijacked" },
  updateSegment: { description: "Hijacked" },
  updateSegmentLine: { note: "Hijacked" },
  updateSalesperson: { name: "Hijacked" },
  updateCampaign: { description: "Hijacked" },
  updateInteractionTemplate: { description: "Hijacked" },
  evaluateInteraction: { evaluation: "positive" },
};

const createBodies: Partial<Record<EndpointName, object>> = {
  createContact: { no: ids.contact, type: "company", name: "B's own company" },
  createSegment: { no: ids.segment, description: "B's own" },
  createSalesperson: { code: ids.salesperson, name: "B's own" },
  createCampaign: { no: ids.campaign, description: "B's own" },
  createInteractionTemplate: { code: ids.template, description: "B's own" },
  createSegmentLine: { contactNo: ids.person },
  importContacts: { csv: `No.;Name;Type\r\n${ids.person};B's person;person\r\n` },
  addContacts: { filter: { kind: "field", field: "no", op: "notEmpty" } },
  reduceContacts: { filter: { kind: "field", field: "no", op: "notEmpty" } },
  refineContacts: { filter: { kind: "field", field: "no", op: "empty" } },
  goBack: {},
  saveCriteria: { code: "SCB" },
  reuseCriteria: { code: ids.saved, confirm: true },
  reuseSegment: { loggedSegmentEntryNo: 1 },
  refreshSegment: { apply: true },
  applyTemplate: { interactionTemplateCode: ids.template },
  logSegment: {},
  checkLog: {},
  checkMerge: {},
  startMerge: {},
};

/** Endpoints that take a file: any bytes do, the probes never get past the lookup. */
const files: Partial<Record<EndpointName, Uint8Array>> = {
  uploadTemplateAttachment: new TextEncoder().encode("PK not really a docx"),
  uploadLineAttachment: new TextEncoder().encode("PK not really a docx"),
};

const queries: Partial<Record<EndpointName, string>> = {
  getInteractionStatistics: "?by=template",
};

type Probe = "notFound" | "listsNothingOfA" | "createsOwn" | "public";

const matrix: Record<EndpointName, Probe> = {
  getHealth: "public",
  getOpenApi: "public",
  listContacts: "listsNothingOfA",
  createContact: "createsOwn",
  importContacts: "createsOwn",
  exportContacts: "listsNothingOfA",
  getContact: "notFound",
  updateContact: "notFound",
  deleteContact: "notFound",
  listSegments: "listsNothingOfA",
  createSegment: "createsOwn",
  getSegment: "notFound",
  updateSegment: "notFound",
  deleteSegment: "notFound",
  listSegmentLines: "notFound",
  createSegmentLine: "notFound",
  getSegmentLine: "notFound",
  updateSegmentLine: "notFound",
  deleteSegmentLine: "notFound",
  listInteractionTemplates: "listsNothingOfA",
  createInteractionTemplate: "createsOwn",
  getInteractionTemplate: "notFound",
  updateInteractionTemplate: "notFound",
  deleteInteractionTemplate: "notFound",
  listCampaigns: "listsNothingOfA",
  createCampaign: "createsOwn",
  getCampaign: "notFound",
  updateCampaign: "notFound",
  deleteCampaign: "notFound",
  listSalespeople: "listsNothingOfA",
  createSalesperson: "createsOwn",
  getSalesperson: "notFound",
  updateSalesperson: "notFound",
  deleteSalesperson: "notFound",
  listCriteriaFields: "listsNothingOfA",
  suggestFieldValues: "listsNothingOfA",
  listCriteriaActions: "notFound",
  addContacts: "notFound",
  reduceContacts: "notFound",
  refineContacts: "notFound",
  goBack: "notFound",
  saveCriteria: "notFound",
  reuseCriteria: "notFound",
  reuseSegment: "notFound",
  explainLine: "notFound",
  refreshSegment: "notFound",
  listSavedCriteria: "listsNothingOfA",
  getSavedCriteria: "notFound",
  deleteSavedCriteria: "notFound",
  uploadTemplateAttachment: "notFound",
  downloadTemplateAttachment: "notFound",
  deleteTemplateAttachment: "notFound",
  applyTemplate: "notFound",
  uploadLineAttachment: "notFound",
  downloadLineAttachment: "notFound",
  deleteLineAttachment: "notFound",
  checkLog: "notFound",
  logSegment: "notFound",
  resumeLog: "notFound",
  getLogStatus: "notFound",
  listLoggedSegments: "listsNothingOfA",
  getLoggedSegment: "notFound",
  listLoggedSegmentEntries: "notFound",
  cancelLoggedSegment: "notFound",
  undoCancelLoggedSegment: "notFound",
  deleteLoggedSegment: "notFound",
  createFollowUpSegment: "notFound",
  listContactInteractions: "notFound",
  evaluateInteraction: "notFound",
  getInteractionStatistics: "listsNothingOfA",
  listMergeFields: "listsNothingOfA",
  getMergeData: "notFound",
  checkMerge: "notFound",
  startMerge: "notFound",
  getMergeJob: "notFound",
  downloadMergeResult: "notFound",
  cancelMergeJob: "notFound",
};

const aMarkers = [
  "A Company",
  "A Person",
  "A's segment",
  "Anna A",
  "A's campaign",
  "A's letter",
  "a@a.example",
];

describe("tenant isolation: tenant B probes tenant A's ids through every endpoint", () => {
  it("covers every endpoint of the contract", () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(contract).sort());
  });

  // B's own copies under A's keys are created last: until then every probe must miss.
  const order: Probe[] = ["public", "notFound", "listsNothingOfA", "createsOwn"];
  const probes = (Object.entries(matrix) as [EndpointName, Probe][]).sort(
    (a, b) => order.indexOf(a[1]) - order.indexOf(b[1]),
  );

  it.each(probes)("%s (%s)", async (name, probe) => {
    const spec = contract[name] as EndpointSpec;
    const path = pathFor(spec) + (queries[name] ?? "");
    const body = spec.method === "PATCH" ? patchBodies[name] : createBodies[name];
    const file = files[name];
    const res = await api.call(spec.method, path, {
      ...B,
      ...(body ? { body } : {}),
      ...(file ? { rawBody: { contentType: "application/octet-stream", bytes: file } } : {}),
      ...(spec.ifMatch ? { ifMatch: etags.get("contact") ?? "*" } : {}),
    });
    switch (probe) {
      case "public":
        expect(res.status).toBe(200);
        break;
      case "notFound":
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        break;
      case "listsNothingOfA":
        expect(res.status).toBe(200);
        for (const marker of aMarkers) expect(res.text).not.toContain(marker);
        break;
      case "createsOwn":
        expect([200, 201]).toContain(res.status);
        for (const marker of aMarkers) expect(res.text).not.toContain(marker);
        break;
    }
  });

  it("left every one of tenant A's entities untouched", async () => {
    for (const [name, path] of reads) {
      const res = await api.call("GET", path, A);
      expect(res.status).toBe(200);
      expect(res.json.etag).toBe(etags.get(name));
      expect(res.text).not.toContain("Hijacked");
    }
  });

  it("shows tenant B only its own copies under the same keys", async () => {
    const b = await api.call("GET", `/api/contacts/${ids.contact}`, B);
    expect(b.json.name).toBe("B's own company");
    const a = await api.call("GET", `/api/contacts/${ids.contact}`, A);
    expect(a.json.name).toBe("A Company");
  });
});
