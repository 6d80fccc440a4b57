/**
 * The code lists the demo tenant's contacts are classified by. In Business Central these are
 * set-up tables (Territories, Mailing Groups, Industry Groups, ...); here they are only the codes
 * the generator hands out, so that segment criteria in demos and tests have something to match.
 */

export const DEMO_COUNTRIES = ["DK", "SE", "NO", "DE", "GB", "NL", "US"] as const;
export type DemoCountry = (typeof DEMO_COUNTRIES)[number];

/** A table with one entry per demo country, built once at module load. */
export const byCountry = <T>(
  make: (country: DemoCountry) => T,
): Readonly<Record<DemoCountry, T>> => ({
  DK: make("DK"),
  SE: make("SE"),
  NO: make("NO"),
  DE: make("DE"),
  GB: make("GB"),
  NL: make("NL"),
  US: make("US"),
});

/** Danish regions by post code, and one territory for everything abroad. */
export const TERRITORIES = ["NORD", "SYD", "ØST", "VEST", "EXPORT"] as const;
export type Territory = (typeof TERRITORIES)[number];

export const MAILING_GROUPS = ["NYHEDSBREV", "JULEKORT", "EVENT", "VIP"] as const;
export type MailingGroup = (typeof MAILING_GROUPS)[number];

export const INDUSTRY_GROUPS = [
  "RETAIL",
  "MANUF",
  "IT",
  "FINANS",
  "TRANSPORT",
  "ENERGI",
  "BYG",
  "FOOD",
] as const;
export type IndustryGroup = (typeof INDUSTRY_GROUPS)[number];

export const BUSINESS_RELATIONS = ["CUST", "PROSPECT", "VEND", "PARTNER"] as const;
export type BusinessRelation = (typeof BUSINESS_RELATIONS)[number];

export const JOB_RESPONSIBILITIES = [
  "MGMT",
  "PURCHASE",
  "IT",
  "SALES",
  "MARKETING",
  "FINANCE",
] as const;
export type JobResponsibility = (typeof JOB_RESPONSIBILITIES)[number];

export const PROFILE_QUESTIONNAIRE = "CUSTPROFILE";

/** Questions of the CUSTPROFILE questionnaire with their answer bands (amounts in LCY, DKK). */
export const PROFILE_QUESTIONS: readonly { question: string; answers: readonly string[] }[] = [
  {
    question: "Size",
    answers: ["1-10 employees", "11-50 employees", "51-250 employees", "250+ employees"],
  },
  {
    question: "Turnover",
    answers: ["< 10 mio. DKK", "10-50 mio. DKK", "50-250 mio. DKK", "> 250 mio. DKK"],
  },
  { question: "Purchase frequency", answers: ["Monthly", "Quarterly", "Yearly", "Rarely"] },
  { question: "Preferred channel", answers: ["E-mail", "Phone", "Letter", "Meeting"] },
];
