import { isLoopbackAddress, isLoopbackHost } from "../../../../functions/http/loopback";

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["localhost:7071", true],
    ["LOCALHOST:7071", true],
    ["127.0.0.1:7071", true],
    ["[::1]:7071", true],
    ["[::1]", true],
    ["localhost:7072", false],
    ["localhost:", false],
    ["localhost.evil.example:7071", false],
    ["evil.example:7071", false],
    ["127.0.0.1.nip.io:7071", false],
    ["127.0.0.2:7071", false],
    ["[::2]:7071", false],
    ["::1", false],
    ["", false],
    [undefined, false],
    ["localhost:7071@evil.example", false],
    ["localhost:7071, evil.example", false],
  ])("%j on port 7071: %s", (host, expected) => {
    expect(isLoopbackHost(host, 7071)).toBe(expected);
  });
});

describe("isLoopbackAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.5", false],
    ["192.168.1.2", false],
    ["::ffff:10.0.0.5", false],
    ["fe80::1", false],
    ["0.0.0.0", false],
    ["127.0.0.1.evil", false],
    [undefined, false],
  ])("%j: %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});
