import type { DemoCountry } from "./codes";
import type { DemoCity, DemoCountryProfile } from "./places";
import type { Random } from "./random";

export interface DemoAddress {
  address: string;
  address2?: string;
  postCode: string;
  city: string;
  county?: string;
  countryRegionCode: DemoCountry;
}

// Letters the Royal Mail and PostNL use in the completed part of a post code.
const GB_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
const NL_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

const letters = (random: Random, alphabet: string, count: number): string => {
  let s = "";
  for (let i = 0; i < count; i++) s += alphabet[random.int(0, alphabet.length - 1)];
  return s;
};

const postCodeIn = (random: Random, country: DemoCountry, city: DemoCity): string => {
  if (country === "GB")
    return `${city.postCode} ${random.int(1, 9)}${letters(random, GB_INWARD_LETTERS, 2)}`;
  if (country === "NL") {
    // "SA", "SD" and "SS" are never issued in NL post codes.
    let suffix = letters(random, NL_LETTERS, 2);
    while (suffix === "SA" || suffix === "SD" || suffix === "SS")
      suffix = letters(random, NL_LETTERS, 2);
    return `${city.postCode} ${suffix}`;
  }
  return city.postCode;
};

const houseNumber = (random: Random, country: DemoCountry): string => {
  // US street numbers run into the thousands; European ones rarely pass a hundred or so.
  const n =
    country === "US"
      ? random.int(100, 4999)
      : random.chance(0.8)
        ? random.int(1, 60)
        : random.int(61, 240);
  return random.chance(0.08) ? `${n}${random.pick(["A", "B", "C"])}` : `${n}`;
};

const DK_FLOORS = [
  "st. tv.",
  "st. th.",
  "1. tv.",
  "1. th.",
  "2. tv.",
  "2. th.",
  "3. mf.",
  "4. tv.",
];
const COMPANY_ADDRESS2: Readonly<Record<DemoCountry, readonly string[]>> = {
  DK: ["Bygning 2", "Indgang B", "Postboks 217", "c/o Erhvervshuset", "2. sal"],
  SE: ["Box 1042", "Hus B", "Plan 3"],
  NO: ["Postboks 412", "Bygg C", "3. etasje"],
  DE: ["Gebäude 4", "Hinterhaus", "Postfach 1120"],
  GB: ["Unit 4", "Suite 2.01", "Riverside House"],
  NL: ["Postbus 1123", "Gebouw B", "2e verdieping"],
  US: ["Suite 200", "Suite 1450", "Floor 3"],
};

/**
 * A street address in the country's own order. `home` adds the Danish floor and door
 * ("Vestergade 12, 2. tv.") that private addresses in flats carry and companies do not.
 */
export const addressIn = (
  random: Random,
  profile: DemoCountryProfile,
  city: DemoCity,
  kind: "company" | "home",
): DemoAddress => {
  const street = random.pick(profile.streets);
  const no = houseNumber(random, profile.code);
  let address = profile.houseNumberFirst ? `${no} ${street}` : `${street} ${no}`;
  if (kind === "home" && profile.code === "DK" && random.chance(0.35))
    address += `, ${random.pick(DK_FLOORS)}`;
  const result: DemoAddress = {
    address,
    postCode: postCodeIn(random, profile.code, city),
    city: city.name,
    countryRegionCode: profile.code,
  };
  if (kind === "company" && random.chance(0.1))
    result.address2 = random.pick(COMPANY_ADDRESS2[profile.code]);
  if (city.county) result.county = city.county;
  return result;
};
