import type { DemoCountry } from "./codes";

/**
 * Where demo contacts live. Danish cities carry their real post codes (the demo is shown to
 * Danish users, who notice a wrong one); foreign ones carry plausible codes of the right format.
 */
export interface DemoCity {
  name: string;
  /** The whole post code, or for GB and NL the part before the space that the generator completes. */
  postCode: string;
  /** Relative share of the country's contacts. */
  weight: number;
  /** Area code without the trunk 0, for countries whose numbers have one. */
  areaCode?: string;
  /** Start of the local number; set where a range reserved for fiction exists (GB). */
  phonePrefix?: string;
  /** County, state or region as Business Central's County field holds it. */
  county?: string;
}

export interface DemoCountryProfile {
  code: DemoCountry;
  languageCode: string;
  /** Share of all contacts, in percent. */
  weight: number;
  cities: readonly DemoCity[];
  streets: readonly string[];
  /** "12 High Street" rather than "Vestergade 12". */
  houseNumberFirst: boolean;
  /** Top-level domain(s) of company web addresses, before the reserved ".example". */
  tld: string;
}

const city = (
  name: string,
  postCode: string,
  weight: number,
  extra: Pick<DemoCity, "areaCode" | "phonePrefix" | "county"> = {},
): DemoCity => ({ name, postCode, weight, ...extra });

const DK_CITIES: readonly DemoCity[] = [
  city("København K", "1050", 10),
  city("København V", "1620", 5),
  city("Frederiksberg", "2000", 4),
  city("København Ø", "2100", 4),
  city("København N", "2200", 3),
  city("København S", "2300", 3),
  city("København NV", "2400", 2),
  city("København SV", "2450", 2),
  city("Valby", "2500", 2),
  city("Glostrup", "2600", 2),
  city("Rødovre", "2610", 1),
  city("Taastrup", "2630", 2),
  city("Hvidovre", "2650", 1),
  city("Brønshøj", "2700", 1),
  city("Herlev", "2730", 2),
  city("Ballerup", "2750", 2),
  city("Kastrup", "2770", 1),
  city("Kongens Lyngby", "2800", 3),
  city("Gentofte", "2820", 1),
  city("Søborg", "2860", 2),
  city("Hellerup", "2900", 3),
  city("Charlottenlund", "2920", 1),
  city("Hørsholm", "2970", 2),
  city("Helsingør", "3000", 2),
  city("Hillerød", "3400", 2),
  city("Værløse", "3500", 1),
  city("Frederikssund", "3600", 1),
  city("Rønne", "3700", 1),
  city("Roskilde", "4000", 3),
  city("Jyllinge", "4040", 1),
  city("Ringsted", "4100", 1),
  city("Slagelse", "4200", 2),
  city("Holbæk", "4300", 2),
  city("Kalundborg", "4400", 1),
  city("Køge", "4600", 2),
  city("Næstved", "4700", 2),
  city("Vordingborg", "4760", 1),
  city("Nykøbing F", "4800", 1),
  city("Nakskov", "4900", 1),
  city("Odense C", "5000", 6),
  city("Middelfart", "5500", 1),
  city("Faaborg", "5600", 1),
  city("Svendborg", "5700", 2),
  city("Nyborg", "5800", 1),
  city("Kolding", "6000", 3),
  city("Haderslev", "6100", 1),
  city("Aabenraa", "6200", 1),
  city("Gråsten", "6300", 1),
  city("Sønderborg", "6400", 2),
  city("Vejen", "6600", 1),
  city("Esbjerg", "6700", 3),
  city("Varde", "6800", 1),
  city("Skjern", "6900", 1),
  city("Fredericia", "7000", 2),
  city("Vejle", "7100", 3),
  city("Jelling", "7300", 1),
  city("Brande", "7330", 1),
  city("Herning", "7400", 3),
  city("Ikast", "7430", 1),
  city("Holstebro", "7500", 2),
  city("Struer", "7600", 1),
  city("Thisted", "7700", 1),
  city("Skive", "7800", 1),
  city("Aarhus C", "8000", 7),
  city("Aarhus N", "8200", 2),
  city("Aarhus V", "8210", 2),
  city("Viby J", "8260", 2),
  city("Odder", "8300", 1),
  city("Tilst", "8381", 1),
  city("Hammel", "8450", 1),
  city("Grenaa", "8500", 1),
  city("Lystrup", "8520", 1),
  city("Silkeborg", "8600", 2),
  city("Ry", "8680", 1),
  city("Horsens", "8700", 2),
  city("Viborg", "8800", 2),
  city("Randers C", "8900", 2),
  city("Randers NV", "8920", 1),
  city("Aalborg", "9000", 5),
  city("Aalborg SV", "9200", 1),
  city("Aalborg Øst", "9220", 1),
  city("Nørresundby", "9400", 1),
  city("Hobro", "9500", 1),
  city("Brønderslev", "9700", 1),
  city("Hjørring", "9800", 1),
  city("Frederikshavn", "9900", 1),
  city("Skagen", "9990", 1),
];

