import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ApiProvider, type ApiConnection } from "../api/api-context";
import { apiBaseUrl } from "../api/api-url";
import { createApiClient } from "../api/client";
import { devIdentityHeaders } from "../api/dev-identity";
import { detectHost } from "../host/detect-host";
import { HostProvider } from "../host/host-context";
import { App } from "./app";

const start = async (): Promise<void> => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  // Rendering waits for Office.onReady (inside detectHost), as Office requires before any call.
  const host = await detectHost();
  const baseUrl = apiBaseUrl();
  const connection: ApiConnection = {
    baseUrl,
    client: createApiClient({ baseUrl, headers: devIdentityHeaders }),
  };
  document.documentElement.lang = host.displayLanguage;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={host}>
        <ApiProvider connection={connection}>
          <App />
        </ApiProvider>
      </HostProvider>
    </FluentProvider>,
  );
};

void start();
