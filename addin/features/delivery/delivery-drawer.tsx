import { DrawerBody, OverlayDrawer } from "@fluentui/react-components";
import { useId } from "react";
import { useT } from "../../i18n/use-t";
import { DrawerTitle } from "../../ui/drawer-title";
import { LoggedSegmentDelivery } from "./logged-segment-delivery";

/** A logged segment's deliveries in a side panel, from the list of logged segments. */
export const DeliveryDrawer = ({
  entryNo,
  title,
  canceled,
  onClose,
}: {
  readonly entryNo: number;
  readonly title: string;
  readonly canceled: boolean;
  readonly onClose: () => void;
}) => {
  const t = useT();
  const titleId = useId();
  return (
    <OverlayDrawer
      open
      position="end"
      size="full"
      onOpenChange={(_, d) => !d.open && onClose()}
      aria-labelledby={titleId}
    >
      <DrawerTitle id={titleId} onClose={onClose}>
        {t("delivery.drawer.title", { entryNo, title })}
      </DrawerTitle>
      <DrawerBody>
        <LoggedSegmentDelivery entryNo={entryNo} canceled={canceled} />
      </DrawerBody>
    </OverlayDrawer>
  );
};
