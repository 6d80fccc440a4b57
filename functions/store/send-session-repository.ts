import type { Container } from "@azure/cosmos";
import { NotFoundError, PreconditionFailedError } from "../errors/app-errors";
import { partitionKey } from "./containers";
import { DocumentStore } from "./document-store";
import type { TenantId } from "./tenant";

/** A delegated send's MSAL token cache, as stored: it holds the marketer's refresh token. */
interface StoredSendSession {
  readonly jobId: string;
  /** MSAL's serialized token cache (access, refresh, id tokens and the account). */
  readonly tokenCache: string;
  readonly etag: string;
}

const sessionKey = (jobId: string) => `${jobId}/session`;

/**
 * The token session of a send job that sends as the signed-in marketer, in the job's own
 * partition (tenant|sendJob|id): a job of another tenant with the same id never finds it. It is
 * its own document type, so no query of jobs or deliveries reads it, and no API answers it;
 * the job deletes it when it ends.
 */
export class SendSessionRepository {
  private readonly sessions: DocumentStore<StoredSendSession>;

  constructor(container: Container) {
    this.sessions = new DocumentStore<StoredSendSession>({
      container,
      docType: "sendSession",
      entityName: "Send session",
      keyField: "jobId",
      partitionKeyOf: (tenant, key) => partitionKey.sendJob(tenant, key.slice(0, key.indexOf("/"))),
      idOf: (key) => key.slice(key.indexOf("/") + 1),
    });
  }

  /** A job id is a UUID or built by us from a logged segment: anything else has no session. */
  private static valid(jobId: string): boolean {
    return /^[A-Za-z0-9-]{1,64}$/.test(jobId);
  }

  async tokenCache(tenant: TenantId, jobId: string): Promise<string | undefined> {
    if (!SendSessionRepository.valid(jobId)) return undefined;
    return (await this.sessions.find(tenant, sessionKey(jobId)))?.tokenCache;
  }

  async saveTokenCache(tenant: TenantId, jobId: string, tokenCache: string): Promise<void> {
    if (!SendSessionRepository.valid(jobId)) throw new NotFoundError("Send job", jobId);
    await this.sessions.upsert(tenant, sessionKey(jobId), { jobId, tokenCache });
  }

  /**
   * MSAL renewed the tokens while the job sends: written over the session as it was read, never
   * bringing back one that ended meanwhile (nor overwriting a renewal by another worker).
   */
  async renewTokenCache(tenant: TenantId, jobId: string, tokenCache: string): Promise<void> {
    if (!SendSessionRepository.valid(jobId)) return;
    const current = await this.sessions.find(tenant, sessionKey(jobId));
    if (!current) return;
    try {
      await this.sessions.replace(tenant, sessionKey(jobId), { jobId, tokenCache }, current.etag);
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof PreconditionFailedError))
        throw error;
    }
  }

  /** Ends the session; one already gone is no error (a job ends once, told more than once). */
  async deleteSession(tenant: TenantId, jobId: string): Promise<void> {
    if (!SendSessionRepository.valid(jobId)) return;
    try {
      await this.sessions.delete(tenant, sessionKey(jobId));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}
