import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { Server, Socket } from "node:net";
import { connect } from "node:net";
import { createDevIssuer } from "../../../../functions/auth/dev-issuer";
import { createLocalHost, type LocalHostOptions } from "../../../../functions/http/local-host";
import { createRoutes } from "../../../../functions/routes";
import { startApi, type ApiHarness } from "../../harness/api-harness";

/**
 * The local host on a real listening socket, spoken to with node:http: the Host header, body
 * limits before authentication and routing buffer anything, the development issuer's gate, and
 * methods the route table has no answer for.
 */
const limit = 64 * 1024;

interface Running {
  readonly port: number;
  readonly server: Server;
  /** Every connection the server accepted, to read how many bytes it took from each. */
  readonly sockets: Socket[];
  close(): Promise<void>;
}

let api: ApiHarness;
let token: string;
let host: Running;

const listen = async (options: Partial<LocalHostOptions> = {}): Promise<Running> => {
  const local = createLocalHost(
    createRoutes(async () => api.deps),
    { corsOrigins: [], maxBodyBytes: limit, ...options },
  );
  const server = await local.listen(0, "127.0.0.1");
  const sockets: Socket[] = [];
  server.on("connection", (socket: Socket) => sockets.push(socket));
  return {
    port: (server.address() as { port: number }).port,
    server,
    sockets,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

beforeAll(async () => {
  api = await startApi();
  token = await api.issuer.sign({ tenant: "tenant-a", user: "alice@a.example" });
  host = await listen();
});
afterAll(async () => {
  await host.close();
  await api.close();
});

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** Bytes of the request body the client managed to hand to its socket. */
  readonly sent: number;
}

interface Call {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Stream this many bytes of body in 64 KB chunks, stopping once an answer arrives. */
  readonly stream?: number;
  readonly on?: Running;
}

const call = ({
  method = "GET",
  path = "/api/health",
  headers = {},
  body,
  stream,
  on = host,
}: Call) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: on.port, method, path, headers });
    let sent = 0;
    let answered: Omit<Answer, "text" | "sent"> | undefined;
    let text = "";
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      if (answered) resolve({ ...answered, text, sent });
      else reject(error ?? new Error("no answer"));
    };
    req.on("response", (res) => {
      answered = { status: res.statusCode ?? 0, headers: res.headers };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        finish();
        req.destroy();
      });
      res.on("error", () => finish());
    });
    // A refused upload may be cut off after its answer: the answer is what counts.
    req.on("error", (error) => finish(error));
    req.on("close", () => finish());
    if (stream === undefined) {
      req.end(body);
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && !done && sent < stream) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && !done) req.end();
    };
    pump();
  });

const expectProblem = (answer: Answer, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  expect(JSON.parse(answer.text)).toMatchObject({ status, type: expect.any(String) });
};

/** What the server read from the connection that carried `answer`'s request. */
const bytesReadByServer = (on: Running = host) => Math.max(...on.sockets.map((s) => s.bytesRead));

describe("the Host header", () => {
  it.each(["localhost", "127.0.0.1", "[::1]"])("answers %s with the port", async (name) => {
    const answer = await call({ headers: { host: `${name}:${host.port}` } });
    expect(answer.status).toBe(200);
  });

  it.each([
    "evil.example",
    "evil.example:PORT",
    "localhost.evil.example:PORT",
    "127.0.0.1.nip.io:PORT",
    "10.0.0.5:PORT",
    "localhost:1",
  ])("refuses %s with 421 problem+json (a DNS-rebinding page)", async (name) => {
    const answer = await call({ headers: { host: name.replace("PORT", String(host.port)) } });
    expectProblem(answer, 421);
  });

  it("refuses a request without a Host header", async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(host.port, "127.0.0.1", () =>
        socket.write("GET /api/health HTTP/1.0\r\n\r\n"),
      );
      let text = "";
      socket.on("data", (d) => (text += d.toString()));
      socket.on("close", () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
  });

  it("refuses a foreign Host before anything else, even for the development issuer", async () => {
    const issuer = await createDevIssuer("http://localhost/dev-issuer");
    const dev = await listen({ devIssuer: { issuer, environment: "development" } });
    try {
      const answer = await call({
        on: dev,
        method: "POST",
        path: "/dev-issuer/token",
        headers: { host: `rebind.evil.example:${dev.port}`, "content-type": "application/json" },
        body: JSON.stringify({ tenant: "victim", user: "attacker", roles: ["admin"] }),
      });
      expectProblem(answer, 421);
      expect(answer.text).not.toMatch(/access_token/);
    } finally {
      await dev.close();
    }
  });
});

