import { devIssuerAnswers, environmentOf } from "../../../../functions/auth/dev-issuer-gate";

describe("the development issuer's gate", () => {
  it("answers in development over a connection loopback at both ends", () => {
    expect(
      devIssuerAnswers({
        environment: "development",
        localAddress: "127.0.0.1",
        remoteAddress: "127.0.0.1",
      }),
    ).toBe(true);
    expect(
      devIssuerAnswers({ environment: "development", localAddress: "::1", remoteAddress: "::1" }),
    ).toBe(true);
  });

  it.each([
    ["production on loopback", "production", "127.0.0.1", "127.0.0.1"],
    ["a connection from another machine", "development", "10.0.0.2", "10.0.0.5"],
    ["a remote client of a server on all interfaces", "development", "127.0.0.1", "10.0.0.5"],
    ["an unknown remote address", "development", "127.0.0.1", undefined],
  ] as const)("stays silent for %s", (_what, environment, localAddress, remoteAddress) => {
    expect(devIssuerAnswers({ environment, localAddress, remoteAddress })).toBe(false);
  });

  it.each([
    [{}, "development"],
    [{ NODE_ENV: "test" }, "development"],
    [{ NODE_ENV: "development" }, "development"],
    [{ NODE_ENV: "production" }, "production"],
    [{ WEBSITE_INSTANCE_ID: "abc123" }, "production"],
  ])("environmentOf(%j) is %s", (env, expected) => {
    expect(environmentOf(env)).toBe(expected);
  });
});
