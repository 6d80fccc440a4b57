import type { Container, ItemDefinition, SqlParameter } from "@azure/cosmos";

/**
 * Documents as the store holds them, read and written straight through the Cosmos SDK. The app
 * reaches its documents only through the repositories (functions/store/); a test that checks what
 * is stored, or plants what old data or a bug could have left there, goes around them on purpose.
 */
export interface StoredQuery {
  readonly tenant: string;
  readonly docType: string;
  /** Further SQL conditions on `c`, ANDed; values only in parameters. */
  readonly where?: readonly string[];
  readonly parameters?: readonly SqlParameter[];
  /** The SELECT list; the whole document by default. */
  readonly select?: string;
}

const sql = (q: StoredQuery) => ({
  query: `SELECT ${q.select ?? "*"} FROM c WHERE ${[
    "c.tenantId = @tenantId",
    "c.docType = @docType",
    ...(q.where ?? []),
  ].join(" AND ")}`,
  parameters: [
    { name: "@tenantId", value: q.tenant },
    { name: "@docType", value: q.docType },
    ...(q.parameters ?? []),
  ],
});

/** Every match, in pages as large as the repositories ask for (each page is a round trip). */
export const storedDocuments = async <T = ItemDefinition>(
  container: Container,
  q: StoredQuery,
): Promise<T[]> =>
  (await container.items.query<T>(sql(q), { maxItemCount: 10_000 }).fetchAll()).resources;

export const countStored = async (container: Container, q: StoredQuery): Promise<number> =>
  (await storedDocuments<number>(container, { ...q, select: "VALUE COUNT(1)" }))[0] ?? 0;

/** The one document the query names; throws when there is none. */
export const storedDocument = async (container: Container, q: StoredQuery) => {
  const [doc] = await storedDocuments(container, q);
  if (!doc)
    throw new Error(`no stored ${q.docType} of ${q.tenant} where ${q.where?.join(" AND ")}`);
  return doc;
};

/** Overwrites fields of a stored document as it is, envelope and all. */
export const plantFields = async (
  container: Container,
  doc: ItemDefinition,
  fields: Record<string, unknown>,
): Promise<void> => {
  await container.item(doc.id as string, doc["pk"] as string).replace({ ...doc, ...fields });
};
