import type { Container } from "@azure/cosmos";
import { partitionKey } from "./containers";
import { DocumentStore, type EntityStore, type Page, type QuerySpec } from "./document-store";
import type { TenantId } from "./tenant";

/** Small per-tenant reference data kept in the setup container, one partition per kind. */
export interface SetupKind {
  readonly docType: string;
  readonly entityName: string;
  readonly keyField: "code" | "no" | "jobId";
  /** Fields searched by ?search= (case-insensitive contains). */
  readonly searchFields: readonly string[];
  /** Stored-only fields the API never shows. */
  readonly internalKeys?: readonly string[];
}

export const setupKinds = {
  salesperson: {
    docType: "salesperson",
    entityName: "Salesperson",
    keyField: "code",
    searchFields: ["code", "name"],
  },
  campaign: {
    docType: "campaign",
    entityName: "Campaign",
    keyField: "no",
    searchFields: ["no", "description"],
  },
  savedCriteria: {
    docType: "savedCriteria",
    entityName: "Saved criteria",
    keyField: "code",
    searchFields: ["code", "description"],
  },
  mergeJob: {
    docType: "mergeJob",
    entityName: "Merge job",
    keyField: "jobId",
    searchFields: [],
  },
  interactionTemplate: {
    docType: "interactionTemplate",
    entityName: "Interaction template",
    keyField: "code",
    searchFields: ["code", "description"],
    // Each letter's document id by language; the attachments list shows only file names.
    internalKeys: ["letterDocumentIds"],
  },
  jobResponsibility: {
    docType: "jobResponsibility",
    entityName: "Job responsibility",
    keyField: "code",
    searchFields: ["code", "description", "descriptionDa"],
  },
  businessRelation: {
    docType: "businessRelation",
    entityName: "Business relation",
    keyField: "code",
    searchFields: ["code", "description", "descriptionDa"],
  },
  industryGroup: {
    docType: "industryGroup",
    entityName: "Industry group",
    keyField: "code",
    searchFields: ["code", "description", "descriptionDa"],
  },
  mailingGroup: {
    docType: "mailingGroup",
    entityName: "Mailing group",
    keyField: "code",
    searchFields: ["code", "description", "descriptionDa"],
  },
  profileQuestionnaire: {
    docType: "profileQuestionnaire",
    entityName: "Profile questionnaire",
    keyField: "code",
    searchFields: ["code", "description", "descriptionDa"],
  },
} as const satisfies Record<string, SetupKind>;

export type SetupFilter = {
  readonly field: string;
  readonly value: string;
  readonly op?: "=" | "<=" | ">=";
};

export class SetupRepository<T extends { etag: string }> {
  readonly store: EntityStore<T>;
  protected readonly docs: DocumentStore<T>;

  constructor(
    container: Container,
    readonly kind: SetupKind,
  ) {
    this.store = this.docs = new DocumentStore<T>({
      container,
      docType: kind.docType,
      entityName: kind.entityName,
      keyField: kind.keyField,
      partitionKeyOf: (tenant) => partitionKey.setup(tenant, kind.docType),
      ...(kind.internalKeys ? { internalKeys: kind.internalKeys } : {}),
    });
  }

  list(
    tenant: TenantId,
    options: {
      search?: string | undefined;
      filters?: readonly SetupFilter[];
      top: number;
      continuationToken?: string | undefined;
    },
  ): Promise<Page<T>> {
    const where: string[] = [];
    const parameters: { name: string; value: string }[] = [];
    if (options.search) {
      where.push(
        `(${this.kind.searchFields.map((f) => `CONTAINS(UPPER(c.${f}), @search)`).join(" OR ")})`,
      );
      parameters.push({ name: "@search", value: options.search.toUpperCase() });
    }
    (options.filters ?? []).forEach((f, i) => {
      // Field names come from our own code, never from the request; values are parameters.
      where.push(`c.${f.field} ${f.op ?? "="} @f${i}`);
      parameters.push({ name: `@f${i}`, value: f.value });
    });
    const spec: QuerySpec = {
      where,
      parameters,
      orderBy: [`c.${this.kind.keyField}`],
      partitionKey: partitionKey.setup(tenant, this.kind.docType),
    };
    return this.docs.page(tenant, spec, {
      top: options.top,
      continuationToken: options.continuationToken,
    });
  }

  /**
   * The entity as the API shows it, and beside it the stored-only fields of its kind
   * (SetupKind.internalKeys, e.g. a template's letters' document ids), unchecked.
   */
  async findWithInternals(
    tenant: TenantId,
    key: string,
  ): Promise<{ entity: T; internals: Readonly<Record<string, unknown>> } | undefined> {
    return this.docs.findWithInternals(tenant, key);
  }

  /** Every entity of this kind in the tenant, by key; for kinds that stay small (questionnaires). */
  allOfTenant(tenant: TenantId): Promise<T[]> {
    return this.docs.all(tenant, {
      where: [],
      parameters: [],
      orderBy: [`c.${this.kind.keyField}`],
      partitionKey: partitionKey.setup(tenant, this.kind.docType),
    });
  }

  /** Every key of this kind in the tenant, sorted; for code tables, which stay small. */
  async allCodes(tenant: TenantId): Promise<string[]> {
    const rows = await this.docs.allRaw<{ key: string }>(tenant, {
      select: `c.${this.kind.keyField} AS key`,
      where: [],
      parameters: [],
      orderBy: [`c.${this.kind.keyField}`],
      partitionKey: partitionKey.setup(tenant, this.kind.docType),
    });
    return rows.map((r) => r.key);
  }

  /** Of these keys, the ones that exist. */
  async existing(tenant: TenantId, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.docs.allRaw<{ key: string }>(tenant, {
      select: `c.${this.kind.keyField} AS key`,
      where: [`ARRAY_CONTAINS(@keys, c.${this.kind.keyField})`],
      parameters: [{ name: "@keys", value: [...new Set(keys)] }],
      partitionKey: partitionKey.setup(tenant, this.kind.docType),
    });
    return new Set(rows.map((r) => r.key));
  }
}
