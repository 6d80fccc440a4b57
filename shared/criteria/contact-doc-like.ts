/**
 * What the criteria read from a stored contact document, declared structurally so shared/ need
 * not know the store: functions/store's ContactDoc is assignable to it. Anything may be missing
 * or of a surprising type in an old or hand-edited document; both back ends treat a value of
 * the wrong type as "no match" rather than failing.
 */
export interface ContactDocLike {
  readonly no: string;
  readonly type?: string;
  readonly companyNo?: string;
  readonly mailingGroups?: readonly unknown[];
  readonly jobResponsibilities?: readonly unknown[];
  readonly profileAnswers?: readonly unknown[];
  readonly customFields?: Readonly<Record<string, unknown>>;
  /** Every other catalog field, read by its path (fields.ts). */
  readonly [field: string]: unknown;
}
