/**
 * The /health prober of health-under-merge.bench.ts, in a process of its own: a prober on the
 * API's event loop would stall with it and never see the stall it is there to measure. It asks
 * `url` one request after another, 5 ms apart (always one in flight, so a stall of the API shows
 * as one slow answer), until a line arrives on stdin; then it prints each request's
 * milliseconds as a JSON array and exits.
 */
import { get } from "node:http";

const url = process.argv[2] as string;
const pauseMs = 5;

// node:http rather than fetch: fetch gives up connecting after 10 s, and a stall can be longer.
const once = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    get(url, (res) => {
      res.resume();
      res.once("end", () =>
        res.statusCode === 200
          ? resolve(Number(process.hrtime.bigint() - started) / 1e6)
          : reject(new Error(`/health answered ${res.statusCode}`)),
      );
    }).once("error", reject);
  });

let stop = false;
process.stdin.once("data", () => (stop = true));

const main = async () => {
  const times: number[] = [];
  while (!stop) {
    times.push(await once());
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  process.stdout.write(`${JSON.stringify(times)}\n`);
  process.exit(0);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
