import type { Segment } from "@shared/model/segment";
import { Badge } from "@fluentui/react-components";
import { useT } from "../../i18n/use-t";

/** Logged or not, as the list and the open segment show it. */
export const SegmentStatusBadge = ({ segment }: { segment: Pick<Segment, "status"> }) => {
  const t = useT();
  if (segment.status === "logged")
    return (
      <Badge size="small" color="success" appearance="tint">
        {t("segments.status.logged")}
      </Badge>
    );
  if (segment.status === "logging")
    return (
      <Badge size="small" color="warning" appearance="tint">
        {t("segments.status.logging")}
      </Badge>
    );
  return (
    <Badge size="small" color="informative" appearance="tint">
      {t("segments.status.open")}
    </Badge>
  );
};
