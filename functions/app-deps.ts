import type { ContainerClient } from "@azure/storage-blob";
import type { JWTVerifyGetKey } from "jose";
import { createTokenValidator } from "./auth/token-validator";
import type { AppConfig } from "./config";
import { createPdfConverter, type PdfConverter } from "./convert/pdf-converter";
import type { DeliveryDeps } from "./delivery/delivery-deps";
import { composeEntryLines } from "./delivery/job/entry-composer";
import { createStorageSendQueue } from "./delivery/job/send-queue";
import type { MailTransport } from "./delivery/mail-transport";
import { createMailTransport, delegatedSendingFromEnv } from "./delivery/mail-transports";
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

/** The send job's dependencies from the configuration: one transport per process, made when first used. */
export const createDeliveryDeps = (config: AppConfig): DeliveryDeps => {
  const send = config.sendJob;
  const mail = config.mail;
  let transport: MailTransport | undefined;
  return {
    transport: async () => (transport ??= createMailTransport(mail)),
    transportKind: mail.transport,
    delegated: delegatedSendingFromEnv(mail),
    // Pacing is per sending mailbox: the sender (a shared mailbox or the SMTP account).
    mailbox: `${mail.transport}:${mail.from ?? "default"}`,
    limits: { perMinute: mail.perMinute, concurrency: mail.concurrency, perDay: mail.perDay },
    leaseMs: send.leaseMs,
    sliceMs: send.sliceMs,
    inlineWaitMs: send.inlineWaitMs,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    queue: send.queueConnectionString
      ? createStorageSendQueue(send.queueConnectionString)
      : undefined,
    compose: composeEntryLines,
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
