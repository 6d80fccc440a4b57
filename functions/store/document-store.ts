import type {
  Container,
  ItemDefinition,
  OperationInput,
  SqlParameter,
  SqlQuerySpec,
} from "@azure/cosmos";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../errors/app-errors";
import { decodeContinuation, encodeContinuation } from "./continuation";
import { cosmosStatus, rethrowUnavailable } from "./cosmos-errors";
import type { TenantId } from "./tenant";

/** The fields every stored document carries besides the entity's own. */
export interface DocEnvelope {
  readonly id: string;
  readonly pk: string;
  readonly tenantId: string;
  readonly docType: string;
}

export interface QuerySpec {
  /** SQL conditions on `c`, ANDed after the tenant and type filter; user input only in parameters. */
  readonly where?: readonly string[];
  readonly parameters?: readonly SqlParameter[];
  /** ORDER BY terms, e.g. ["c.searchName", "c.no"]. */
  readonly orderBy?: readonly string[];
  /** Restrict to one logical partition when the caller knows it. */
  readonly partitionKey?: string;
  /** The SELECT list; defaults to the whole document. */
  readonly select?: string;
}

export interface PageRequest {
  readonly top: number;
  readonly continuationToken?: string | undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly continuationToken?: string;
}

const systemKeys = new Set([
  "id",
  "pk",
  "tenantId",
  "docType",
  "_rid",
  "_self",
  "_ts",
  "_etag",
  "_attachments",
  "_lsn",
]);

/**
 * A key as a Cosmos item id. Business Central codes may hold `/`, which Cosmos refuses in an id
 * (as it refuses a backslash, `?` and `#`): those become `~XX`, and `~` itself too, so two keys
 * never share an id. Keys without them (every key that could be stored before) keep their id.
 */
