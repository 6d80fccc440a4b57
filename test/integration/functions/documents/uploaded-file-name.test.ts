/**
 * A letter's file name comes from the client (X-File-Name): a malformed one is refused with 400
 * naming the header, on both upload endpoints, and nothing is stored.
 */
import { startApi, type ApiHarness } from "../../harness/api-harness";
import { buildDocx, mergeField, p, t } from "../../../unit/shared/merge/docx-builder";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
let api: ApiHarness;

const blobCount = async () => {
  let n = 0;
  for await (const _ of api.deps.blobs?.listBlobsFlat() ?? []) n++;
  return n;
};

beforeAll(async () => {
  api = await startApi({}, undefined, { blobs: true });
  for (const [path, body] of [
    ["/api/interaction-templates", { code: "BREV", description: "Brev" }],
    ["/api/contacts", { no: "KT1", type: "person", name: "Anna Holm" }],
    ["/api/segments", { no: "S1", description: "Brev" }],
    ["/api/segments/S1/lines", { contactNo: "KT1" }],
  ] as const) {
    const res = await api.call("POST", path, { body });
    if (res.status >= 300) throw new Error(`${path}: ${res.text}`);
  }
});
afterAll(() => api.close());

const letter = buildDocx({ body: p(t("Kære "), mergeField("Name")) });

describe.each([
  ["an interaction template's letter", "/api/interaction-templates/BREV/attachments/da-DK"],
  ["a contact's own letter", "/api/segments/S1/lines/10000/attachment"],
])("uploading %s", (_what, path) => {
  it.each([
    ["a broken percent-encoding", "%E0%A4%A"],
    ["a control character", encodeURIComponent("a\r\nx.docx")],
  ])("with %s in X-File-Name answers 400 naming the header; nothing stored", async (_w, name) => {
    const before = await blobCount();
    const res = await api.call("PUT", path, {
      rawBody: { contentType: DOCX, bytes: letter },
      headers: { "x-file-name": name },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json.errors).toEqual([
      expect.objectContaining({ in: "header", field: "X-File-Name", rule: "invalid_format" }),
    ]);
    expect(await blobCount()).toBe(before);
  });

  it("keeps a good name, path removed, and answers it on download", async () => {
    const res = await api.call("PUT", path, {
      rawBody: { contentType: DOCX, bytes: letter },
      headers: { "x-file-name": encodeURIComponent("C:\\Breve\\Brev til Søren.docx") },
    });
    expect(res.status).toBe(200);
    const download = await api.call("GET", path);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(
      new RegExp(`filename\\*=UTF-8''${encodeURIComponent("Brev til Søren.docx")}$`),
    );
  });
});
