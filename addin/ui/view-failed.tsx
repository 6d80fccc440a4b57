import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useT } from "../i18n/use-t";

/** The error boundary's friendly face: what happened, and a way back. */
export const ViewFailed = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const t = useT();
  // A lazy chunk that fails to load (the dev server restarted, the network dropped) lands here too.
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("error.viewFailed.title")}</MessageBarTitle>
        {t("error.viewFailed.body")}
        <div>
          <small>{detail}</small>
        </div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onRetry}>
          {t("error.retry")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
};
