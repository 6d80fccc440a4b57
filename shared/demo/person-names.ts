import { weightedPicker, type Random, type Weighted } from "./random";

/** The first names, middle names and surnames of one naming culture. */
export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  surnames: readonly Weighted<string>[];
  /** Danish-style middle names ("Søren Holm Jensen"); absent where they are not customary. */
  middleNames?: readonly string[];
  middleNameShare?: number;
}

export type Gender = "female" | "male";

export interface PersonName {
  firstName: string;
  middleName?: string;
  surname: string;
  /** Drives the salutation ("Sehr geehrte Frau ..."); never stored on the contact. */
  gender: Gender;
}

export type NameDrawer = (random: Random) => PersonName;

/** Builds the surname picker once per pool rather than once per drawn name. */
export const nameDrawer = (pool: NamePool): NameDrawer => {
  const surname = weightedPicker(pool.surnames);
  const middleShare = pool.middleNames ? (pool.middleNameShare ?? 0) : 0;
  return (random) => {
    const gender: Gender = random.chance(0.5) ? "female" : "male";
    const firstName = random.pick(gender === "female" ? pool.female : pool.male);
    const name: PersonName = { firstName, surname: surname(random), gender };
    if (pool.middleNames && random.chance(middleShare)) {
      const middle = random.pick(pool.middleNames);
      // "Søren Holm Holm" reads as a typo, not as a name.
      if (middle !== name.surname) name.middleName = middle;
    }
    return name;
  };
};

export const fullName = (n: Pick<PersonName, "firstName" | "middleName" | "surname">): string =>
  n.middleName ? `${n.firstName} ${n.middleName} ${n.surname}` : `${n.firstName} ${n.surname}`;
