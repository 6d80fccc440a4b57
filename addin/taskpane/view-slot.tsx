import { Spinner } from "@fluentui/react-components";
import { Suspense, type ReactNode } from "react";
import { useT } from "../i18n/use-t";
import { ErrorBoundary } from "../ui/error-boundary";
import { ViewFailed } from "../ui/view-failed";

/**
 * Where a view goes: a spinner while its chunk loads, the friendly failure if it throws or its
 * chunk cannot load; never a blank pane.
 */
export const ViewSlot = ({ name, children }: { name: string; children: ReactNode }) => {
  const t = useT();
  return (
    <ErrorBoundary
      resetKey={name}
      fallback={(error, reset) => <ViewFailed error={error} onRetry={reset} />}
    >
      <Suspense fallback={<Spinner size="small" label={t("common.loading")} />}>
        {children}
      </Suspense>
    </ErrorBoundary>
  );
};