export const itemIdOf = (key: string): string =>
  key.replace(
    /[/\\?#~]/g,
    (c) => `~${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );

/** ETags compare without quotes or the weak prefix: clients send back either form. */
export const sameEtag = (a: string, b: string) =>
  a.replace(/^W\//, "").replace(/"/g, "") === b.replace(/^W\//, "").replace(/"/g, "");

const envelopeKeys = new Set(["id", "pk", "tenantId", "docType"]);

/** What a document holds of an entity (stored-only fields too), without its ETag. */
const bodyOf = (data: object): Record<string, unknown> => {
  const { etag: _e, ...body } = data as Record<string, unknown>;
  return body;
};

/**
 * Typed access to one document type in one container. Every method takes the tenant first, every
 * query is filtered on it, and reads check it again, so no call can cross tenants.
 */
export interface DocumentStoreOptions {
  readonly container: Container;
  readonly docType: string;
  /** Entity name for messages: "Contact", "Segment"... */
  readonly entityName: string;
  /** The entity's key field, named in a duplicate-key problem: "no", "code"... */
  readonly keyField: string;
  readonly partitionKeyOf: (tenant: TenantId, key: string) => string;
  readonly idOf?: (key: string) => string;
  /** Stored-only fields (search keys and the like) that the API never shows. */
  readonly internalKeys?: readonly string[];
}

export class DocumentStore<T extends { etag: string }> {
  readonly container: Container;
  readonly docType: string;
  readonly entityName: string;
  readonly keyField: string;
  readonly partitionKeyOf: (tenant: TenantId, key: string) => string;
  readonly idOf: (key: string) => string;
  private readonly internalKeys: ReadonlySet<string>;

  constructor(options: DocumentStoreOptions) {
    this.container = options.container;
    this.docType = options.docType;
    this.entityName = options.entityName;
    this.keyField = options.keyField;
    this.partitionKeyOf = options.partitionKeyOf;
    this.idOf = options.idOf ?? itemIdOf;
    this.internalKeys = new Set(options.internalKeys ?? []);
  }

  toEntity(doc: ItemDefinition): T {
    const entity: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) {
      if (!systemKeys.has(k) && !this.internalKeys.has(k)) entity[k] = v;
    }
    entity["etag"] = doc["_etag"];
    return entity as T;
  }

  /**
   * The entity with its stored-only fields (internalKeys and any other field an older version
   * wrote), for the store's own writes that must keep them; the envelope and the store's `_`
   * fields stay behind, the ETag comes along as `etag`.
   */
  toStored(doc: ItemDefinition): T {
    const stored: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) {
      if (!k.startsWith("_") && !envelopeKeys.has(k)) stored[k] = v;
    }
    stored["etag"] = doc["_etag"];
    return stored as T;
  }

  envelope(tenant: TenantId, key: string): DocEnvelope {
    return {
      id: this.idOf(key),
      pk: this.partitionKeyOf(tenant, key),
      tenantId: tenant,
      docType: this.docType,
    };
  }

  async find(tenant: TenantId, key: string): Promise<T | undefined> {
    const doc = await this.findDoc(tenant, key);
    return doc ? this.toEntity(doc) : undefined;
  }

  async findDoc(tenant: TenantId, key: string): Promise<ItemDefinition | undefined> {
    try {
      const { resource } = await this.container
        .item(this.idOf(key), this.partitionKeyOf(tenant, key))
        .read();
      if (!resource || resource["tenantId"] !== tenant || resource["docType"] !== this.docType)
        return undefined;
      return resource;
    } catch (error) {
      if (cosmosStatus(error) === 404) return undefined;
      return rethrowUnavailable(error);
    }
  }

  /** The entity with its stored-only fields (see toStored). */
  async findStored(tenant: TenantId, key: string): Promise<T | undefined> {
    const doc = await this.findDoc(tenant, key);
    return doc ? this.toStored(doc) : undefined;
  }

  /** The entity as the API shows it, and beside it its stored-only fields (internalKeys). */
  async findWithInternals(
    tenant: TenantId,
    key: string,
  ): Promise<{ entity: T; internals: Readonly<Record<string, unknown>> } | undefined> {
    const doc = await this.findDoc(tenant, key);
    if (!doc) return undefined;
    const internals = Object.fromEntries(
      [...this.internalKeys].filter((k) => k in doc).map((k) => [k, doc[k] as unknown]),
    );
    return { entity: this.toEntity(doc), internals };
  }

  async get(tenant: TenantId, key: string): Promise<T> {
    const found = await this.find(tenant, key);
    if (!found) throw new NotFoundError(this.entityName, key);
    return found;
  }

  async create(tenant: TenantId, key: string, data: object): Promise<T> {
    const doc = { ...data, ...this.envelope(tenant, key) };
    try {
      const { resource } = await this.container.items.create(doc);
      return this.toEntity(resource as ItemDefinition);
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        throw new ConflictError(`${this.entityName} ${key} already exists.`, [
          { in: "body", field: this.keyField, rule: "unique", message: `${key} is already used` },
        ]);
      }
      return rethrowUnavailable(error);
    }
  }

  /**
   * Replaces the whole document if the caller's ETag is still current; otherwise 412. Stored-only
   * fields (internalKeys) the caller does not mention are kept: an entity read through the API's
   * view and written back must not lose them (a line's letter, a template's document ids).
   */
  async replace(tenant: TenantId, key: string, data: object, ifMatch: string): Promise<T> {
    const current = await this.findDoc(tenant, key);
    if (!current) throw new NotFoundError(this.entityName, key);
    const etag = current["_etag"] as string;
    if (!sameEtag(etag, ifMatch)) throw new PreconditionFailedError(this.entityName, key);
    const kept = Object.fromEntries(
      [...this.internalKeys].filter((k) => k in current).map((k) => [k, current[k] as unknown]),
    );
    const doc = { ...kept, ...data, ...this.envelope(tenant, key) };
    try {
      const { resource } = await this.container
        .item(doc.id, doc.pk)
        .replace(doc, { accessCondition: { type: "IfMatch", condition: etag } });
      return this.toEntity(resource as ItemDefinition);
    } catch (error) {
      if (cosmosStatus(error) === 412) throw new PreconditionFailedError(this.entityName, key);
      if (cosmosStatus(error) === 404) throw new NotFoundError(this.entityName, key);
      return rethrowUnavailable(error);
    }
  }

  /** Writes the document whatever is there; for counters and idempotent writes with known ids. */
  async upsert(tenant: TenantId, key: string, data: object): Promise<T> {
    try {
      const { resource } = await this.container.items.upsert({
        ...data,
        ...this.envelope(tenant, key),
      });
      return this.toEntity(resource as ItemDefinition);
    } catch (error) {
      return rethrowUnavailable(error);
    }
  }

  async delete(tenant: TenantId, key: string, ifMatch?: string): Promise<void> {
    const current = await this.findDoc(tenant, key);
    if (!current) throw new NotFoundError(this.entityName, key);
    const etag = current["_etag"] as string;
    if (ifMatch !== undefined && !sameEtag(etag, ifMatch))
      throw new PreconditionFailedError(this.entityName, key);
    try {
      await this.container
        .item(this.idOf(key), this.partitionKeyOf(tenant, key))
        .delete({ accessCondition: { type: "IfMatch", condition: etag } });
    } catch (error) {
      if (cosmosStatus(error) === 412) throw new PreconditionFailedError(this.entityName, key);
      if (cosmosStatus(error) === 404) throw new NotFoundError(this.entityName, key);
      rethrowUnavailable(error);
    }
  }

  private sql(tenant: TenantId, spec: QuerySpec) {
    const where = ["c.tenantId = @tenantId", "c.docType = @docType", ...(spec.where ?? [])];
    // The tenant leads every ORDER BY so that the composite indexes in containers.ts serve it.
    const order = spec.orderBy?.length
      ? ` ORDER BY ${["c.tenantId", ...spec.orderBy].join(", ")}`
      : "";
    return {
      query: `SELECT ${spec.select ?? "*"} FROM c WHERE ${where.join(" AND ")}${order}`,
      parameters: [
        { name: "@tenantId", value: tenant },
        { name: "@docType", value: this.docType },
        ...(spec.parameters ?? []),
      ],
    };
  }

  /** One page of a query, with a continuation token bound to this query. */
  async page(tenant: TenantId, spec: QuerySpec, request: PageRequest): Promise<Page<T>> {
    return this.pageOf(this.sql(tenant, spec), request, spec.partitionKey, (d) => this.toEntity(d));
  }

  /**
   * One page of this document type across every tenant, each entity with its tenant: for the
   * store's own housekeeping (the job retention sweep), never for a request, which is one tenant's.
   */
  async pageAcrossTenants(
    spec: Pick<QuerySpec, "where" | "parameters">,
    request: PageRequest,
  ): Promise<Page<{ readonly tenant: TenantId; readonly entity: T }>> {
    const query = {
      query: `SELECT * FROM c WHERE ${["c.docType = @docType", ...(spec.where ?? [])].join(" AND ")}`,
      parameters: [{ name: "@docType", value: this.docType }, ...(spec.parameters ?? [])],
    };
    return this.pageOf(query, request, undefined, (d) => ({
      tenant: d["tenantId"] as TenantId,
      entity: this.toStored(d),
    }));
  }

  /** Reads one page of `query`; its continuation token is bound to the query's text. */
  private async pageOf<R>(
    query: SqlQuerySpec,
    request: PageRequest,
    partitionKey: QuerySpec["partitionKey"],
    map: (d: ItemDefinition) => R,
  ): Promise<Page<R>> {
    const fingerprintText = JSON.stringify(query);
    const continuationToken = request.continuationToken
      ? decodeContinuation(request.continuationToken, fingerprintText)
      : undefined;
    try {
      const response = await this.container.items
        .query<ItemDefinition>(query, {
          maxItemCount: request.top,
          continuationToken,
          ...(partitionKey ? { partitionKey } : {}),
        })
        .fetchNext();
      const items = response.resources.map(map);
      return response.continuationToken && response.hasMoreResults
        ? {
            items,
            continuationToken: encodeContinuation(response.continuationToken, fingerprintText),
          }
        : { items };
    } catch (error) {
      return rethrowUnavailable(error);
    }
  }

  /** Every match, for bounded result sets (a page of companies, a segment's lines). */
  async all(tenant: TenantId, spec: QuerySpec): Promise<T[]> {
    return (await this.allRaw<ItemDefinition>(tenant, spec)).map((d) => this.toEntity(d));
  }

  /** Every match as the store returns it, e.g. for a SELECT of a few fields. */
  async allRaw<R>(tenant: TenantId, spec: QuerySpec): Promise<R[]> {
    try {
      // Large pages: every page is a round trip (and, in the embedded store, a scan of the container).
      const { resources } = await this.container.items
        .query<R>(this.sql(tenant, spec), {
          maxItemCount: 10_000,
          ...(spec.partitionKey ? { partitionKey: spec.partitionKey } : {}),
        })
        .fetchAll();
      return resources;
    } catch (error) {
      return rethrowUnavailable(error);
    }
  }

  /** Every match with its stored-only fields (see toStored). */
  async allStored(tenant: TenantId, spec: QuerySpec): Promise<T[]> {
    return (await this.allRaw<ItemDefinition>(tenant, spec)).map((d) => this.toStored(d));
  }

  /** A bulk create of the document under `key` (see bulk.ts); a duplicate answers 409. */
  createOperation(tenant: TenantId, key: string, data: object): OperationInput {
    const envelope = this.envelope(tenant, key);
    return {
      operationType: "Create",
      partitionKey: envelope.pk,
      resourceBody: { ...bodyOf(data), ...envelope },
    };
  }

  /** A bulk write of the document under `key`, whatever is there. */
  upsertOperation(tenant: TenantId, key: string, data: object): OperationInput {
    const envelope = this.envelope(tenant, key);
    return {
      operationType: "Upsert",
      partitionKey: envelope.pk,
      resourceBody: { ...bodyOf(data), ...envelope },
    };
  }

  /**
   * A bulk replace of the document under `key` if its ETag is still `ifMatch` (412 otherwise).
   * `data` is the whole document: pass what toStored gave, changed.
   */
  replaceOperation(tenant: TenantId, key: string, data: object, ifMatch: string): OperationInput {
    const envelope = this.envelope(tenant, key);
    return {
      operationType: "Replace",
      id: envelope.id,
      partitionKey: envelope.pk,
      resourceBody: { ...bodyOf(data), ...envelope },
      ifMatch,
    };
  }

  /** A bulk delete of the document under `key`; a missing one answers 404. */
  deleteOperation(tenant: TenantId, key: string): OperationInput {
    return {
      operationType: "Delete",
      id: this.idOf(key),
      partitionKey: this.partitionKeyOf(tenant, key),
    };
  }

  async count(tenant: TenantId, spec: QuerySpec): Promise<number> {
    const [n] = await this.allRaw<number>(tenant, {
      ...spec,
      select: "VALUE COUNT(1)",
      orderBy: [],
    });
    return n ?? 0;
  }
}

/**
 * What a repository hands out of a DocumentStore: entities in and out, each with its opaque
 * ETag. Documents, queries and bulk operations stay inside the repository.
 */
export type EntityStore<T extends { etag: string }> = Pick<
  DocumentStore<T>,
  "entityName" | "find" | "get" | "create" | "replace" | "upsert" | "delete"
>;