const DK_STREETS = [
  "Vestergade",
  "Østergade",
  "Nørregade",
  "Søndergade",
  "Algade",
  "Storegade",
  "Jernbanegade",
  "Stationsvej",
  "Skolevej",
  "Kirkevej",
  "Møllevej",
  "Bredgade",
  "Industrivej",
  "Hovedgaden",
  "Havnegade",
  "Torvet",
  "Erhvervsvej",
  "Fabriksvej",
  "Håndværkervej",
  "Bakkevej",
  "Parkvej",
  "Skovvej",
  "Åboulevarden",
  "Engvej",
  "Birkevej",
  "Lindevej",
  "Kastanievej",
  "Grønnegade",
  "Klostergade",
  "Slotsgade",
  "Nygade",
  "Brogade",
  "Strandvejen",
  "Ved Stranden",
  "Kongensgade",
  "H.C. Andersens Vej",
  "Sankt Peders Stræde",
  "Dalgas Allé",
];

const SE_CITIES: readonly DemoCity[] = [
  city("Stockholm", "111 20", 8, { areaCode: "8" }),
  city("Göteborg", "411 06", 4, { areaCode: "31" }),
  city("Malmö", "211 20", 3, { areaCode: "40" }),
  city("Helsingborg", "252 21", 2, { areaCode: "42" }),
  city("Uppsala", "753 20", 1, { areaCode: "18" }),
  city("Linköping", "582 24", 1, { areaCode: "13" }),
  city("Örebro", "702 10", 1, { areaCode: "19" }),
  city("Västerås", "722 15", 1, { areaCode: "21" }),
  city("Lund", "222 21", 1, { areaCode: "46" }),
  city("Jönköping", "553 16", 1, { areaCode: "36" }),
  city("Umeå", "903 26", 1, { areaCode: "90" }),
  city("Norrköping", "602 24", 1, { areaCode: "11" }),
];

const SE_STREETS = [
  "Storgatan",
  "Drottninggatan",
  "Kungsgatan",
  "Vasagatan",
  "Järnvägsgatan",
  "Nygatan",
  "Kyrkogatan",
  "Östra Hamngatan",
  "Industrigatan",
  "Skolgatan",
  "Södra Vägen",
  "Sveavägen",
];

const NO_CITIES: readonly DemoCity[] = [
  city("Oslo", "0150", 8, { areaCode: "22" }),
  city("Oslo", "0250", 3, { areaCode: "23" }),
  city("Bergen", "5003", 3, { areaCode: "55" }),
  city("Trondheim", "7010", 2, { areaCode: "73" }),
  city("Stavanger", "4006", 2, { areaCode: "51" }),
  city("Tromsø", "9008", 1, { areaCode: "77" }),
  city("Kristiansand", "4610", 1, { areaCode: "38" }),
  city("Drammen", "3015", 1, { areaCode: "32" }),
  city("Fredrikstad", "1606", 1, { areaCode: "69" }),
  city("Hamar", "2317", 1, { areaCode: "62" }),
  city("Ålesund", "6002", 1, { areaCode: "70" }),
  city("Bodø", "8006", 1, { areaCode: "75" }),
];

