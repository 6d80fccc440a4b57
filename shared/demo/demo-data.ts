import type { z } from "zod";
import type { ContactCreate } from "../model/contact";
import { addressIn, type DemoAddress } from "./addresses";
import {
  BUSINESS_RELATIONS,
  DEMO_COUNTRIES,
  byCountry,
  INDUSTRY_GROUPS,
  PROFILE_QUESTIONNAIRE,
  PROFILE_QUESTIONS,
  type BusinessRelation,
  type DemoCountry,
  type IndustryGroup,
  type JobResponsibility,
  type MailingGroup,
  type Territory,
} from "./codes";
import { companyName } from "./company-names";
import {
  EDGE_CASE_COMPANIES,
  EDGE_CASE_PERSONS,
  spreadPlaces,
  type EdgeCaseCompany,
} from "./edge-cases";
import { createEmailFactory, type EmailFactory } from "./email-addresses";
import { JOB_TITLES } from "./job-titles";
import { NAMES_BY_COUNTRY, WORLD_NAMES } from "./names-intl";
import { fullName, nameDrawer, type PersonName } from "./person-names";
import { landlineIn, mobileIn } from "./phone-numbers";
import { COUNTRY_PROFILES, type DemoCity, type DemoCountryProfile } from "./places";
import { createRandom, weightedPicker, type Random } from "./random";
import { salutationFor } from "./salutations";
import {
  TERRITORY_SALESPEOPLE,
  demoCampaigns,
  demoInteractionTemplates,
  demoSalespeople,
  type DemoCampaign,
  type DemoInteractionTemplate,
  type DemoSalesperson,
} from "./setup-records";
import { vatNumberIn } from "./vat-numbers";
import { demoContactCodes, type DemoContactCode } from "./contact-code-records";
import type { ContactCodeTable } from "../model/contact-code";
import {
  demoProfileQuestionnaires,
  type DemoProfileQuestionnaire,
} from "./profile-questionnaire-records";

export type { DemoCampaign, DemoInteractionTemplate, DemoSalesperson };

/**
 * A contact as a client would POST it: defaults (empty lists, false flags) left to the schema.
 * The number is always given, unlike in a create body, so that persons can point at companies.
 */
export type DemoContact = z.input<typeof ContactCreate> & { no: string };

export interface DemoTenant {
  salespeople: DemoSalesperson[];
  contactCodes: Record<ContactCodeTable, DemoContactCode[]>;
  profileQuestionnaires: DemoProfileQuestionnaire[];
  campaigns: DemoCampaign[];
  interactionTemplates: DemoInteractionTemplate[];
  /** Companies first, then persons; numbers ascend in that order. */
  contacts: DemoContact[];
}

export interface DemoTenantOptions {
  seed?: number;
  companies?: number;
  /** Persons per company on average; sizes vary from none to several dozen. */
  personsPerCompanyAverage?: number;
  /** Persons without a company; by default a tenth of all persons. */
  independentPersons?: number;
}

export const DEFAULT_DEMO_SEED = 20260302;
export const DEFAULT_DEMO_COMPANIES = 300;
export const DEFAULT_PERSONS_PER_COMPANY = 9;

export const CONTACT_NO_PREFIX = "KT";
// Persons start at the next round ten thousand after the companies (KT010001 for the default
// tenant), so that a company's number never changes when the person count does.
const NUMBER_BLOCK = 10_000;

const countryPicker = weightedPicker(
  DEMO_COUNTRIES.map((c) => [c, COUNTRY_PROFILES[c].weight] as const),
);
const cityPickers = byCountry((c) =>
  weightedPicker(COUNTRY_PROFILES[c].cities.map((city) => [city, city.weight] as const)),
);
const nameDrawers = byCountry((c) => nameDrawer(NAMES_BY_COUNTRY[c]));
const surnamePickers = byCountry((c) => weightedPicker(NAMES_BY_COUNTRY[c].surnames));
const drawWorldName = nameDrawer(WORLD_NAMES);

const relationPicker = weightedPicker<BusinessRelation>([
  ["CUST", 50],
  ["PROSPECT", 30],
  ["VEND", 12],
  ["PARTNER", 8],
]);
const responsibilityPicker = weightedPicker<JobResponsibility>([
  ["SALES", 20],
  ["PURCHASE", 20],
  ["FINANCE", 15],
  ["IT", 15],
  ["MARKETING", 12],
  ["MGMT", 8],
]);
const industryPicker = weightedPicker<IndustryGroup>([
  ["RETAIL", 16],
  ["MANUF", 16],
  ["IT", 14],
  ["FINANS", 10],
  ["TRANSPORT", 12],
  ["ENERGI", 8],
  ["BYG", 14],
  ["FOOD", 10],
]);