describe("body limits come before authentication and routing", () => {
  it("refuses a declared Content-Length over the limit with 413 before reading it, unauthenticated", async () => {
    const answer = await call({
      method: "POST",
      path: "/api/segments",
      headers: { "content-type": "application/json", "content-length": String(500 * 1024 * 1024) },
      stream: 8 * 1024 * 1024,
    });
    expectProblem(answer, 413);
    expect(JSON.parse(answer.text).detail).toMatch(/65536 bytes/);
    // Not the 500 MB, nor the 8 MB sent: at most what a socket buffers plus a bounded drain.
    expect(bytesReadByServer()).toBeLessThan(limit + 1024 * 1024);
  });

  it("refuses a streamed body without Content-Length as soon as it passes the limit", async () => {
    const answer = await call({
      method: "POST",
      path: "/api/segments",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      stream: 32 * 1024 * 1024,
    });
    expectProblem(answer, 413);
    expect(bytesReadByServer()).toBeLessThan(limit + 1024 * 1024);
    expect(answer.sent).toBeLessThan(32 * 1024 * 1024);
  });

  it("measures memory by bytes read: a 64 MB unauthenticated upload costs the server what the limit allows", async () => {
    const fresh = await listen();
    try {
      const answer = await call({
        on: fresh,
        method: "POST",
        path: "/api/contacts/import",
        headers: { "content-type": "text/csv", "transfer-encoding": "chunked" },
        stream: 64 * 1024 * 1024,
      });
      expectProblem(answer, 413);
      // The import takes up to 16 MB; everything past the limit is refused, nothing buffered.
      expect(bytesReadByServer(fresh)).toBeLessThan(16 * 1024 * 1024 + 1024 * 1024);
    } finally {
      await fresh.close();
    }
  });

  it("takes a streamed body without Content-Length under the limit", async () => {
    const body = JSON.stringify({ no: "STREAMED", description: "x".repeat(50) });
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest({
        host: "127.0.0.1",
        port: host.port,
        method: "POST",
        path: "/api/segments",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, sent: 0 }),
        );
      });
      req.on("error", reject);
      // In pieces, as a browser's stream would send it.
      for (let i = 0; i < body.length; i += 10) req.write(body.slice(i, i + 10));
      req.end();
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text).no).toBe("STREAMED");
  });

  it("answers an unauthenticated request under the limit with 401, after reading it", async () => {
    const answer = await call({
      method: "POST",
      path: "/api/segments",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ no: "X" }),
    });
    expectProblem(answer, 401);
  });

  it("does not read the body of a request for an unknown path", async () => {
    const fresh = await listen();
    try {
      const answer = await call({
        on: fresh,
        method: "POST",
        path: "/api/nothing-here",
        headers: { "transfer-encoding": "chunked" },
        stream: 8 * 1024 * 1024,
      });
      expectProblem(answer, 404);
      expect(bytesReadByServer(fresh)).toBeLessThan(1024 * 1024 + 64 * 1024);
    } finally {
      await fresh.close();
    }
  });
});

