import type { Contact } from "@shared/model/contact";
import type { Health } from "@shared/model/health";
import { useEffect, useState } from "react";
import { useApi } from "../../api/api-context";

export const CONTACTS_PAGE_SIZE = 20;

export type ContactsOverview =
  | { state: "loading" }
  | { state: "failed"; error: unknown }
  | { state: "loaded"; health: Health; contacts: Contact[]; more: boolean };

/** Asks the API whether it is up and for the first page of contacts, once per mount. */
export const useContactsOverview = (): ContactsOverview => {
  const { client } = useApi();
  const [overview, setOverview] = useState<ContactsOverview>({ state: "loading" });

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([
      client("getHealth", { signal: abort.signal }),
      client("listContacts", { query: { top: CONTACTS_PAGE_SIZE }, signal: abort.signal }),
    ]).then(
      ([health, page]) =>
        setOverview({
          state: "loaded",
          health,
          contacts: page.items,
          more: page.continuationToken !== undefined,
        }),
      (error: unknown) => {
        // Unmounting aborts the calls; there is nobody left to tell.
        if (!abort.signal.aborted) setOverview({ state: "failed", error });
      },
    );
    return () => abort.abort();
  }, [client]);

  return overview;
};
