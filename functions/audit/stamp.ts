import type { Identity } from "../auth/identity";

export interface Stamp {
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  modifiedBy: string;
}

export const stampNew = (identity: Identity, now: Date): Stamp => ({
  createdAt: now.toISOString(),
  createdBy: identity.userId,
  modifiedAt: now.toISOString(),
  modifiedBy: identity.userId,
});

export const stampChange = (
  previous: Pick<Stamp, "createdAt" | "createdBy">,
  identity: Identity,
  now: Date,
): Stamp => ({
  createdAt: previous.createdAt,
  createdBy: previous.createdBy,
  modifiedAt: now.toISOString(),
  modifiedBy: identity.userId,
});

/** Server-owned fields a client may have sent back with an entity; never stored from input. */
export const withoutStamp = <T extends object>(entity: T): Omit<T, "etag" | keyof Stamp> => {
  const {
    etag: _e,
    createdAt: _a,
    createdBy: _b,
    modifiedAt: _c,
    modifiedBy: _d,
    ...rest
  } = entity as T & Stamp & { etag?: string };
  return rest;
};
