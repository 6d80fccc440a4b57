import type { z } from "zod";
import type { EndpointSpec, ParsedQuery } from "@shared/model/endpoint";
import type { Reference } from "../references/reference-check";
import type { SeriesDef } from "../store/number-series";
import type { SetupFilter, SetupRepository } from "../store/setup-repository";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";
import type { SetupRules } from "./setup-service";

/** How one kind of setup data (salespeople, campaigns, templates) is served. */
export interface SetupResource<
  T extends { etag: string },
  L extends EndpointSpec,
  C extends EndpointSpec,
  G extends EndpointSpec,
  U extends EndpointSpec,
  D extends EndpointSpec,
> {
  readonly endpoints: {
    readonly list: L;
    readonly create: C;
    readonly get: G;
    readonly update: U;
    readonly delete: D;
  };
  readonly repository: (store: Store) => SetupRepository<T>;
  /** The full schema with its cross-field rules, checked again after every patch. */
  readonly valid: z.ZodType<object>;
  readonly keyOf: (fields: Record<string, unknown>) => string;
  readonly references: (fields: Record<string, unknown>) => Reference[];
  readonly filters: (query: ParsedQuery<L>) => SetupFilter[];
  /** The number series that gives the key when a create leaves it out (campaigns, as in BC). */
  readonly series?: { readonly def: SeriesDef; readonly keyField: string };
  /** Refuses a delete Business Central refuses, e.g. a mailing group contacts still carry. */
  readonly guardDelete?: (store: Store, tenant: TenantId, key: string) => Promise<void>;
  /** Refuses a change Business Central refuses, e.g. removing an answer contacts gave. */
  readonly guardChange?: SetupRules<T>["guardChange"];
  /** Stored fields the API manages itself, kept across updates (e.g. template attachments). */
  readonly initial?: Record<string, unknown>;
}
