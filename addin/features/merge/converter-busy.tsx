import { ApiError } from "../../api/errors";
import { useT } from "../../i18n/use-t";
import { OneActionBar } from "../../ui/one-action-bar";

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
    <OneActionBar
      title={t("merge.pdf.busy.title")}
      body={t("merge.pdf.busy.body")}
      action={t("error.retry")}
      onAction={onRetry}
    />
  );
};
