import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../api/api-context";
import { ApiContractError, ApiError, ApiUnreachableError } from "../api/errors";
import { problemErrors, unplacedErrors } from "../api/problem-fields";
import { SignInRequiredError } from "../auth/sign-in-error";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";
import { busyEntryText, isBusyEntry } from "./segment-busy-text";
import { SentProblemDetails, TechnicalDetails } from "./technical-details";

const useStyles = makeStyles({
  // A holder known only by a long sign-in name (alice.jensen@contoso.onmicrosoft.com) wraps
  // rather than widening a 320 px pane.
  said: { minWidth: 0, overflowWrap: "anywhere" },
});

/** 501: the contract has the endpoint, the server does not serve it yet. */
export const isNotImplemented = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 501;

export const isConflict = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 412;

/** Someone (or the user in another window) holds the segment: the same action may go later. */
export const isSegmentBusy = (error: unknown): boolean => problemErrors(error).some(isBusyEntry);

/** No token could be had silently, or the API no longer accepts the one sent. */
export const needsSignIn = (error: unknown): boolean =>
  error instanceof SignInRequiredError || (error instanceof ApiError && error.status === 401);

/**
 * Sign in, then try again: the one interactive prompt, started by the user. A prompt that fails
 * or is closed leaves the button for another go; nothing prompts again by itself.
 */
const SignInBar = ({ onRetry }: { readonly onRetry?: () => void }) => {
  const t = useT();
  const { signIn } = useApi();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const start = () => {
    if (!signIn) return;
    setState("busy");
    signIn().then(
      () => {
        setState("idle");
        onRetry?.();
      },
      () => setState("failed"),
    );
  };
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("error.signIn.title")}</MessageBarTitle>
        {state === "failed" ? t("error.signIn.failed") : t("error.signIn.body")}
      </MessageBarBody>
      {signIn && (
        <MessageBarActions>
          <Button size="small" appearance="primary" disabled={state === "busy"} onClick={start}>
            {t("error.signIn.button")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
};

export interface ApiProblemBarProps {
  readonly error: unknown;
  /** Offered when the API could not be reached (and for other failures worth another try). */
  readonly onRetry?: () => void;
  /** Offered on 412: fetch what someone else saved. */
  readonly onReload?: () => void;
  /** Offered when the segment was busy: the same action again, once its holder is done. */
  readonly onRepeat?: () => void;
  /** Body fields a control of the form shows next to itself; the bar lists only the rest. */
  readonly placed?: readonly string[];
}

/**
 * Why a call failed, in the user's language and with the way out: Retry when the API is
 * unreachable (with its URL), Sign in when there is no valid token, Reload on a conflict, "not available yet" for a 501, who holds
 * a busy segment and until when (Try again), and every problem entry that no control shows by itself.
 */
export const ApiProblemBar = ({
  error,
  onRetry,
  onReload,
  onRepeat,
  placed = [],
}: ApiProblemBarProps) => {
  const t = useT();
  const styles = useStyles();
  const { displayLanguage } = useHost();
  const { baseUrl } = useApi();
  const retry = onRetry && (
    <MessageBarActions>
      <Button size="small" onClick={onRetry}>
        {t("error.retry")}
      </Button>
    </MessageBarActions>
  );

  if (needsSignIn(error)) return <SignInBar onRetry={onRetry} />;
  if (isNotImplemented(error)) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("error.notAvailable.title")}</MessageBarTitle>
          {t("error.notAvailable.body")}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (isConflict(error)) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("error.conflict.title")}</MessageBarTitle>
          {t("error.conflict.body")}
        </MessageBarBody>
        {onReload && (
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={onReload}>
              {t("error.reload")}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  if (isSegmentBusy(error)) {
    // Said from the entry's facts here, in the pane's language, whatever client read the answer.
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.said}>
          <MessageBarTitle>{t("problem.busy.title")}</MessageBarTitle>
          {problemErrors(error)
            .filter(isBusyEntry)
            .map((entry) => busyEntryText(t, displayLanguage, entry))
            .join(" ")}
        </MessageBarBody>
        {onRepeat && (
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={onRepeat}>
              {t("error.tryAgain")}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  if (error instanceof ApiError) {
    const rest = unplacedErrors(error, placed);
    const placedCount = (error.problem?.errors?.length ?? 0) - rest.length;
    // In Danish the server's English detail gives way to the catalog's sentence: still there
    // for support, folded away.
    const { sent } = error;
    const hidden = sent?.detail !== undefined && sent.detail !== error.problem?.detail;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody className={styles.said}>
          <MessageBarTitle>{error.problem?.title ?? t("error.api.title")}</MessageBarTitle>
          {error.problem?.detail ?? (error.problem ? "" : `HTTP ${error.status}`)}
          {placedCount > 0 && <div>{t("error.seeFields")}</div>}
          {rest.length > 0 && (
            // Each entry's message says what is wrong; its field is the API's dotted path
            // ("no", "lines.3.subject"), a name for developers, so the bar leaves it out.
            <ul>
              {rest.map((entry, i) => (
                <li key={i}>{entry.message}</li>
              ))}
            </ul>
          )}
          {sent && hidden && <SentProblemDetails sent={sent} />}
        </MessageBarBody>
        {error.status >= 500 && retry}
      </MessageBar>
    );
  }
  if (error instanceof ApiContractError) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("error.contract.title")}</MessageBarTitle>
          {t("error.contract.body")}
          <TechnicalDetails said={error.message} facts={[error.endpoint]} />
        </MessageBarBody>
      </MessageBar>
    );
  }
  // A network failure, a refused CORS call, a server that is down: all look unreachable.
  const url = error instanceof ApiUnreachableError ? error.url : baseUrl;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("error.unreachable.title")}</MessageBarTitle>
        {t("error.unreachable.body", { url })}
      </MessageBarBody>
      {retry}
    </MessageBar>
  );
};