const NO_STREETS = [
  "Storgata",
  "Kirkegata",
  "Dronningens gate",
  "Torggata",
  "Strandgata",
  "Kongens gate",
  "Industriveien",
  "Skolegata",
  "Jernbanegata",
  "Havnegata",
  "Nedre Slottsgate",
];

const DE_CITIES: readonly DemoCity[] = [
  city("Berlin", "10115", 4, { areaCode: "30" }),
  city("Hamburg", "20095", 4, { areaCode: "40" }),
  city("München", "80331", 3, { areaCode: "89" }),
  city("Köln", "50667", 2, { areaCode: "221" }),
  city("Frankfurt am Main", "60311", 2, { areaCode: "69" }),
  city("Kiel", "24103", 2, { areaCode: "431" }),
  city("Flensburg", "24937", 2, { areaCode: "461" }),
  city("Stuttgart", "70173", 1, { areaCode: "711" }),
  city("Düsseldorf", "40213", 1, { areaCode: "211" }),
  city("Leipzig", "04109", 1, { areaCode: "341" }),
  city("Bremen", "28195", 1, { areaCode: "421" }),
  city("Hannover", "30159", 1, { areaCode: "511" }),
  city("Lübeck", "23552", 1, { areaCode: "451" }),
  city("Nürnberg", "90403", 1, { areaCode: "911" }),
  city("Dresden", "01067", 1, { areaCode: "351" }),
];

const DE_STREETS = [
  "Hauptstraße",
  "Bahnhofstraße",
  "Schulstraße",
  "Gartenstraße",
  "Lindenstraße",
  "Kirchstraße",
  "Friedrichstraße",
  "Goethestraße",
  "Schillerstraße",
  "Industriestraße",
  "Am Markt",
  "Hafenstraße",
];

const GB_CITIES: readonly DemoCity[] = [
  city("London", "EC2V", 4, { areaCode: "20", phonePrefix: "7946 0", county: "Greater London" }),
  city("London", "WC2N", 2, { areaCode: "20", phonePrefix: "7946 0", county: "Greater London" }),
  city("London", "SE1", 2, { areaCode: "20", phonePrefix: "7946 0", county: "Greater London" }),
  city("Manchester", "M1", 2, {
    areaCode: "161",
    phonePrefix: "496 0",
    county: "Greater Manchester",
  }),
  city("Birmingham", "B1", 2, { areaCode: "121", phonePrefix: "496 0", county: "West Midlands" }),
  city("Leeds", "LS1", 1, { areaCode: "113", phonePrefix: "496 0", county: "West Yorkshire" }),
  city("Glasgow", "G1", 1, { areaCode: "141", phonePrefix: "496 0", county: "Glasgow City" }),
  city("Edinburgh", "EH1", 1, {
    areaCode: "131",
    phonePrefix: "496 0",
    county: "City of Edinburgh",
  }),
  city("Bristol", "BS1", 1, { areaCode: "117", phonePrefix: "496 0", county: "Bristol" }),
  city("Liverpool", "L1", 1, { areaCode: "151", phonePrefix: "496 0", county: "Merseyside" }),
  city("Newcastle upon Tyne", "NE1", 1, {
    areaCode: "191",
    phonePrefix: "498 0",
    county: "Tyne and Wear",
  }),
  city("Cardiff", "CF10", 1, { areaCode: "29", phonePrefix: "2018 0", county: "South Glamorgan" }),
  city("Cambridge", "CB2", 1, { areaCode: "1632", phonePrefix: "960 ", county: "Cambridgeshire" }),
  city("Aberdeen", "AB10", 1, { areaCode: "1632", phonePrefix: "960 ", county: "Aberdeenshire" }),
];

const GB_STREETS = [
  "High Street",
  "Station Road",
  "Church Street",
  "Victoria Road",
  "King Street",
  "Queen Street",
  "Market Street",
  "Mill Lane",
  "Park Road",
  "London Road",
  "St Mary's Road",
];

