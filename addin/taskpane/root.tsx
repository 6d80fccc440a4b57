import { FluentProvider, makeStaticStyles, type Theme } from "@fluentui/react-components";
import { useRef } from "react";
import { ApiProvider, type ApiConnection } from "../api/api-context";
import { HostProvider } from "../host/host-context";
import type { PaneHost } from "../host/host";
import { App } from "./app";
import { usePaneTheme } from "./pane-theme";
import type { PaneRoute } from "./routes";
import { useStrayAriaHiddenGuard } from "./stray-aria-hidden";
import { ViewSlot } from "./view-slot";

// Fluent's Dropdown and Combobox ask for at least 250 px; Word's pane is about 350 px wide and
// often puts two of them on a line. Inside the pane they shrink with their column instead.
const usePaneStaticStyles = makeStaticStyles({
  ".mergeline-pane .fui-Dropdown, .mergeline-pane .fui-Combobox": {
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
});

/** Everything the features need above them: the host's theme and language, the API, a safety net. */
export const Root = ({
  host,
  connection,
  initialRoute,
  initialTheme,
}: {
  host: PaneHost;
  connection: ApiConnection;
  initialRoute?: PaneRoute;
  /** Loaded before the first render, so a dark Office never flashes a light pane. */
  initialTheme?: Theme;
}) => {
  usePaneStaticStyles();
  const theme = usePaneTheme(host, initialTheme);
  const provider = useRef<HTMLDivElement>(null);
  useStrayAriaHiddenGuard(provider);
  return (
    <FluentProvider
      ref={provider}
      className="mergeline-pane"
      theme={theme}
      style={{ minHeight: "100vh" }}
      lang={host.displayLanguage}
    >
      <HostProvider host={host}>
        <ApiProvider connection={connection}>
          <ViewSlot name="root">
            <App initialRoute={initialRoute} />
          </ViewSlot>
        </ApiProvider>
      </HostProvider>
    </FluentProvider>
  );
};
