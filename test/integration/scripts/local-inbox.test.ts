import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSmtpTransport } from "../../../functions/delivery/smtp/smtp-transport";
import { killApiProcess, startApiProcess, type ApiProcess } from "../harness/api-process";
import { startSmtpInbox } from "../harness/smtp-inbox";

/**
 * `npm start` starts a real SMTP server with a web inbox (MailDev) on loopback, points the
 * API's SMTP_URL at it and prints where to read the mail; SMTP_URL set means no inbox.
 */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** The whole banner: it ends with "Press Ctrl+C to stop." */
const banner = async (api: ApiProcess): Promise<string> => {
  while (!api.output().includes("Press Ctrl+C to stop.")) {
    if (api.child.exitCode !== null) throw new Error(api.output());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return api.output();
};

describe("the local stack's mail inbox", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-inbox-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints the inbox and the SMTP URL the API was given; mail sent there shows in the inbox; a kill -9 of the stack stops it too", async () => {
    const api = await startApiProcess(dataDir, { SMTP_URL: "", MERGELINE_MAIL_FROM: "" });
    let webPort: number | undefined;
    try {
      const printed = await banner(api);
      const line =
        /Mail inbox\s+http:\/\/127\.0\.0\.1:(\d+)\s+\(every e-mail the API sends, through (smtp:\/\/127\.0\.0\.1:(\d+))\)/.exec(
          printed,
        );
      expect(line).not.toBeNull();
      webPort = Number(line?.[1]);
      const smtpUrl = line?.[2] as string;
      // A message through the SMTP server the API was given shows in the web inbox's list.
      const transport = createSmtpTransport({
        smtpUrl,
        from: "Mergeline <mergeline@localhost>",
        concurrency: 1,
        maxMessageBytes: 1_000_000,
      });
      await transport.send({
        deliveryId: "d1",
        messageId: "<mergeline.1.inbox@localhost>",
        to: { name: "Ærlig", address: "aerlig@example.dk" },
        subject: "Velkommen i indbakken",
        html: "<p>Hej</p>",
        text: "Hej",
        attachments: [],
      });
      await transport.close();
      const listed = (await (await fetch(`http://127.0.0.1:${webPort}/email`)).json()) as {
        subject: string;
        messageId: string;
      }[];
      expect(listed.map((m) => m.subject)).toEqual(["Velkommen i indbakken"]);
      const page = await fetch(`http://127.0.0.1:${webPort}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("MailDev");
    } finally {
      await killApiProcess(api);
    }
    // The inbox went with the stack: nothing is left holding its ports.
    expect(webPort).toBeGreaterThan(0);
    let open = true;
    for (let i = 0; i < 100 && open; i++) {
      open = await listening(webPort as number);
      if (open) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(open).toBe(false);
  });

  it("starts no inbox when SMTP_URL names a server, and prints it without the password", async () => {
    const relay = await startSmtpInbox({ user: "relay", password: "s3cret" });
    const api = await startApiProcess(dataDir, {
      SMTP_URL: relay.url,
      MERGELINE_MAIL_FROM: "news@contoso.com",
    });
    try {
      const printed = await banner(api);
      expect(printed).not.toContain("Mail inbox");
      expect(printed).toContain(`Mail           SMTP_URL smtp://relay:***@127.0.0.1:${relay.port}`);
      expect(printed).not.toContain("s3cret");
    } finally {
      await killApiProcess(api);
      await relay.close();
    }
  });
});
