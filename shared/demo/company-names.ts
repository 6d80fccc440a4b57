import { byCountry, type DemoCountry, type IndustryGroup } from "./codes";
import { weightedPicker, type Random, type Weighted } from "./random";

/**
 * Company names the way each country forms them: a family name, a town or a region plus a
 * trade, and the legal form last. The trade comes from the industry group, so that a contact's
 * name and its industry agree ("Vejle Maskinfabrik A/S" is MANUF).
 */
export interface CompanyName {
  name: string;
  /** The name without its legal form; the web domain is made from it. */
  core: string;
}

type Trades = Readonly<Record<IndustryGroup, readonly string[]>>;

const DANISH_TRADES: Trades = {
  RETAIL: [
    "Møbler",
    "Cykler",
    "Isenkram",
    "Boligindretning",
    "Tøjhus",
    "Optik",
    "Køkkener",
    "Sport",
  ],
  MANUF: [
    "Maskinfabrik",
    "Stålindustri",
    "Plast",
    "Emballage",
    "Træindustri",
    "Metal",
    "Elektronik",
    "Værktøj",
  ],
  IT: ["Data", "Software", "IT", "Digital", "Systemer", "Netværk", "Consult", "Cloud"],
  FINANS: ["Revision", "Finans", "Leasing", "Kapital", "Forsikringsmægler", "Regnskab", "Invest"],
  TRANSPORT: ["Transport", "Fragt", "Logistik", "Vognmandsforretning", "Spedition", "Budservice"],
  ENERGI: ["Energi", "Vindenergi", "El-service", "Solenergi", "Varme", "Bioenergi", "El"],
  BYG: ["Tømrerforretning", "Entreprise", "Murerfirma", "VVS", "Byg", "Malerfirma", "Tagdækning"],
  FOOD: [
    "Bageri",
    "Mejeri",
    "Slagteri",
    "Fødevarer",
    "Fisk",
    "Frugt & Grønt",
    "Vinimport",
    "Kafferisteri",
  ],
};

const ENGLISH_TRADES: Trades = {
  RETAIL: ["Home Furnishings", "Outfitters", "Retail", "Stores", "Trading"],
  MANUF: ["Engineering", "Manufacturing", "Industries", "Components", "Packaging"],
  IT: ["Software", "Digital", "Systems", "Technologies", "Data"],
  FINANS: ["Capital", "Financial", "Accountants", "Leasing", "Advisory"],
  TRANSPORT: ["Logistics", "Freight", "Haulage", "Shipping"],
  ENERGI: ["Energy", "Power", "Renewables", "Solar"],
  BYG: ["Construction", "Builders", "Contractors"],
  FOOD: ["Foods", "Bakery", "Dairy", "Coffee Roasters", "Wine Importers"],
};

const TRADES: Readonly<Record<DemoCountry, Trades>> = {
  DK: DANISH_TRADES,
  SE: {
    RETAIL: ["Möbler", "Cykel", "Handel"],
    MANUF: ["Mekaniska Verkstad", "Industri", "Plast"],
    IT: ["Data", "IT", "Digital", "System"],
    FINANS: ["Finans", "Revision", "Kapital"],
    TRANSPORT: ["Transport", "Åkeri", "Logistik", "Frakt"],
    ENERGI: ["Energi", "Kraft", "Vind"],
    BYG: ["Bygg", "Entreprenad", "Snickeri"],
    FOOD: ["Bageri", "Livsmedel", "Kaffe"],
  },
  NO: {
    RETAIL: ["Møbler", "Sport", "Handel"],
    MANUF: ["Mekaniske Verksted", "Industri", "Plast"],
    IT: ["Data", "IT", "Digital"],
    FINANS: ["Finans", "Revisjon", "Kapital"],
    TRANSPORT: ["Transport", "Logistikk", "Frakt"],
    ENERGI: ["Energi", "Kraft", "Vind"],
    BYG: ["Bygg", "Entreprenør", "Snekkeri"],
    FOOD: ["Bakeri", "Fisk", "Sjømat", "Meieri"],
  },
  DE: {
    RETAIL: ["Möbelhaus", "Fahrradhandel", "Handel"],
    MANUF: ["Maschinenbau", "Metallbau", "Kunststofftechnik", "Verpackung"],
    IT: ["Software", "IT-Service", "Datentechnik", "Digital"],
    FINANS: ["Finanz", "Steuerberatung", "Leasing", "Kapital"],
    TRANSPORT: ["Spedition", "Logistik", "Transporte"],
    ENERGI: ["Energie", "Solartechnik", "Windkraft"],
    BYG: ["Bau", "Bauunternehmen", "Haustechnik"],
    FOOD: ["Bäckerei", "Feinkost", "Lebensmittel", "Kaffeerösterei"],
  },
  GB: ENGLISH_TRADES,
  NL: {
    RETAIL: ["Meubelen", "Fietsen", "Handel"],
    MANUF: ["Machinebouw", "Metaal", "Verpakking", "Kunststoffen"],
    IT: ["Software", "ICT", "Digitaal"],
    FINANS: ["Financiën", "Accountants", "Lease"],
    TRANSPORT: ["Transport", "Logistiek", "Expeditie"],
    ENERGI: ["Energie", "Zonne-energie", "Windenergie"],
    BYG: ["Bouw", "Aannemersbedrijf", "Installatietechniek"],
    FOOD: ["Bakkerij", "Zuivel", "Koffie", "Kaas"],
  },
  US: ENGLISH_TRADES,
};

