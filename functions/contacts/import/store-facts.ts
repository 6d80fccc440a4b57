import type { ContactSummary } from "../../store/contact-repository";
import { loadContactCodeTables, type ContactCodeTables } from "../contact-code-check";
import type { Store } from "../../store/store";
import type { TenantId } from "../../store/tenant";
import type { Candidate } from "./import-row";

/** What the checks need to know about the tenant's store, loaded once for the whole file. */
export interface StoreFacts {
  /** Contact No. -> type and name, for the file's own Nos. and the companies its persons name. */
  readonly contacts: ReadonlyMap<string, ContactSummary>;
  /**
   * Row key -> contact No., for the file's rows without No. and e-mail that an earlier import of
   * the same file claimed; `contacts` holds those of the Nos. that exist.
   */
  readonly importedRows: ReadonlyMap<string, string>;
  /** Lower-cased e-mail -> the No. of the contact using it. */
  readonly emailOwners: ReadonlyMap<string, string>;
  readonly salespeople: ReadonlySet<string>;
  /** The code tables (and questionnaires) the file's rows name. */
  readonly codeTables: ContactCodeTables;
}

/**
 * Keys per query: a whole file's keys in one parameter (10,000 e-mail addresses are ~300 KB)
 * would run into Cosmos DB's limit on the length of a query; chunks keep each query small and
 * the number of queries still independent of how the rows are spread.
 */
const chunkSize = 1000;

const chunks = <T>(items: readonly T[], size = chunkSize): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const mergedMaps = async <K, V>(
  keys: readonly K[],
  load: (chunk: K[]) => Promise<Map<K, V>>,
): Promise<Map<K, V>> => {
  const maps = await Promise.all(chunks([...new Set(keys)]).map(load));
  return new Map(maps.flatMap((m) => [...m]));
};

/** Contact No. -> type and name for the given Nos. that exist in the tenant. */
export const contactSummariesOf = (store: Store, tenant: TenantId, nos: readonly string[]) =>
  mergedMaps(nos, (chunk) => store.contacts.summariesOf(tenant, chunk));

/**
 * A fixed number of lookups for the whole file, whatever its size (the rows imported before,
 * then Nos., e-mails, salespeople, and one per code table the file uses): the per-row alternative (a read per row)
 * would make 10,000 rows 30,000 store round trips.
 */
export const loadStoreFacts = async (
  store: Store,
  tenant: TenantId,
  candidates: readonly Candidate[],
): Promise<StoreFacts> => {
  const nos = candidates.flatMap(({ contact: c }) => [
    ...(c.no ? [c.no] : []),
    ...(c.companyNo ? [c.companyNo] : []),
  ]);
  const emails = candidates.flatMap(({ contact: c }) => (c.email ? [c.email.toLowerCase()] : []));
  const codes = [
    ...new Set(
      candidates.flatMap(({ contact: c }) => (c.salespersonCode ? [c.salespersonCode] : [])),
    ),
  ];
  // The contacts of the rows imported before are looked up with the file's own Nos., once their
  // claims have named them; the other lookups need not wait.
  const rowsAndContacts = store.importedRows
    .contactNosOf(
      tenant,
      candidates.flatMap((c) => (c.rowKey ? [c.rowKey] : [])),
    )
    .then(async (importedRows) => ({
      importedRows,
      contacts: await contactSummariesOf(store, tenant, [...nos, ...importedRows.values()]),
    }));
  const [{ importedRows, contacts }, emailOwners, salespeople, codeTables] = await Promise.all([
    rowsAndContacts,
    mergedMaps(emails, (chunk) => store.contacts.emailOwners(tenant, chunk)),
    Promise.all(chunks(codes).map((chunk) => store.salespeople.existing(tenant, chunk))).then(
      (sets) => new Set(sets.flatMap((s) => [...s])),
    ),
    loadContactCodeTables(
      store,
      tenant,
      candidates.map((c) => c.contact),
    ),
  ]);
  return { contacts, importedRows, emailOwners, salespeople, codeTables };
};
