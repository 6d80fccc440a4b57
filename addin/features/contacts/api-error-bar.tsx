import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiContractError, ApiError, ApiUnreachableError } from "../../api/errors";
import { useApi } from "../../api/api-context";
import { useT } from "../../i18n/use-t";

/** Tells the user, in their language, why a call to the API failed. */
export const ApiErrorBar = ({ error }: { error: unknown }) => {
  const t = useT();
  const { baseUrl } = useApi();
  if (error instanceof ApiError) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("api.error.title")}</MessageBarTitle>
          {error.status} {error.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (error instanceof ApiContractError) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("api.contract.title")}</MessageBarTitle>
          {error.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  // Anything else (a network failure, a browser refusing CORS) looks like an unreachable API.
  const url = error instanceof ApiUnreachableError ? error.url : baseUrl;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("api.unreachable.title")}</MessageBarTitle>
        {t("api.unreachable.body", { url })}
      </MessageBarBody>
    </MessageBar>
  );
};
