import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { DeliveryState } from "@shared/model/delivery";
import { useT } from "../../i18n/use-t";

const COLORS: Record<DeliveryState, BadgeProps["color"]> = {
  waiting: "informative",
  sending: "brand",
  sent: "success",
  failed: "danger",
  skipped: "warning",
  canceled: "subtle",
};

/** A line's delivery state as a word, not a colour alone. */
export const DeliveryStateBadge = ({ state }: { readonly state: DeliveryState }) => {
  const t = useT();
  return (
    <Badge size="small" appearance="tint" color={COLORS[state]}>
      {t(`delivery.state.${state}`)}
    </Badge>
  );
};
