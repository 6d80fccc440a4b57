import { z } from "zod";
import { page } from "../common";
import {
  Contact,
  ContactCreate,
  ContactListQuery,
  ContactNoParams,
  ContactPatch,
} from "../contact";
import { ContactImportRequest, ContactImportResult } from "../contact-import";
import { ContactImportJob, ContactImportJobParams } from "../contact-import-job";
import { endpoint } from "../endpoint";

const ContactExportQuery = ContactListQuery.omit({ top: true, continuationToken: true }).extend({
  delimiter: z
    .enum([",", ";"])
    .default(";")
    .meta({ description: "; opens as columns in Danish Excel." }),
});

/** Contacts: companies and persons, one at a time, imported and exported as CSV. */
export const contactEndpoints = {
  listContacts: endpoint({
    method: "GET",
    path: "/contacts",
    tag: "Contacts",
    summary: "List contacts, filtered, a page at a time.",
    query: ContactListQuery,
    response: page(Contact),
    status: 200,
  }),
  createContact: endpoint({
    method: "POST",
    path: "/contacts",
    tag: "Contacts",
    summary: "Create a company or person contact.",
    body: ContactCreate,
    response: Contact,
    status: 201,
  }),
  importContacts: endpoint({
    method: "POST",
    path: "/contacts/import",
    tag: "Contacts",
    summary:
      "Import contacts from CSV (JSON {csv, mapping} or a text/csv body); every row is checked and bad rows are reported. Answers when the import has ended; send a jobId to follow its progress at /contact-import-jobs/{id} meanwhile and to cancel it.",
    body: ContactImportRequest,
    bodyTypes: ["text/csv"],
    maxBodyBytes: 16 * 1024 * 1024,
    response: ContactImportResult,
    status: 200,
    rateLimit: "import",
  }),
  getContactImportJob: endpoint({
    method: "GET",
    path: "/contact-import-jobs/{id}",
    tag: "Contacts",
    summary:
      "An import's progress, counts and row problems (grouped by rule, and the first rows in full).",
    params: ContactImportJobParams,
    response: ContactImportJob,
    status: 200,
  }),
  cancelContactImportJob: endpoint({
    method: "POST",
    path: "/contact-import-jobs/{id}/cancel",
    tag: "Contacts",
    summary:
      "Stop an import after the page it is writing; the rows written until then stay. An ended job answers as it is.",
    params: ContactImportJobParams,
    response: ContactImportJob,
    status: 200,
  }),
  exportContacts: endpoint({
    method: "GET",
    path: "/contacts/export",
    tag: "Contacts",
    summary: "Export the filtered contacts as CSV (UTF-8 with BOM).",
    query: ContactExportQuery,
    responseType: "text/csv",
    status: 200,
  }),
  getContact: endpoint({
    method: "GET",
    path: "/contacts/{no}",
    tag: "Contacts",
    summary: "Read one contact.",
    params: ContactNoParams,
    response: Contact,
    status: 200,
  }),
  updateContact: endpoint({
    method: "PATCH",
    path: "/contacts/{no}",
    tag: "Contacts",
    summary: "Change a contact (JSON merge patch; null clears a field).",
    params: ContactNoParams,
    body: ContactPatch,
    response: Contact,
    status: 200,
    ifMatch: "required",
  }),
  deleteContact: endpoint({
    method: "DELETE",
    path: "/contacts/{no}",
    tag: "Contacts",
    summary: "Delete a contact.",
    params: ContactNoParams,
    status: 204,
    ifMatch: "optional",
  }),
} as const;
