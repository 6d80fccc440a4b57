import type { z } from "zod";
import type { ContactCreate } from "@shared/model/contact";
import type { ImportRowOutcome } from "@shared/model/contact-import";

/** A row that passed every check so far, on its way to the store. */
export interface Candidate {
  readonly row: number;
  readonly contact: ContactCreate;
  /**
   * Only for a row with neither a No. nor an e-mail: what recognises it when the same file is
   * imported again (row-identity.ts).
   */
  readonly rowKey?: string;
}

/** A row that will not be imported, and why: what the result lists under `problems`. */
export type RowProblem = z.infer<typeof ImportRowOutcome>;

/** The rows that go on, and the ones that stop at a check. */
export interface Split {
  readonly passed: Candidate[];
  readonly problems: RowProblem[];
}
