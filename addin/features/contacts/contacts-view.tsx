import {
  Caption1,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useT } from "../../i18n/use-t";
import { ApiErrorBar } from "./api-error-bar";
import { CONTACTS_PAGE_SIZE, useContactsOverview } from "./use-contacts-overview";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Task panes are about 320 px wide: the table scrolls sideways rather than clipping the e-mail.
  tableScroller: { overflowX: "auto" },
});

/** The first page of contacts and the API's health: the pane's proof that the wire works. */
export const ContactsView = () => {
  const t = useT();
  const styles = useStyles();
  const overview = useContactsOverview();

  return (
    <section className={styles.root} aria-labelledby="contacts-heading">
      <Subtitle2 id="contacts-heading">{t("contacts.heading")}</Subtitle2>
      {overview.state === "loading" && <Spinner size="small" label={t("contacts.loading")} />}
      {overview.state === "failed" && <ApiErrorBar error={overview.error} />}
      {overview.state === "loaded" && (
        <>
          <Caption1>
            {t("api.status", { status: overview.health.status, version: overview.health.version })}
          </Caption1>
          {overview.contacts.length === 0 ? (
            <Caption1>{t("contacts.empty")}</Caption1>
          ) : (
            <div className={styles.tableScroller}>
              <Table size="small" aria-labelledby="contacts-heading">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("contacts.column.no")}</TableHeaderCell>
                    <TableHeaderCell>{t("contacts.column.name")}</TableHeaderCell>
                    <TableHeaderCell>{t("contacts.column.city")}</TableHeaderCell>
                    <TableHeaderCell>{t("contacts.column.email")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {overview.contacts.map((contact) => (
                    <TableRow key={contact.no}>
                      <TableCell>{contact.no}</TableCell>
                      <TableCell>{contact.name}</TableCell>
                      <TableCell>{contact.city ?? ""}</TableCell>
                      <TableCell>{contact.email ?? ""}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {overview.more && (
            <Caption1>{t("contacts.more", { count: CONTACTS_PAGE_SIZE })}</Caption1>
          )}
        </>
      )}
    </section>
  );
};
