import type { AppDeps } from "../../app-deps";
import { DependencyError, UnauthorizedError, ValidationError } from "../../errors/app-errors";
import type { TenantId } from "../../store/tenant";
import { MailTransportError, type MailTransport } from "../mail-transport";

/**
 * What the request that starts a delegated send hands the job: the Graph token cache the
 * on-behalf-of swap made for the signed-in marketer. Kept in the job's session (the store), never
 * answered by any API.
 */
export interface SendGrant {
  readonly tokenCache: string;
}

const refusal = (rule: string, title: string, message: string) =>
  new ValidationError([{ in: "header", field: "authorization", rule, message }], title, 403);

/**
 * With GRAPH_SENDER=delegated, swaps the caller's access token on behalf of them before anything
 * is written, so a refusal (no consent, a token Entra ID does not take) leaves nothing behind.
 * Undefined when mail does not go out as the marketer.
 */
export const grantForSend = async (
  deps: AppDeps,
  authorization: string | null,
): Promise<SendGrant | undefined> => {
  const delegated = deps.delivery.delegated;
  if (!delegated) return undefined;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) throw new UnauthorizedError("Sending as you needs your sign-in (a bearer token).");
  try {
    return { tokenCache: await delegated.begin(token) };
  } catch (error) {
    if (!(error instanceof MailTransportError)) throw error;
    switch (error.kind) {
      case "consent":
        throw refusal(
          "mail_send_consent",
          "Mergeline may not send mail as you yet: an administrator grants the app the delegated Mail.Send and Mail.ReadWrite permissions (admin consent), or you consent when you sign in; then send again.",
          error.message,
        );
      case "auth":
        throw refusal(
          "mail_send_sign_in",
          "Entra ID did not take your sign-in to send mail as you: sign in again and send again.",
          error.message,
        );
      case "not_configured":
        throw new DependencyError(`Sending as you is not set up: ${error.message}`);
      default:
        throw new DependencyError(`Entra ID could not swap your sign-in: ${error.message}`);
    }
  }
};

/** Keeps the grant as the job's session (a repeat signed in again renews it). */
export const keepSession = async (
  deps: AppDeps,
  tenant: TenantId,
  jobId: string,
  grant: SendGrant | undefined,
): Promise<void> => {
  if (grant) await deps.store.sendSessions.saveTokenCache(tenant, jobId, grant.tokenCache);
};

/** The job ended (done, canceled, or stopped by a problem): its refresh token goes with it. */
export const endSession = async (deps: AppDeps, tenant: TenantId, jobId: string): Promise<void> => {
  if (deps.delivery.delegated) await deps.store.sendSessions.deleteSession(tenant, jobId);
};

/**
 * The job's transport: with a delegated sender, one of its own that sends as the marketer whose
 * session the job keeps (and nobody else: without a session it refuses as "auth"); otherwise
 * the process's transport. `close` is for the job's own only.
 */
export const jobTransport = async (
  deps: AppDeps,
  tenant: TenantId,
  jobId: string,
): Promise<{ readonly transport: MailTransport; readonly own: boolean }> => {
  const delegated = deps.delivery.delegated;
  if (!delegated) return { transport: await deps.delivery.transport(), own: false };
  const sessions = deps.store.sendSessions;
  return {
    own: true,
    transport: delegated.transport({
      key: jobId,
      cache: {
        get: () => sessions.tokenCache(tenant, jobId),
        // Renewed tokens: written only while the session lasts, so a job that ended stays ended.
        set: (_key, value) => sessions.renewTokenCache(tenant, jobId, value),
        delete: () => sessions.deleteSession(tenant, jobId),
      },
    }),
  };
};

/** The mailbox whose limits pace a job: the marketer's own when mail goes out as them. */
export const pacingMailbox = (deps: AppDeps, userId: string): string =>
  deps.delivery.delegated ? `graph:me:${userId}` : deps.delivery.mailbox;
