import { contactFields, fieldDef, operatorsFor } from "@shared/criteria/fields";
import { codeSuggestions, isCodeTable } from "./code-suggestions";
import { isProfileList, profileSuggestions } from "./profile-suggestions";
import { api } from "@shared/model/api";
import type { AppDeps } from "../../app-deps";
import { ValidationError } from "../../errors/app-errors";
import { defineHandler } from "../../http/endpoint-handler";
import {
  applyCriteria,
  explainLine,
  goBack,
  refreshSegment,
  reuseCriteria,
  reuseSegment,
  saveCriteria,
} from "./criteria-service";
import { assertNotLogged } from "../segment-history";

export const listCriteriaFieldsHandler = defineHandler(api.listCriteriaFields, async () => ({
  json: {
    items: Object.values(contactFields).map((f) => ({
      name: f.name,
      type: f.type,
      ...(f.enumValues ? { enumValues: [...f.enumValues] } : {}),
      operators: [...operatorsFor(f.type)],
      label: f.label,
    })),
  },
}));

export const suggestFieldValuesHandler = defineHandler(
  api.suggestFieldValues,
  async ({ identity, params, query }, deps: AppDeps) => {
    if (isCodeTable(params.field))
      return {
        json: { items: await codeSuggestions(deps.store, identity.tenantId, params.field, query) },
      };
    if (isProfileList(params.field))
      return {
        json: {
          items: await profileSuggestions(deps.store, identity.tenantId, params.field, query),
        },
      };
    const field = fieldDef(params.field);
    if (!field) {
      throw new ValidationError([
        {
          in: "path",
          field: "field",
          rule: "unknown_field",
          message: `${params.field} is not a contact field criteria can test`,
        },
      ]);
    }
    return {
      json: {
        items: await deps.store.contacts.valueCounts(
          identity.tenantId,
          field.path,
          query.search,
          query.top,
        ),
      },
    };
  },
);

export const listCriteriaActionsHandler = defineHandler(
  api.listCriteriaActions,
  async ({ identity, params }, deps: AppDeps) => {
    assertNotLogged(await deps.store.segments.headers.get(identity.tenantId, params.no));
    const actions = await deps.store.segments.listActions(identity.tenantId, params.no);
    return { json: { items: actions.map(({ etag: _e, ...a }) => a) } };
  },
);

export const addContactsHandler = defineHandler(
  api.addContacts,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await applyCriteria(deps, identity, params.no, "addContacts", body),
  }),
);

export const reduceContactsHandler = defineHandler(
  api.reduceContacts,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await applyCriteria(deps, identity, params.no, "reduceContacts", body),
  }),
);

export const refineContactsHandler = defineHandler(
  api.refineContacts,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await applyCriteria(deps, identity, params.no, "refineContacts", body),
  }),
);

export const goBackHandler = defineHandler(
  api.goBack,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await goBack(deps, identity, params.no, body.actionNo),
  }),
);

export const saveCriteriaHandler = defineHandler(
  api.saveCriteria,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await saveCriteria(deps, identity, params.no, body),
  }),
);

export const reuseCriteriaHandler = defineHandler(
  api.reuseCriteria,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await reuseCriteria(deps, identity, params.no, body),
  }),
);

export const reuseSegmentHandler = defineHandler(
  api.reuseSegment,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await reuseSegment(deps, identity, params.no, body),
  }),
);

export const explainLineHandler = defineHandler(
  api.explainLine,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await explainLine(deps, identity, params.no, params.lineNo),
  }),
);

export const refreshSegmentHandler = defineHandler(
  api.refreshSegment,
  async ({ identity, params, body }, deps: AppDeps) => ({
    json: await refreshSegment(deps, identity, params.no, body.apply),
  }),
);

export const listSavedCriteriaHandler = defineHandler(
  api.listSavedCriteria,
  async ({ identity, query }, deps: AppDeps) => ({
    json: await deps.store.savedCriteria.list(identity.tenantId, {
      search: query.search,
      top: query.top,
      continuationToken: query.continuationToken,
    }),
  }),
);

export const getSavedCriteriaHandler = defineHandler(
  api.getSavedCriteria,
  async ({ identity, params }, deps: AppDeps) => ({
    json: await deps.store.savedCriteria.store.get(identity.tenantId, params.code),
  }),
);

export const deleteSavedCriteriaHandler = defineHandler(
  api.deleteSavedCriteria,
  async ({ identity, params, ifMatch }, deps: AppDeps) => {
    await deps.store.savedCriteria.store.delete(identity.tenantId, params.code, ifMatch);
    return {};
  },
);