// A Danish post code's first digit is its part of the country: 1-4 Copenhagen, Zealand and
// Bornholm; 5-6 Funen and South Jutland; 7-8 West and East Jutland; 9 North Jutland.
const territoryOf = (country: DemoCountry, postCode: string): Territory => {
  if (country !== "DK") return "EXPORT";
  const region = postCode.charCodeAt(0) - 48;
  if (region <= 4) return "ØST";
  if (region <= 6) return "SYD";
  if (region <= 8) return "VEST";
  return "NORD";
};

const ALL_SALESPEOPLE = demoSalespeople().map((s) => s.code);
const salespersonFor = (random: Random, territory: Territory): string | undefined => {
  const roll = random.next();
  if (roll < 0.03) return undefined;
  if (roll < 0.88) return random.pick(TERRITORY_SALESPEOPLE[territory]);
  return random.pick(ALL_SALESPEOPLE);
};

const correspondenceFor = (
  random: Random,
  hasEmail: boolean,
): DemoContact["correspondenceType"] => {
  const roll = random.next();
  if (!hasEmail) return roll < 0.5 ? "hardCopy" : undefined;
  if (roll < 0.55) return "email";
  if (roll < 0.75) return "hardCopy";
  return undefined;
};

const pad = (n: number, width: number): string => `${n}`.padStart(width, "0");

/** Everything a person of a company inherits from it, as Business Central's inheritance does. */
interface CompanyFacts {
  no: string;
  country: DemoCountry;
  address: DemoAddress;
  city: DemoCity;
  domain: string;
  languageCode: string;
  territory: Territory;
  salespersonCode: string | undefined;
  personsSoFar: number;
  /** Which of the company's persons (in number order) is its director. */
  directorAt: number;
}

const setAddress = (contact: DemoContact, a: DemoAddress): void => {
  contact.address = a.address;
  if (a.address2) contact.address2 = a.address2;
  contact.postCode = a.postCode;
  contact.city = a.city;
  if (a.county) contact.county = a.county;
  contact.countryRegionCode = a.countryRegionCode;
};

const companyProfileAnswers = (random: Random): NonNullable<DemoContact["profileAnswers"]> => {
  // Size and turnover go together: a 5-person firm rarely turns over 250 million.
  const size = random.int(0, 3);
  const turnover = Math.max(0, Math.min(3, size + random.int(-1, 1)));
  const answers: NonNullable<DemoContact["profileAnswers"]> = [];
  for (const [i, q] of PROFILE_QUESTIONS.entries()) {
    const index = i === 0 ? size : i === 1 ? turnover : random.int(0, q.answers.length - 1);
    if (i < 2 || random.chance(0.5)) {
      answers.push({
        questionnaire: PROFILE_QUESTIONNAIRE,
        question: q.question,
        answer: q.answers[index] as string,
      });
    }
  }
  return answers;
};

const makeCompany = (
  random: Random,
  emails: EmailFactory,
  no: string,
  edgeCase: EdgeCaseCompany | undefined,
): { contact: DemoContact; facts: CompanyFacts } => {
  const country = edgeCase?.country ?? countryPicker(random);
  const profile: DemoCountryProfile = COUNTRY_PROFILES[country];
  const city =
    (edgeCase?.cityName && profile.cities.find((c) => c.name === edgeCase.cityName)) ||
    cityPickers[country](random);
  const industry = edgeCase?.industry ?? industryPicker(random);
  const { name, core } = edgeCase
    ? { name: `${edgeCase.core} ${edgeCase.legalForm}`, core: edgeCase.core }
    : companyName(random, country, industry, city.name, surnamePickers[country]);
  const address = addressIn(random, profile, city, "company");
  const territory = territoryOf(country, address.postCode);
  const salespersonCode = salespersonFor(random, territory);
  const domain = emails.companyDomain(core, country);

  const contact: DemoContact = { no, type: "company", name };
  setAddress(contact, address);
  if (random.chance(0.95)) contact.phone = landlineIn(random, country, city);
  const email = random.chance(0.85) ? emails.companyEmail(random, domain, country) : undefined;
  if (email) contact.email = email;
  contact.languageCode = profile.languageCode;
  if (salespersonCode) contact.salespersonCode = salespersonCode;
  contact.territoryCode = territory;
  const correspondenceType = correspondenceFor(random, email !== undefined);
  if (correspondenceType) contact.correspondenceType = correspondenceType;
  if (random.chance(0.02)) contact.excludeFromSegments = true;

  const relations: BusinessRelation[] = [];
  if (!random.chance(0.03)) {
    const primary = relationPicker(random);
    relations.push(primary);
    if (random.chance(0.1)) {
      const second = random.pick(BUSINESS_RELATIONS);
      if (second !== primary) relations.push(second);
    }
  }
  const mailingGroups: MailingGroup[] = [];
  if (random.chance(0.3)) mailingGroups.push("JULEKORT");
  if (random.chance(0.1)) mailingGroups.push("EVENT");
  if (random.chance(relations.includes("CUST") ? 0.1 : 0.02)) mailingGroups.push("VIP");
  if (mailingGroups.length > 0) contact.mailingGroups = mailingGroups;

  const industries: IndustryGroup[] = [industry];
  if (random.chance(0.08)) {
    const second = random.pick(INDUSTRY_GROUPS);
    if (second !== industry) industries.push(second);
  }
  contact.industryGroups = industries;
  if (relations.length > 0) contact.businessRelations = relations;
  if (random.chance(0.35)) contact.profileAnswers = companyProfileAnswers(random);

  const customFields: Record<string, string | number | boolean> = {};
  const vatNo = random.chance(0.85) ? vatNumberIn(random, country) : undefined;
  if (vatNo) customFields.vatNo = vatNo;
  if (relations.includes("CUST")) customFields.customerSince = random.int(1998, 2025);
  if (Object.keys(customFields).length > 0) contact.customFields = customFields;

  return {
    contact,
    facts: {
      no,
      country,
      address,
      city,
      domain,
      languageCode: profile.languageCode,
      territory,
      salespersonCode,
      personsSoFar: 0,
      directorAt: 0,
    },
  };
};

