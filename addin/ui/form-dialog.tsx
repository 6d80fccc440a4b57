import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FormEvent, ReactNode } from "react";
import { useT } from "../i18n/use-t";
import { ApiProblemBar } from "./api-problem-bar";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface FormDialogProps {
  /** The dialog's heading, which also names it for screen readers. */
  readonly title: string;
  readonly submitLabel: string;
  /** The submit is on its way: its button is off so a second click sends nothing. */
  readonly busy: boolean;
  /** More reasons to keep the submit button off, such as a required value still empty. */
  readonly submitDisabled?: boolean;
  /** What the last submit threw; undefined shows no problem bar. */
  readonly error: unknown;
  /** Body fields the dialog's controls show next to themselves; the bar lists only the rest. */
  readonly placed: readonly string[];
  readonly onClose: () => void;
  readonly onSubmit: () => void;
  /** The fields, and any notes that belong above the problem bar. */
  readonly children: ReactNode;
}

/**
 * A modal form that writes once: the fields, why the last try failed, then submit and Cancel.
 * A real form, so Enter in a text field submits as the button would.
 */
export const FormDialog = ({
  title,
  submitLabel,
  busy,
  submitDisabled = false,
  error,
  placed,
  onClose,
  onSubmit,
  children,
}: FormDialogProps) => {
  const t = useT();
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    // The pane is one page: the browser must not navigate on submit.
    event.preventDefault();
    // Enter in a field submits even while the button is only marked unavailable.
    if (busy || submitDisabled) return;
    onSubmit();
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {children}
              {error !== undefined && <ApiProblemBar error={error} placed={placed} />}
            </DialogContent>
            <DialogActions>
              {/* While busy the button stays focusable: a keyboard user's focus is not lost. */}
              <Button
                appearance="primary"
                type="submit"
                disabled={submitDisabled}
                disabledFocusable={busy && !submitDisabled}
              >
                {submitLabel}
              </Button>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
};