describe("methods", () => {
  it.each(["TRACE", "PROPFIND", "MKCOL", "LOCK", "PURGE", "SEARCH"])(
    "%s gets 405 problem+json with Allow",
    async (method) => {
      const answer = await call({ method, path: "/api/contacts" });
      expectProblem(answer, 405);
      expect(answer.headers["allow"]).toBe("GET, HEAD, POST, OPTIONS");
    },
  );

  it("TRACE on an unknown path gets 405 too, never 500", async () => {
    const answer = await call({ method: "TRACE", path: "/nowhere" });
    expectProblem(answer, 405);
    expect(answer.headers["allow"]).toBeDefined();
  });

  it("CONNECT gets 405 problem+json", async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(host.port, "127.0.0.1", () =>
        socket.write(`CONNECT example.com:443 HTTP/1.1\r\nHost: localhost:${host.port}\r\n\r\n`),
      );
      let text = "";
      socket.on("data", (d) => (text += d.toString()));
      socket.on("close", () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 405 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(raw).toMatch(/allow: /i);
  });

  it("a method no parser knows gets 405 problem+json", async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(host.port, "127.0.0.1", () =>
        socket.write(`BREW /api/health HTTP/1.1\r\nHost: localhost:${host.port}\r\n\r\n`),
      );
      let text = "";
      socket.on("data", (d) => (text += d.toString()));
      socket.on("close", () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 405 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
  });

  it("a wrong method on a known path names the allowed ones", async () => {
    const answer = await call({ method: "PUT", path: "/api/contacts" });
    expectProblem(answer, 405);
    expect(answer.headers["allow"]).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("HEAD answers as GET would, without a body", async () => {
    const get = await call({ path: "/api/health" });
    const head = await call({ method: "HEAD", path: "/api/health" });
    expect(head.status).toBe(get.status);
    expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
    expect(head.text).toBe("");
    const unauthenticated = await call({ method: "HEAD", path: "/api/contacts" });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.text).toBe("");
    const authenticated = await call({
      method: "HEAD",
      path: "/api/contacts",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(authenticated.status).toBe(200);
  });

  it("OPTIONS names the allowed methods", async () => {
    const answer = await call({ method: "OPTIONS", path: "/api/contacts" });
    expect(answer.status).toBe(204);
    expect(answer.headers["allow"]).toBe("GET, HEAD, POST, OPTIONS");
  });
});

describe("the development issuer", () => {
  const tokenRequest = (on: Running) =>
    call({
      on,
      method: "POST",
      path: "/dev-issuer/token",
      headers: { host: `localhost:${on.port}`, "content-type": "application/json" },
      body: JSON.stringify({ tenant: "t", user: "u" }),
    });

  it("answers on loopback in development", async () => {
    const issuer = await createDevIssuer("http://localhost/dev-issuer");
    const dev = await listen({ devIssuer: { issuer, environment: "development" } });
    try {
      const answer = await tokenRequest(dev);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).access_token).toEqual(expect.any(String));
      const keys = await call({ on: dev, path: "/dev-issuer/keys" });
      expect(JSON.parse(keys.text).keys).toHaveLength(1);
    } finally {
      await dev.close();
    }
  });

  it("is not there outside development", async () => {
    const issuer = await createDevIssuer("http://localhost/dev-issuer");
    const prod = await listen({ devIssuer: { issuer, environment: "production" } });
    try {
      expectProblem(await tokenRequest(prod), 404);
      expectProblem(await call({ on: prod, path: "/dev-issuer/keys" }), 404);
    } finally {
      await prod.close();
    }
  });

  it("refuses an oversized token request before reading it", async () => {
    const issuer = await createDevIssuer("http://localhost/dev-issuer");
    const dev = await listen({ devIssuer: { issuer, environment: "development" } });
    try {
      const answer = await call({
        on: dev,
        method: "POST",
        path: "/dev-issuer/token",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        stream: 4 * 1024 * 1024,
      });
      expectProblem(answer, 413);
    } finally {
      await dev.close();
    }
  });
});
