import type { IndexingPolicy } from "@azure/cosmos";
import type { TenantId } from "./tenant";

/**
 * Every container, its partition key and indexing policy, in one place (infra/ reads the same).
 *
 * Partition keys are synthetic single-path keys `tenant|...` (the embedded store models no
 * hierarchical keys):
 * - contacts:     tenant|contactNo  - one logical partition per contact, so a tenant's contacts
 *                 spread over as many partitions as it has contacts and never meet the 20 GB cap;
 * - segments:     tenant|segmentNo  - a segment's header, lines, criteria actions and counters
 *                 share a partition, so per-segment work is single-partition;
 * - interactions: tenant|contactNo  - a contact's interaction log entries together; a tenant's
 *                 growing log is spread over its contacts;
 * - setup:        tenant|kind       - small reference data (salespeople, campaigns, templates,
 *                 number series), bounded per tenant.
 * Every document also carries `tenantId`, and every query filters on it.
 */
export type ContainerName = "contacts" | "segments" | "interactions" | "setup";

export interface ContainerDef {
  readonly id: ContainerName;
  readonly partitionKeyPath: "/pk";
  readonly indexingPolicy: IndexingPolicy;
}

const composite = (...paths: string[]) =>
  paths.map((path) => ({ path, order: "ascending" as const }));

const policy = (
  compositeIndexes: { path: string; order: "ascending" | "descending" }[][],
  excluded: string[] = [],
) => ({
  indexingMode: "consistent" as const,
  automatic: true,
  includedPaths: [{ path: "/*" }],
  excludedPaths: [{ path: '/"_etag"/?' }, ...excluded.map((path) => ({ path }))],
  compositeIndexes,
});

export const containers: Record<ContainerName, ContainerDef> = {
  contacts: {
    id: "contacts",
    partitionKeyPath: "/pk",
    indexingPolicy: policy(
      [
        composite("/tenantId", "/no"),
        composite("/tenantId", "/searchName", "/no"),
        composite("/tenantId", "/city", "/no"),
        composite("/tenantId", "/modifiedAt", "/no"),
      ],
      ["/profileAnswers/*/question/?"],
    ),
  },
  segments: {
    id: "segments",
    partitionKeyPath: "/pk",
    indexingPolicy: policy(
      [
        composite("/tenantId", "/no"),
        composite("/tenantId", "/description", "/no"),
        composite("/tenantId", "/date", "/no"),
        composite("/tenantId", "/modifiedAt", "/no"),
        composite("/tenantId", "/lineNo"),
        composite("/tenantId", "/listOrder", "/lineNo"),
      ],
      ["/note/?"],
    ),
  },
  interactions: {
    id: "interactions",
    partitionKeyPath: "/pk",
    indexingPolicy: policy([
      composite("/tenantId", "/entryNo"),
      [
        { path: "/tenantId", order: "ascending" },
        { path: "/entryNo", order: "descending" },
      ],
    ]),
  },
  setup: {
    id: "setup",
    partitionKeyPath: "/pk",
    indexingPolicy: policy([
      composite("/tenantId", "/code"),
      composite("/tenantId", "/no"),
      // A send job's lines, by entry No. (send-job-repository.ts).
      composite("/tenantId", "/entryNo"),
    ]),
  },
};

export const partitionKey = {
  contact: (tenant: TenantId, contactNo: string) => `${tenant}|${contactNo}`,
  /**
   * An imported row without No. or e-mail (contacts container): one partition per row, as a
   * contact has; the `importedRow|` part keeps it apart from any contact No. (Code20 has no `|`).
   */
  importedRow: (tenant: TenantId, rowKey: string) => `${tenant}|importedRow|${rowKey}`,
  segment: (tenant: TenantId, segmentNo: string) => `${tenant}|${segmentNo}`,
  interactions: (tenant: TenantId, contactNo: string) => `${tenant}|${contactNo}`,
  setup: (tenant: TenantId, kind: string) => `${tenant}|${kind}`,
  /** A send job and its lines (setup container): one partition per job. */
  sendJob: (tenant: TenantId, jobId: string) => `${tenant}|sendJob|${jobId}`,
  /** A contact import job (setup container): one partition per job, as a tenant's jobs pile up. */
  contactImportJob: (tenant: TenantId, jobId: string) => `${tenant}|contactImportJob|${jobId}`,
};
