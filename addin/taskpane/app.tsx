import { Caption1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { ContactsView } from "../features/contacts/contacts-view";
import { useHost } from "../host/host-context";
import { useT } from "../i18n/use-t";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

/** The pane's shell: who and where we are, then the features. */
export const App = () => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const [title, setTitle] = useState("");

  useEffect(() => {
    let live = true;
    host.documentTitle().then(
      (value) => live && setTitle(value),
      // A title is decoration: a Word that will not tell leaves the header without it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  return (
    <main className={styles.root}>
      <header>
        <Title3 as="h1">{t("app.title")}</Title3>
        {host.kind === "browser" ? (
          <Caption1 block>{t("app.noDocument")}</Caption1>
        ) : (
          title && <Caption1 block>{t("app.document", { title })}</Caption1>
        )}
      </header>
      <ContactsView />
    </main>
  );
};
