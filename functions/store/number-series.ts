import type { Container } from "@azure/cosmos";
import { ConflictError, PreconditionFailedError } from "../errors/app-errors";
import { DocumentStore } from "./document-store";
import { partitionKey } from "./containers";
import type { TenantId } from "./tenant";

export interface SeriesDef {
  readonly code: string;
  readonly prefix: string;
  readonly digits: number;
}

/** Business Central-style number series: the next No. when the user leaves it blank. */
export const series = {
  contact: { code: "CONTACT", prefix: "KT", digits: 6 },
  segment: { code: "SEGMENT", prefix: "SEG", digits: 5 },
  campaign: { code: "CAMPAIGN", prefix: "CP", digits: 4 },
  loggedSegment: { code: "LOGSEG", prefix: "", digits: 0 },
  interactionLogEntry: { code: "INTLOG", prefix: "", digits: 0 },
  campaignEntry: { code: "CAMPENTRY", prefix: "", digits: 0 },
} as const satisfies Record<string, SeriesDef>;

export const formatNo = (def: SeriesDef, n: number): string =>
  def.digits === 0 ? String(n) : `${def.prefix}${String(n).padStart(def.digits, "0")}`;

interface SeriesDoc {
  code: string;
  lastNo: number;
  etag: string;
}

const maxAttempts = 25;

export class NumberSeries {
  private readonly store: DocumentStore<SeriesDoc>;

  constructor(container: Container) {
    this.store = new DocumentStore<SeriesDoc>({
      container,
      docType: "numberSeries",
      entityName: "Number series",
      keyField: "code",
      partitionKeyOf: (tenant) => partitionKey.setup(tenant, "numberSeries"),
    });
  }

  /**
   * Reserves `count` consecutive numbers and returns the first. Concurrent callers retry on the
   * ETag, so no number is handed out twice.
   */
  async reserve(tenant: TenantId, def: SeriesDef, count = 1): Promise<number> {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const current = await this.store.find(tenant, def.code);
      try {
        if (!current) {
          await this.store.create(tenant, def.code, { code: def.code, lastNo: count });
          return 1;
        }
        await this.store.replace(
          tenant,
          def.code,
          { code: def.code, lastNo: current.lastNo + count },
          current.etag,
        );
        return current.lastNo + 1;
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof PreconditionFailedError))
          throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
      }
    }
    throw new ConflictError(`The ${def.code} number series is busy; try again.`);
  }

  /** Moves the series past numbers that were written without it (seed data, imports). */
  async advanceTo(tenant: TenantId, def: SeriesDef, atLeast: number): Promise<void> {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const current = await this.store.find(tenant, def.code);
      if (current && current.lastNo >= atLeast) return;
      try {
        if (!current)
          await this.store.create(tenant, def.code, { code: def.code, lastNo: atLeast });
        else
          await this.store.replace(
            tenant,
            def.code,
            { code: def.code, lastNo: atLeast },
            current.etag,
          );
        return;
      } catch (error) {
        if (!(error instanceof ConflictError || error instanceof PreconditionFailedError))
          throw error;
      }
    }
  }
}

/** The number in a No. that this series formatted, or undefined. */
export const parseNo = (def: SeriesDef, no: string): number | undefined => {
  if (def.digits === 0) return /^\d+$/.test(no) ? Number(no) : undefined;
  const m = new RegExp(`^${def.prefix}(\\d{${def.digits}})$`).exec(no);
  return m ? Number(m[1]) : undefined;
};

/**
 * Creates something under the given No., or under the next No. of the series when none is
 * given; a series No. already taken by an import or seed data is skipped, not reused.
 */
export const createWithSeriesNo = async <T>(
  numbers: NumberSeries,
  tenant: TenantId,
  def: SeriesDef,
  givenNo: string | undefined,
  create: (no: string) => Promise<T>,
): Promise<T> => {
  if (givenNo) return create(givenNo);
  for (let attempt = 0; attempt < 20; attempt++) {
    const no = formatNo(def, await numbers.reserve(tenant, def));
    try {
      return await create(no);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(`No free No. was found in the ${def.code} number series; enter a No.`);
};