const PREFIXES: Readonly<Record<DemoCountry, readonly string[]>> = {
  DK: [
    "Nordisk",
    "Dansk",
    "Jysk",
    "Fynsk",
    "Sjællandsk",
    "Nordic",
    "Scandinavian",
    "Øresund",
    "Limfjords",
    "Kattegat",
    "Skagerrak",
    "Bælt",
    "Nordlys",
    "Vesterhav",
  ],
  SE: ["Nordiska", "Svenska", "Västkustens", "Norrlands", "Skandinaviska", "Mälardalens"],
  NO: ["Norsk", "Nordisk", "Fjord", "Vestlandets", "Nordlys", "Polar"],
  DE: ["Nord", "Hanseatische", "Norddeutsche", "Rhein", "Ostsee", "Elbe"],
  GB: ["British", "Northern", "Anglo-Nordic", "Thames", "Pennine", "Highland"],
  NL: ["Hollandse", "Nederlandse", "Noord", "Rijn", "Delta", "Zeeuwse"],
  US: ["American", "Pacific", "Midwest", "Atlantic", "Great Lakes", "Nordic American"],
};

/** What a country writes after "Jensen &" for a family firm. */
const AND_SON: Readonly<Record<DemoCountry, string>> = {
  DK: "Søn",
  SE: "Son",
  NO: "Sønn",
  DE: "Söhne",
  GB: "Sons",
  NL: "Zonen",
  US: "Sons",
};

/** The trade plus the country ("Logistik Danmark"): the shape of national subsidiaries. */
const COUNTRY_NAME: Readonly<Record<DemoCountry, readonly string[]>> = {
  DK: ["Danmark", "Nord", "Syd", "Øst", "Vest"],
  SE: ["Sverige", "Norden"],
  NO: ["Norge", "Norden"],
  DE: ["Deutschland", "Nord"],
  GB: ["UK", "Europe"],
  NL: ["Nederland", "Benelux"],
  US: ["USA", "America"],
};

const LEGAL_FORMS: Readonly<Record<DemoCountry, readonly Weighted<string>[]>> = {
  DK: [
    ["A/S", 45],
    ["ApS", 45],
    ["I/S", 10],
  ],
  SE: [["AB", 1]],
  NO: [
    ["AS", 9],
    ["ASA", 1],
  ],
  DE: [
    ["GmbH", 7],
    ["GmbH & Co. KG", 2],
    ["AG", 1],
  ],
  GB: [
    ["Ltd", 17],
    ["PLC", 1],
    ["LLP", 2],
  ],
  NL: [
    ["B.V.", 9],
    ["N.V.", 1],
  ],
  US: [
    ["Inc.", 5],
    ["LLC", 4],
    ["Corp.", 1],
  ],
};
const legalForm = byCountry((country) => weightedPicker(LEGAL_FORMS[country]));

// Districts are part of the postal city ("Aarhus C") but not of a name formed from it.
const DISTRICT = / (?:[KCVØNSJF]|NV|SV|Øst)$/;

const genitive = (surname: string, country: DemoCountry): string => {
  if (country === "GB" || country === "US")
    return surname.endsWith("s") ? `${surname}'` : `${surname}'s`;
  return /[sxz]$/.test(surname) ? `${surname}'` : `${surname}s`;
};

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const companyName = (
  random: Random,
  country: DemoCountry,
  industry: IndustryGroup,
  cityName: string,
  surname: (random: Random) => string,
): CompanyName => {
  const trade = random.pick(TRADES[country][industry]);
  const roll = random.next();
  let core: string;
  if (roll < 0.3) core = `${surname(random)} ${trade}`;
  else if (roll < 0.48) core = `${cityName.replace(DISTRICT, "")} ${trade}`;
  else if (roll < 0.66) core = `${random.pick(PREFIXES[country])} ${trade}`;
  else if (roll < 0.8) {
    const first = surname(random);
    if (random.chance(0.3)) core = `${first} & ${AND_SON[country]}`;
    else {
      let second = surname(random);
      if (second === first) second = surname(random);
      core = random.chance(0.5) ? `${first} & ${second} ${trade}` : `${first} & ${second}`;
    }
  } else if (roll < 0.92) core = `${genitive(surname(random), country)} ${trade}`;
  else core = `${trade} ${random.pick(COUNTRY_NAME[country])}`;
  core = capitalize(core);
  return { name: `${core} ${legalForm[country](random)}`, core };
};