const NL_CITIES: readonly DemoCity[] = [
  city("Amsterdam", "1012", 5, { areaCode: "20" }),
  city("Rotterdam", "3011", 3, { areaCode: "10" }),
  city("Den Haag", "2511", 2, { areaCode: "70" }),
  city("Utrecht", "3511", 2, { areaCode: "30" }),
  city("Eindhoven", "5611", 2, { areaCode: "40" }),
  city("'s-Hertogenbosch", "5211", 1, { areaCode: "73" }),
  city("Groningen", "9711", 1, { areaCode: "50" }),
  city("Tilburg", "5038", 1, { areaCode: "13" }),
  city("Breda", "4811", 1, { areaCode: "76" }),
  city("Nijmegen", "6511", 1, { areaCode: "24" }),
  city("Haarlem", "2011", 1, { areaCode: "23" }),
  city("Arnhem", "6811", 1, { areaCode: "26" }),
  city("Zwolle", "8011", 1, { areaCode: "38" }),
  city("Leiden", "2311", 1, { areaCode: "71" }),
];

const NL_STREETS = [
  "Kerkstraat",
  "Dorpsstraat",
  "Stationsweg",
  "Molenweg",
  "Hoofdstraat",
  "Marktplein",
  "Schoolstraat",
  "Nieuwstraat",
  "Julianastraat",
  "Industrieweg",
  "Havenstraat",
];

const US_CITIES: readonly DemoCity[] = [
  city("New York", "10001", 3, { areaCode: "212", county: "NY" }),
  city("Chicago", "60601", 2, { areaCode: "312", county: "IL" }),
  city("Seattle", "98101", 2, { areaCode: "206", county: "WA" }),
  city("San Francisco", "94105", 2, { areaCode: "415", county: "CA" }),
  city("Minneapolis", "55401", 2, { areaCode: "612", county: "MN" }),
  city("Boston", "02108", 1, { areaCode: "617", county: "MA" }),
  city("Austin", "78701", 1, { areaCode: "512", county: "TX" }),
  city("Denver", "80202", 1, { areaCode: "303", county: "CO" }),
  city("Atlanta", "30303", 1, { areaCode: "404", county: "GA" }),
  city("Portland", "97204", 1, { areaCode: "503", county: "OR" }),
  city("Philadelphia", "19103", 1, { areaCode: "215", county: "PA" }),
  city("Los Angeles", "90012", 1, { areaCode: "213", county: "CA" }),
  city("Solvang", "93463", 1, { areaCode: "805", county: "CA" }),
  city("Racine", "53403", 1, { areaCode: "262", county: "WI" }),
];

const US_STREETS = [
  "Main Street",
  "Broadway",
  "Market Street",
  "Oak Avenue",
  "Park Avenue",
  "2nd Avenue",
  "Elm Street",
  "Maple Avenue",
  "Washington Street",
  "Lake Street",
  "Pine Street",
];

export const COUNTRY_PROFILES: Readonly<Record<DemoCountry, DemoCountryProfile>> = {
  DK: {
    code: "DK",
    languageCode: "da-DK",
    weight: 70,
    cities: DK_CITIES,
    streets: DK_STREETS,
    houseNumberFirst: false,
    tld: "dk",
  },
  SE: {
    code: "SE",
    languageCode: "sv-SE",
    weight: 7,
    cities: SE_CITIES,
    streets: SE_STREETS,
    houseNumberFirst: false,
    tld: "se",
  },
  NO: {
    code: "NO",
    languageCode: "nb-NO",
    weight: 5,
    cities: NO_CITIES,
    streets: NO_STREETS,
    houseNumberFirst: false,
    tld: "no",
  },
  DE: {
    code: "DE",
    languageCode: "de-DE",
    weight: 7,
    cities: DE_CITIES,
    streets: DE_STREETS,
    houseNumberFirst: false,
    tld: "de",
  },
  GB: {
    code: "GB",
    languageCode: "en-GB",
    weight: 5,
    cities: GB_CITIES,
    streets: GB_STREETS,
    houseNumberFirst: true,
    tld: "co.uk",
  },
  NL: {
    code: "NL",
    languageCode: "nl-NL",
    weight: 3,
    cities: NL_CITIES,
    streets: NL_STREETS,
    houseNumberFirst: false,
    tld: "nl",
  },
  US: {
    code: "US",
    languageCode: "en-US",
    weight: 3,
    cities: US_CITIES,
    streets: US_STREETS,
    houseNumberFirst: true,
    tld: "com",
  },
};
