import type { DemoCountry } from "./codes";
import type { DemoCity } from "./places";
import type { Random } from "./random";

/**
 * Phone numbers in each country's usual written form, in international notation so that one
 * tenant can hold them all. Where a range is reserved for fiction (US 555-01xx, Ofcom's drama
 * numbers in GB) it is used, so a demo that dials never reaches a real person there.
 */

/** "33123456" -> "33 12 34 56" */
const pairs = (d: string): string =>
  `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`;

const DK_MOBILE_PREFIXES = [
  "20",
  "21",
  "22",
  "23",
  "24",
  "25",
  "26",
  "27",
  "28",
  "29",
  "30",
  "31",
  "40",
  "41",
  "42",
  "50",
  "51",
  "52",
  "53",
  "60",
  "61",
  "71",
  "81",
  "91",
  "93",
];
const SE_MOBILE_PREFIXES = ["70", "72", "73", "76"];
const DE_MOBILE_PREFIXES = ["151", "152", "160", "170", "171", "172", "176"];

/** Danish landlines still mostly start with the digit of their old region. */
const dkLandlineFirstDigit = (random: Random, postCode: string): string => {
  switch (postCode[0]) {
    case "1":
    case "2":
      return random.pick(["3", "4"]);
    case "3":
    case "4":
      return random.pick(["4", "5"]);
    case "5":
      return "6";
    case "6":
      return "7";
    case "7":
      return random.pick(["7", "9"]);
    case "8":
      return "8";
    default:
      return "9";
  }
};

export const landlineIn = (random: Random, country: DemoCountry, city: DemoCity): string => {
  const area = city.areaCode ?? "";
  switch (country) {
    case "DK":
      return `+45 ${pairs(dkLandlineFirstDigit(random, city.postCode) + random.digits(7))}`;
    case "SE": {
      const local = random.digits(area.length === 1 ? 7 : area.length === 2 ? 7 : 6);
      return `+46 ${area} ${local.slice(0, local.length - 4)} ${local.slice(-4, -2)} ${local.slice(-2)}`;
    }
    case "NO":
      return `+47 ${pairs(area + random.digits(6))}`;
    case "DE":
      return `+49 ${area} ${random.digits(10 - area.length)}`;
    case "GB":
      return `+44 ${area} ${city.phonePrefix ?? ""}${random.digits(3)}`;
    case "NL": {
      const local = random.digits(7);
      return `+31 ${area} ${local.slice(0, 3)} ${local.slice(3)}`;
    }
    case "US":
      return `+1 ${area} 555 01${random.digits(2)}`;
  }
};

export const mobileIn = (random: Random, country: DemoCountry, city: DemoCity): string => {
  switch (country) {
    case "DK":
      return `+45 ${pairs(random.pick(DK_MOBILE_PREFIXES) + random.digits(6))}`;
    case "SE":
      return `+46 ${random.pick(SE_MOBILE_PREFIXES)} ${random.digits(3)} ${random.digits(2)} ${random.digits(2)}`;
    case "NO":
      return `+47 ${random.pick(["4", "9"])}${random.digits(2)} ${random.digits(2)} ${random.digits(3)}`;
    case "DE":
      return `+49 ${random.pick(DE_MOBILE_PREFIXES)} ${random.digits(8)}`;
    case "GB":
      return `+44 7700 900${random.digits(3)}`;
    case "NL":
      return `+31 6 ${random.digits(4)} ${random.digits(4)}`;
    case "US":
      return `+1 ${city.areaCode ?? "555"} 555 01${random.digits(2)}`;
  }
};
