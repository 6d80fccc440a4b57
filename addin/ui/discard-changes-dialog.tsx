import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { useT } from "../i18n/use-t";

export interface DiscardChangesDialogProps {
  readonly onDiscard: () => void;
  readonly onKeep: () => void;
}

/**
 * Asks before typed work is thrown away. "Keep editing" is the default button and Escape means
 * keep: a stray key never loses what the user typed.
 */
export const DiscardChangesDialog = ({ onDiscard, onKeep }: DiscardChangesDialogProps) => {
  const t = useT();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("unsaved.title")}</DialogTitle>
          <DialogContent>{t("unsaved.body")}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeep}>
              {t("unsaved.keep")}
            </Button>
            <Button onClick={onDiscard}>{t("unsaved.discard")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