/** Persons per company: mostly a handful, a few dozen at the largest, summing exactly to `total`. */
const companySizes = (random: Random, companies: number, total: number): number[] => {
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < companies; i++) {
    const u = random.next();
    const w = 0.25 + u * u * u * 8;
    weights.push(w);
    sum += w;
  }
  // Rounding the running total (not each share) makes the sizes add up without a fix-up pass.
  const sizes: number[] = [];
  let cumulative = 0;
  let assigned = 0;
  for (const w of weights) {
    cumulative += w;
    const upTo = Math.round((cumulative / sum) * total);
    sizes.push(upTo - assigned);
    assigned = upTo;
  }
  return sizes;
};

const makePerson = (
  random: Random,
  emails: EmailFactory,
  no: string,
  company: CompanyFacts | undefined,
  edgeCase: PersonName | undefined,
): DemoContact => {
  const country = company?.country ?? countryPicker(random);
  const profile = COUNTRY_PROFILES[country];

  // Nordic workplaces employ people from elsewhere; foreign subsidiaries employ Danes.
  let name: PersonName;
  let languageCode = company?.languageCode ?? profile.languageCode;
  const origin = random.next();
  if (edgeCase) name = edgeCase;
  else if (country === "DK" && origin < 0.07) {
    name = drawWorldName(random);
    if (random.chance(0.5)) languageCode = "en-GB";
  } else if (country !== "DK" && origin < 0.05) name = nameDrawers.DK(random);
  else name = nameDrawers[country](random);

  const contact: DemoContact = { no, type: "person", name: fullName(name) };
  if (company) contact.companyNo = company.no;
  contact.firstName = name.firstName;
  if (name.middleName) contact.middleName = name.middleName;
  contact.surname = name.surname;

  const responsibilities: JobResponsibility[] = [];
  if (company) {
    // Every company has a director: letters "to the management" need someone to go to.
    responsibilities.push(
      company.personsSoFar === company.directorAt ? "MGMT" : responsibilityPicker(random),
    );
    company.personsSoFar++;
  } else if (random.chance(0.4))
    responsibilities.push(random.chance(0.5) ? "MGMT" : responsibilityPicker(random));
  const main = responsibilities[0];
  if (main) {
    contact.jobTitle = random.pick(JOB_TITLES[country][main]);
    if (random.chance(0.15)) {
      const second = responsibilityPicker(random);
      if (second !== main) responsibilities.push(second);
    }
  }
  if (random.chance(0.85)) contact.salutation = salutationFor(name, languageCode);

  const city = company?.city ?? cityPickers[country](random);
  setAddress(contact, company?.address ?? addressIn(random, profile, city, "home"));
  if (random.chance(company ? 0.35 : 0.25)) contact.phone = landlineIn(random, country, city);
  if (random.chance(0.85)) contact.mobile = mobileIn(random, country, city);
  const email = random.chance(0.95)
    ? emails.personEmail(
        random,
        name,
        company?.domain ?? emails.privateDomain(random, country),
        country,
      )
    : undefined;
  if (email) contact.email = email;

  contact.languageCode = languageCode;
  const territory = company?.territory ?? territoryOf(country, contact.postCode ?? "");
  const salespersonCode = company
    ? random.chance(0.95)
      ? company.salespersonCode
      : random.pick(ALL_SALESPEOPLE)
    : salespersonFor(random, territory);
  if (salespersonCode) contact.salespersonCode = salespersonCode;
  contact.territoryCode = territory;
  const correspondenceType = correspondenceFor(random, email !== undefined);
  if (correspondenceType) contact.correspondenceType = correspondenceType;
  if (random.chance(0.02)) contact.excludeFromSegments = true;

  const mailingGroups: MailingGroup[] = [];
  const newsletter = email !== undefined && random.chance(0.4);
  if (newsletter) mailingGroups.push("NYHEDSBREV");
  if (random.chance(0.12)) mailingGroups.push("JULEKORT");
  if (random.chance(0.15)) mailingGroups.push("EVENT");
  if (random.chance(0.04)) mailingGroups.push("VIP");
  if (mailingGroups.length > 0) contact.mailingGroups = mailingGroups;
  if (responsibilities.length > 0) contact.jobResponsibilities = responsibilities;

  // The opt-in is recorded where it was asked: yes for subscribers, sometimes an explicit no.
  if (newsletter) contact.customFields = { newsletterOptIn: true };
  else if (random.chance(0.15)) contact.customFields = { newsletterOptIn: false };
  return contact;
};

