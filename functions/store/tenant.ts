import { ValidationError } from "../errors/app-errors";

/**
 * A tenant id that has been through identity resolution. Repositories take it as their first
 * argument, so no store call can be written without one.
 */
export type TenantId = string & { readonly __brand: "TenantId" };

const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export const asTenantId = (value: string): TenantId => {
  // Partition keys are composed as tenant|key, so a tenant id must never contain the separator.
  if (!tenantPattern.test(value)) {
    throw new ValidationError([
      {
        in: "header",
        field: "tenant",
        rule: "invalid_format",
        message: "must be letters, digits and -",
      },
    ]);
  }
  return value as TenantId;
};
