import type { DemoCountry, IndustryGroup } from "./codes";
import type { PersonName } from "./person-names";

/**
 * Values that break naive code: the longest names, apostrophes, ampersands, commas, hyphens,
 * and names that start with Æ, Ø or Å (which Danish sorts last). Random draws might miss them,
 * so every tenant large enough gets them at fixed, evenly spread places.
 */
export interface EdgeCaseCompany {
  country: DemoCountry;
  industry: IndustryGroup;
  /** The name without its legal form. */
  core: string;
  legalForm: string;
  /** A city of the country's list, where the name implies one. */
  cityName?: string;
}

export const EDGE_CASE_COMPANIES: readonly EdgeCaseCompany[] = [
  {
    country: "DK",
    industry: "BYG",
    core: "Det Nordjyske Rådgivende Ingeniør- og Arkitektfirma for Bygge- og Anlægsteknik",
    legalForm: "A/S",
    cityName: "Aalborg",
  },
  {
    country: "DK",
    industry: "MANUF",
    core: "Brødrene Ø. Bækgaard & Søn",
    legalForm: "A/S",
    cityName: "Herning",
  },
  {
    country: "DK",
    industry: "IT",
    core: "O'Brien & Sørensen",
    legalForm: "ApS",
    cityName: "København K",
  },
  {
    country: "DK",
    industry: "FOOD",
    core: "Æbleø Frugt & Grønt",
    legalForm: "I/S",
    cityName: "Odense C",
  },
  {
    country: "DK",
    industry: "TRANSPORT",
    core: "Åkjær Fragt",
    legalForm: "ApS",
    cityName: "Esbjerg",
  },
  {
    country: "GB",
    industry: "FINANS",
    core: "Smith, Jones & Partners",
    legalForm: "LLP",
    cityName: "London",
  },
  {
    country: "DE",
    industry: "MANUF",
    core: "Müller-Lüdenscheidt Maschinenbau",
    legalForm: "GmbH & Co. KG",
    cityName: "Flensburg",
  },
];

export const EDGE_CASE_PERSONS: readonly PersonName[] = [
  { firstName: "Maximiliane Charlotte", surname: "von Hohenberg-Schwarzenfeld", gender: "female" },
  { firstName: "Siobhán", surname: "O'Brien", gender: "female" },
  {
    firstName: "Anne-Mette",
    middleName: "Brøndum",
    surname: "Møller-Østergaard",
    gender: "female",
  },
  { firstName: "Søren", middleName: "Æbelø", surname: "Ågård", gender: "male" },
  { firstName: "Jan-Willem", surname: "van 't Hek", gender: "male" },
  { firstName: "Mary-Kate", surname: "D'Angelo", gender: "female" },
  { firstName: "Øjvind", surname: "Ørsted", gender: "male" },
];

/** Spreads `count` special items over `total` places: index in the tenant -> item number. */
export const spreadPlaces = (count: number, total: number): Map<number, number> => {
  const places = new Map<number, number>();
  if (total < count * 2) return places;
  for (let j = 0; j < count; j++) places.set(Math.floor(((j + 0.5) * total) / count), j);
  return places;
};