const wholeNumber = (name: string, value: number): number => {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  return value;
};

/**
 * The demo tenant: salespeople, campaigns, interaction templates and contacts (Danish for the
 * most part). Pure and deterministic: one seed, one byte-identical tenant, in the browser and
 * on the server alike. The default is about 300 companies and 3,000 persons; pass
 * `{ companies: 10_000 }` for about 100,000 persons to benchmark with.
 */
export const generateDemoTenant = (options: DemoTenantOptions = {}): DemoTenant => {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const companies = wholeNumber("companies", options.companies ?? DEFAULT_DEMO_COMPANIES);
  const average = options.personsPerCompanyAverage ?? DEFAULT_PERSONS_PER_COMPANY;
  if (!(average >= 0))
    throw new RangeError(`personsPerCompanyAverage must be >= 0, got ${average}`);
  const employed = companies === 0 ? 0 : Math.round(companies * average);
  const independent = wholeNumber(
    "independentPersons",
    options.independentPersons ?? Math.round(employed / 9),
  );

  const random = createRandom(seed);
  const emails = createEmailFactory();
  const firstPersonNo = Math.ceil((companies + 1) / NUMBER_BLOCK) * NUMBER_BLOCK + 1;
  const width = Math.max(6, String(firstPersonNo + employed + independent).length);
  const contactNo = (n: number): string => CONTACT_NO_PREFIX + pad(n, width);

  const contacts: DemoContact[] = [];
  const facts: CompanyFacts[] = [];
  const edgeCompanies = spreadPlaces(EDGE_CASE_COMPANIES.length, companies);
  for (let i = 0; i < companies; i++) {
    const edge = edgeCompanies.get(i);
    const made = makeCompany(
      random,
      emails,
      contactNo(i + 1),
      edge === undefined ? undefined : EDGE_CASE_COMPANIES[edge],
    );
    contacts.push(made.contact);
    facts.push(made.facts);
  }

  // Persons were entered over the years, not company by company: a shuffled order of slots
  // (a company index, or -1 for no company) spreads each company's people over the numbers.
  const slots: number[] = [];
  companySizes(random, companies, employed).forEach((size, company) => {
    for (let k = 0; k < size; k++) slots.push(company);
    if (size > 0) (facts[company] as CompanyFacts).directorAt = random.int(0, size - 1);
  });
  for (let k = 0; k < independent; k++) slots.push(-1);
  const edgePersons = spreadPlaces(EDGE_CASE_PERSONS.length, slots.length);
  random.shuffle(slots).forEach((slot, i) => {
    const edge = edgePersons.get(i);
    contacts.push(
      makePerson(
        random,
        emails,
        contactNo(firstPersonNo + i),
        slot >= 0 ? facts[slot] : undefined,
        edge === undefined ? undefined : EDGE_CASE_PERSONS[edge],
      ),
    );
  });

  return {
    salespeople: demoSalespeople(),
    contactCodes: demoContactCodes(),
    profileQuestionnaires: demoProfileQuestionnaires(),
    campaigns: demoCampaigns(),
    interactionTemplates: demoInteractionTemplates(),
    contacts,
  };
};
