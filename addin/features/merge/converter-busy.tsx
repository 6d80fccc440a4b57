import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { ApiError } from "../../api/errors";
import { useT } from "../../i18n/use-t";

/**
 * 503 converter-busy (functions/http/problem.ts): every LibreOffice process converts other
 * letters and the queue is full. Nothing went wrong with this merge; it only has to be asked
 * again, so the pane says so in the user's words instead of the server's English detail.
 */
export const isConverterBusy = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.status === 503 &&
  (error.problem?.type.endsWith("/converter-busy") ?? false);

export const ConverterBusyBar = ({ onRetry }: { readonly onRetry: () => void }) => {
  const t = useT();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("merge.pdf.busy.title")}</MessageBarTitle>
        {t("merge.pdf.busy.body")}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={onRetry}>
          {t("error.retry")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
};
