import { findBundleLeaks } from "../../../scripts/build-bundle-guard";

describe("findBundleLeaks", () => {
  it("passes a bundle without switches or secrets", () => {
    expect(
      findBundleLeaks([
        { name: "taskpane.1234abcd.js", text: 'fetch(apiBaseUrl() + "/contacts")' },
        { name: "taskpane.html", text: "<script src=taskpane.1234abcd.js></script>" },
      ]),
    ).toEqual([]);
  });

  it("names the asset and what leaked: the development identity header, keys, private keys", () => {
    const leaks = findBundleLeaks([
      { name: "a.js", text: '{"x-mergeline-dev-identity":"tenant=demo"}' },
      {
        name: "b.js",
        text: "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
      },
      {
        name: "c.json",
        text: "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abcdefghijklmnopqrstuvwxyz0123==",
      },
      { name: "d.js.map", text: "-----BEGIN PRIVATE KEY-----\nMIIE" },
    ]);
    expect(leaks).toEqual([
      { asset: "a.js", what: "the development identity header" },
      { asset: "b.js", what: "the Cosmos DB emulator key" },
      { asset: "c.json", what: "a storage account key" },
      { asset: "d.js.map", what: "a private key" },
    ]);
  });

  it("does not scan binary assets", () => {
    expect(findBundleLeaks([{ name: "icon.png", text: "x-mergeline-dev-identity" }])).toEqual([]);
  });
});
