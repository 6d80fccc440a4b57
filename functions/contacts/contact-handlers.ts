import { api } from "@shared/model/api";
import type { AppDeps } from "../app-deps";
import { defineHandler } from "../http/endpoint-handler";
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
} from "./contact-service";

export const listContactsHandler = defineHandler(
  api.listContacts,
  async ({ identity, query }, deps: AppDeps) => ({
    json: await listContacts(deps, identity, query),
  }),
);

export const createContactHandler = defineHandler(
  api.createContact,
  async ({ identity, body }, deps: AppDeps) => {
    const contact = await createContact(deps, identity, body);
    return {
      json: contact,
      headers: { location: `/api/contacts/${encodeURIComponent(contact.no)}` },
    };
  },
);

export const getContactHandler = defineHandler(
  api.getContact,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await getContact(deps, identity, params.no),
  }),
);

export const updateContactHandler = defineHandler(
  api.updateContact,
  async ({ identity, params, body, ifMatch }, deps: AppDeps) => ({
    json: await updateContact(deps, identity, params.no, body, ifMatch),
  }),
);

export const deleteContactHandler = defineHandler(
  api.deleteContact,
  async ({ identity, params, ifMatch }, deps: AppDeps) => {
    await deleteContact(deps, identity, params.no, ifMatch);
    return {};
  },
);
