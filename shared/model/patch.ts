import { z } from "zod";

/**
 * JSON Merge Patch (RFC 7396) body for an entity: every field optional, null clears it.
 * The service merges the patch onto the stored entity and validates the result against the
 * full schema, so cross-field rules hold after every update.
 */
export type PatchShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<z.ZodNullable<MemberPatch<S[K]>>>;
};

/** A record's members take null too (see memberPatch). */
type MemberPatch<T> =
  T extends z.ZodDefault<infer Inner>
    ? MemberPatch<Inner>
    : T extends z.ZodRecord<infer Key, infer Value>
      ? z.ZodRecord<Key, z.ZodNullable<Value>>
      : T;

export const patchOf = <S extends z.ZodRawShape>(fields: z.ZodObject<S>) => {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(fields.shape)) {
    shape[key] = memberPatch(unwrapDefault(schema as z.ZodType))
      .nullable()
      .optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
};

/** A patch must not re-apply defaults: an absent key means "leave as is". */
const unwrapDefault = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;

/**
 * A record (custom fields) merges member by member, so its patch takes null for a member to
 * remove it (RFC 7396). Its own checks (how many members) apply to the merged result, which the
 * service validates against the full schema.
 */
const memberPatch = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodRecord
    ? z.record(schema.keyType as z.ZodString, (schema.valueType as z.ZodType).nullable())
    : schema;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Applies a JSON Merge Patch (RFC 7396): null removes a member, objects merge, the rest replaces. */
export const applyMergePatch = <T extends object>(target: T, patch: object): T => {
  const result: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- merge patch: null removes the member
    if (value === null) delete result[key];
    else if (value === undefined) continue;
    else if (isPlainObject(value)) {
      const current = result[key];
      result[key] = applyMergePatch(isPlainObject(current) ? current : {}, value);
    } else result[key] = value;
  }
  return result as T;
};
