import { availableParallelism } from "node:os";
import { defaultWorkerCount, loadConfig } from "../../../functions/config";

const env = { COSMOS_ENDPOINT: "https://localhost:8081/", AUTH_AUDIENCE: "api://mergeline" };

describe("merge thread settings", () => {
  it("leave one core to the event loop and merge on the others, at least one", () => {
    expect(defaultWorkerCount()).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig(env).workers).toEqual({ size: defaultWorkerCount(), maxQueue: 64 });
  });

  it("take the pool's size and queue from the Function App's settings", () => {
    expect(
      loadConfig({ ...env, MERGELINE_MERGE_WORKERS: "3", MERGELINE_MERGE_QUEUE: "10" }).workers,
    ).toEqual({ size: 3, maxQueue: 10 });
  });

  it.each(["0", "-1", "1.5", "many"])("refuse %s threads, naming the setting", (value) => {
    expect(() => loadConfig({ ...env, MERGELINE_MERGE_WORKERS: value })).toThrow(
      /MERGELINE_MERGE_WORKERS/,
    );
  });
});

describe("mail settings", () => {
  it("default to Exchange Online's limits, and to Graph unless an SMTP server is named", () => {
    expect(loadConfig(env).mail).toEqual({
      transport: "graph",
      smtpUrl: undefined,
      from: undefined,
      messageIdDomain: "mergeline.invalid",
      perMinute: 30,
      concurrency: 4,
      perDay: 10_000,
      maxMessageBytes: 25 * 1024 * 1024,
    });
    expect(loadConfig({ ...env, SMTP_URL: "smtp://127.0.0.1:1025" }).mail.transport).toBe("smtp");
  });

  it("read the transport, the server, the sender and the limits", () => {
    const mail = loadConfig({
      ...env,
      MERGELINE_MAIL_TRANSPORT: "smtp",
      SMTP_URL: "smtps://user:p%40ss@smtp.azurecomm.net:465",
      MERGELINE_MAIL_FROM: "Marketing <News@Contoso.COM>",
      MERGELINE_MAIL_PER_MINUTE: "60",
      MERGELINE_MAIL_CONCURRENCY: "2",
      MERGELINE_MAIL_PER_DAY: "500",
      MERGELINE_MAIL_MAX_BYTES: "10485760",
    }).mail;
    expect(mail).toEqual({
      transport: "smtp",
      smtpUrl: "smtps://user:p%40ss@smtp.azurecomm.net:465",
      from: "Marketing <News@Contoso.COM>",
      messageIdDomain: "contoso.com",
      perMinute: 60,
      concurrency: 2,
      perDay: 500,
      maxMessageBytes: 10_485_760,
    });
    expect(
      loadConfig({ ...env, MERGELINE_MAIL_MESSAGE_ID_DOMAIN: "mail.contoso.com" }).mail
        .messageIdDomain,
    ).toBe("mail.contoso.com");
  });

  it.each([
    ["MERGELINE_MAIL_TRANSPORT", "sendgrid"],
    ["SMTP_URL", "http://smtp.example.com"],
    ["SMTP_URL", "not a url"],
    ["MERGELINE_MAIL_FROM", "news at contoso"],
    ["MERGELINE_MAIL_MESSAGE_ID_DOMAIN", "contoso.com>"],
    ["MERGELINE_MAIL_PER_MINUTE", "0"],
    ["MERGELINE_MAIL_CONCURRENCY", "two"],
    ["MERGELINE_MAIL_PER_DAY", "-5"],
    ["MERGELINE_MAIL_MAX_BYTES", "1.5"],
  ])("refuse %s=%s, naming the setting", (name, value) => {
    expect(() => loadConfig({ ...env, [name]: value })).toThrow(new RegExp(name));
  });
});

describe.each([
  ["contact import", "MERGELINE_IMPORT_LEASE_SECONDS", "importLeaseMs"],
  ["merge job", "MERGELINE_MERGE_LEASE_SECONDS", "mergeLeaseMs"],
] as const)("%s lease", (_job, setting, key) => {
  it(`lasts two minutes unless ${setting} says otherwise`, () => {
    expect(loadConfig(env)[key]).toBe(120_000);
    expect(loadConfig({ ...env, [setting]: "2" })[key]).toBe(2000);
  });

  it.each(["0", "-1", "1.5", "soon"])("refuses %s seconds, naming the setting", (value) => {
    expect(() => loadConfig({ ...env, [setting]: value })).toThrow(new RegExp(setting));
  });
});
