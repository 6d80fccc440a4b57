import type { ContainerClient } from "@azure/storage-blob";
import type { JWTVerifyGetKey } from "jose";
import { createTokenValidator } from "./auth/token-validator";
import type { AppConfig } from "./config";
import { createPdfConverter, type PdfConverter } from "./convert/pdf-converter";
import type { DeliveryDeps } from "./delivery/delivery-deps";
import { plainComposer } from "./delivery/job/plain-composer";
import { createStorageSendQueue } from "./delivery/job/send-queue";
import { MailTransportError } from "./delivery/mail-transport";
import { createRateLimiter } from "./http/rate-limit";
import type { EdgeDeps } from "./http/endpoint-handler";
import { createRunningMerges, type RunningMerges } from "./merge/running-merges";
import { createMergeWorkers, type MergeWorkers } from "./merge/worker/merge-workers";
import { openBlobContainer } from "./store/blob-store";
import { createCosmosClient, openContainers } from "./store/cosmos-client";
import { rethrowUnavailable } from "./store/cosmos-errors";
import { createStore, type Store } from "./store/store";

/** Everything a handler may use, created once per process. */
export interface AppDeps extends EdgeDeps {
  readonly config: AppConfig;
  readonly store: Store;
  /** Absent when no storage account is configured; document features then answer 503. */
  readonly blobs: ContainerClient | undefined;
  readonly now: () => Date;
  /** Threads for reading, merging and zipping letters; started when first needed. */
  readonly workers: MergeWorkers;
  readonly runningMerges: RunningMerges;
  /** LibreOffice processes converting merges to PDF; a process starts per conversion. */
  readonly pdf: PdfConverter;
  /** E-mail delivery: the transport, the send queue and the mailbox's pace. */
  readonly delivery: DeliveryDeps;
}

/** The send job's dependencies from the configuration; no transport until one is configured. */
export const createDeliveryDeps = (config: AppConfig): DeliveryDeps => {
  const send = config.sendJob;
  return {
    transport: () =>
      Promise.reject(
        new MailTransportError(
          "not_configured",
          "No mail transport is configured: set MERGELINE_MAIL_TRANSPORT (graph or smtp).",
        ),
      ),
    transportKind: "none",
    mailbox: process.env["MERGELINE_MAIL_FROM"] ?? "default",
    limits: { perMinute: send.perMinute, concurrency: send.concurrency, perDay: send.perDay },
    leaseMs: send.leaseMs,
    sliceMs: send.sliceMs,
    inlineWaitMs: send.inlineWaitMs,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    queue: send.queueConnectionString
      ? createStorageSendQueue(send.queueConnectionString)
      : undefined,
    compose: plainComposer,
  };
};

export const createAppDeps = async (
  config: AppConfig,
  /** The signing keys to trust; by default fetched from config.auth.jwksUri (Entra ID). */
  keys?: JWTVerifyGetKey,
): Promise<AppDeps> => {
  const client = createCosmosClient(config.cosmos);
  const [containers, blobs] = await Promise.all([
    openContainers(client, config.cosmos.databaseId).catch(rethrowUnavailable),
    config.blob.connectionString
      ? openBlobContainer(
          { connectionString: config.blob.connectionString },
          config.blob.containerName,
        )
      : config.blob.endpoint
        ? openBlobContainer({ endpoint: config.blob.endpoint }, config.blob.containerName)
        : undefined,
  ]);
  const validate = createTokenValidator(config.auth, keys);
  return {
    config,
    store: createStore(containers, blobs),
    blobs,
    now: () => new Date(),
    authenticate: (request) => validate(request.headers.get("authorization")),
    rateLimiter: createRateLimiter(config.expensivePerMinute),
    workers: createMergeWorkers(config.workers),
    runningMerges: createRunningMerges(),
    pdf: createPdfConverter(config.pdf),
    delivery: createDeliveryDeps(config),
  };
};

/** The first call creates the dependencies; a failed attempt is forgotten so the next call retries. */
export const lazyDeps = (create: () => Promise<AppDeps>): (() => Promise<AppDeps>) => {
  let pending: Promise<AppDeps> | undefined;
  return () => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
};
