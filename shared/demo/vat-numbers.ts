import type { DemoCountry } from "./codes";
import type { Random } from "./random";

// CVR numbers are eight digits whose weighted sum is divisible by 11; a generated one that
// fails the check would be rejected by any Danish ERP the demo data is exported to.
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];

const cvrNumber = (random: Random): string => {
  for (;;) {
    const digits = [random.int(1, 9), ...Array.from({ length: 6 }, () => random.int(0, 9))];
    const sum = digits.reduce((s, d, i) => s + d * (CVR_WEIGHTS[i] as number), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return digits.join("") + String(check);
  }
};

/** A VAT registration number in the country's format; undefined where there is none (US). */
export const vatNumberIn = (random: Random, country: DemoCountry): string | undefined => {
  switch (country) {
    case "DK":
      return `DK${cvrNumber(random)}`;
    case "SE":
      return `SE${random.int(1, 9)}${random.digits(9)}01`;
    case "NO":
      return `NO${random.int(8, 9)}${random.digits(8)}MVA`;
    case "DE":
      return `DE${random.int(1, 9)}${random.digits(8)}`;
    case "GB":
      return `GB${random.int(1, 9)}${random.digits(8)}`;
    case "NL":
      return `NL${random.int(1, 9)}${random.digits(8)}B01`;
    case "US":
      return undefined;
  }
};
