import { api } from "@shared/model/api";
import type { AppDeps } from "../../app-deps";
import { attachmentDisposition } from "../../http/attachment-disposition";
import { defineHandler } from "../../http/endpoint-handler";
import { contactsCsv } from "./contacts-csv";

/** contacts-20250131.csv: the day of the export, in UTC like every date the API writes. */
const fileName = (now: Date) => `contacts-${now.toISOString().slice(0, 10).replace(/-/g, "")}.csv`;

/** GET /contacts/export: every contact the list endpoint's filters match, as one CSV file. */
export const exportContactsHandler = defineHandler(
  api.exportContacts,
  async ({ identity, query }, deps: AppDeps) => {
    const { delimiter, ...filters } = query;
    const text = await contactsCsv(
      deps.store.contacts.iterate(identity.tenantId, filters),
      delimiter,
    );
    return {
      text,
      contentType: "text/csv; charset=utf-8",
      headers: { "content-disposition": attachmentDisposition(fileName(deps.now())) },
    };
  },
);
