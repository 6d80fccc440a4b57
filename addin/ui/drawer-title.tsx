import { Button, DrawerHeader, DrawerHeaderTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-t";

/**
 * A side panel's heading with its close button. `id` is the heading's, for the drawer's
 * aria-labelledby: the panel is then announced by its title.
 */
export const DrawerTitle = ({
  id,
  onClose,
  children,
}: {
  readonly id: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) => {
  const t = useT();
  return (
    <DrawerHeader>
      <DrawerHeaderTitle
        heading={{ id }}
        action={
          <Button
            appearance="subtle"
            aria-label={t("common.close")}
            icon={<DismissRegular />}
            onClick={onClose}
          />
        }
      >
        {children}
      </DrawerHeaderTitle>
    </DrawerHeader>
  );
};
