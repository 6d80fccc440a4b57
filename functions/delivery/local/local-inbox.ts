import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createConnection } from "node:net";
import path from "node:path";
import { freePort } from "../../store/embedded/free-port";

/** The local stack's mailbox: every e-mail `npm start` sends lands here, shown on the web. */
export interface LocalInbox {
  /** smtp://127.0.0.1:<port>: the API's SMTP_URL. */
  readonly smtpUrl: string;
  readonly smtpPort: number;
  /** http://127.0.0.1:<port>: MailDev's web inbox (and its REST API, GET /email). */
  readonly webUrl: string;
  readonly webPort: number;
  close(): Promise<void>;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** The wanted port when nothing listens there, else any free one. */
const portFor = async (wanted: number): Promise<number> =>
  wanted !== 0 && !(await listening(wanted)) ? wanted : freePort();

/**
 * MailDev (a real SMTP server with a web inbox) on loopback, as a child process: MailDev's own
 * signal handlers exit the process, which must not happen to the API. The child exits when its
 * IPC channel to us closes, so a kill -9 of the stack leaves no inbox holding the ports. Mail
 * is kept under `mailDirectory` and shown again after a restart. MailDev loads nothing from the
 * internet.
 */
export const startLocalInbox = async (options: {
  readonly mailDirectory: string;
  readonly smtpPort?: number;
  readonly webPort?: number;
}): Promise<LocalInbox> => {
  const smtpPort = await portFor(options.smtpPort ?? 1025);
  let webPort = await portFor(options.webPort ?? 1080);
  if (webPort === smtpPort) webPort = await freePort();
  mkdirSync(options.mailDirectory, { recursive: true });
  const config = {
    smtp: smtpPort,
    web: webPort,
    ip: "127.0.0.1",
    mailDirectory: options.mailDirectory,
    hideExtensions: [],
    silent: true,
  };
  const maildev = path.dirname(require.resolve("maildev/package.json"));
  const child = spawn(
    process.execPath,
    [
      "-e",
      `process.on("disconnect", () => process.exit(0));` +
        `const MailDev = require(${JSON.stringify(maildev)}); new MailDev(${JSON.stringify(config)}).listen();`,
    ],
    { stdio: ["ignore", "ignore", "pipe", "ipc"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const until = Date.now() + 30_000;
  while (!((await listening(smtpPort)) && (await listening(webPort)))) {
    if (child.exitCode !== null) throw new Error(`The mail inbox (MailDev) stopped: ${stderr}`);
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(
        `The mail inbox did not listen on ${smtpPort} and ${webPort} in 30 s: ${stderr}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The API does not wait for the inbox to exit.
  child.unref();
  child.channel?.unref();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    smtpPort,
    webUrl: `http://127.0.0.1:${webPort}`,
    webPort,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
};
