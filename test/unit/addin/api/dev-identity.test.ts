import { devIdentityHeaders } from "../../../../addin/api/dev-identity";

describe("devIdentityHeaders", () => {
  const original = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = original;
  });

  it("sends the demo identity in development builds", () => {
    process.env.NODE_ENV = "development";
    expect(devIdentityHeaders()).toEqual({
      "x-mergeline-dev-identity": "tenant=demo; user=demo.user@mergeline.dev",
    });
  });

  it("sends nothing in production builds", () => {
    process.env.NODE_ENV = "production";
    expect(devIdentityHeaders()).toEqual({});
  });
});
