import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";

/**
 * A warning that names what happened and offers the one way on (merge again, finish the Log):
 * its title, what to know, and a primary button.
 */
export const OneActionBar = ({
  title,
  body,
  action,
  onAction,
}: {
  readonly title: string;
  readonly body: string;
  readonly action: string;
  readonly onAction: () => void;
}) => (
  <MessageBar intent="warning" layout="multiline">
    <MessageBarBody>
      <MessageBarTitle>{title}</MessageBarTitle>
      {body}
    </MessageBarBody>
    <MessageBarActions>
      <Button size="small" appearance="primary" onClick={onAction}>
        {action}
      </Button>
    </MessageBarActions>
  </MessageBar>
);
