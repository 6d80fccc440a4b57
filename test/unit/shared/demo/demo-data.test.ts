import type { z } from "zod";
import { CampaignCreate } from "@shared/model/campaign";
import { Code, Email } from "@shared/model/common";
import { ContactCodeFields, contactCodeTables } from "@shared/model/contact-code";
import { ContactCreate } from "@shared/model/contact";
import { InteractionTemplateCreate } from "@shared/model/interaction-template";
import { ProfileQuestionnaireCreate } from "@shared/model/profile-questionnaire";
import { SalespersonCreate } from "@shared/model/salesperson";
import {
  BUSINESS_RELATIONS,
  DEMO_COUNTRIES,
  INDUSTRY_GROUPS,
  JOB_RESPONSIBILITIES,
  MAILING_GROUPS,
  TERRITORIES,
} from "@shared/demo/codes";
import { generateDemoTenant, type DemoContact, type DemoTenant } from "@shared/demo/demo-data";
import { asciiFold } from "@shared/demo/email-addresses";
import { createRandom, weightedPicker } from "@shared/demo/random";

const companiesOf = (t: DemoTenant) => t.contacts.filter((c) => c.type === "company");
const personsOf = (t: DemoTenant) => t.contacts.filter((c) => c.type === "person");
const share = (items: readonly DemoContact[], test: (c: DemoContact) => boolean) =>
  items.filter(test).length / items.length;

/** "path: message" for the first few records that fail their schema, so a failure says why. */
const schemaFailures = <T>(
  records: readonly T[],
  schema: z.ZodType,
  id: (r: T) => string,
): string[] =>
  records
    .flatMap((r) => {
      const result = schema.safeParse(r);
      return result.success
        ? []
        : [
            `${id(r)}: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
          ];
    })
    .slice(0, 5);

describe("generateDemoTenant (defaults)", () => {
  const tenant = generateDemoTenant();
  const companies = companiesOf(tenant);
  const persons = personsOf(tenant);

  it("produces records that every create schema accepts", () => {
    expect(schemaFailures(tenant.contacts, ContactCreate, (c) => String(c.no))).toEqual([]);
    expect(schemaFailures(tenant.salespeople, SalespersonCreate, (s) => s.code)).toEqual([]);
    expect(schemaFailures(tenant.campaigns, CampaignCreate, (c) => c.no)).toEqual([]);
    expect(
      schemaFailures(tenant.interactionTemplates, InteractionTemplateCreate, (t) => t.code),
    ).toEqual([]);
  });

  it("has about 300 companies and 3,000 persons, a tenth of them without a company", () => {
    expect(companies).toHaveLength(300);
    expect(persons).toHaveLength(3000);
    expect(share(persons, (p) => p.companyNo === undefined)).toBeCloseTo(0.1, 2);
    expect(tenant.salespeople).toHaveLength(5);
    expect(tenant.campaigns).toHaveLength(4);
    expect(tenant.interactionTemplates).toHaveLength(5);
  });

  it("numbers companies KT000001... and persons KT010001..., companies first, all unique", () => {
    const nos = tenant.contacts.map((c) => c.no ?? "");
    expect(new Set(nos).size).toBe(nos.length);
    expect(nos.every((no) => Code.safeParse(no).success)).toBe(true);
    expect(nos[0]).toBe("KT000001");
    expect(nos[299]).toBe("KT000300");
    expect(nos[300]).toBe("KT010001");
    expect(tenant.contacts.slice(0, 300).every((c) => c.type === "company")).toBe(true);
    expect([...nos].sort()).toEqual(nos);
  });

  it("links every person with a company to an existing company, and gives each company a director", () => {
    const companyNos = new Set(companies.map((c) => c.no));
    const employed = persons.filter((p) => p.companyNo !== undefined);
    expect(employed.every((p) => companyNos.has(p.companyNo ?? ""))).toBe(true);
    const directed = new Set(
      employed.filter((p) => p.jobResponsibilities?.includes("MGMT")).map((p) => p.companyNo),
    );
    expect(new Set(employed.map((p) => p.companyNo)).size).toBe(directed.size);
  });

  it("lets persons inherit their company's address and territory", () => {
    const byNo = new Map(companies.map((c) => [c.no, c]));
    for (const p of persons.filter((x) => x.companyNo !== undefined)) {
      const c = byNo.get(p.companyNo ?? "");
      expect([p.address, p.postCode, p.city, p.countryRegionCode, p.territoryCode]).toEqual([
        c?.address,
        c?.postCode,
        c?.city,
        c?.countryRegionCode,
        c?.territoryCode,
      ]);
    }
  });

  it("gives unique, ASCII e-mail addresses on reserved domains, and about 5% of persons none", () => {
    const emails = tenant.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : []));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z0-9.@-]+$/.test(e) && e.endsWith(".example"))).toBe(true);
    const without = share(persons, (p) => p.email === undefined);
    expect(without).toBeGreaterThan(0.03);
    expect(without).toBeLessThan(0.07);
  });

  it("refers only to salespeople and campaigns the tenant has", () => {
    const salespeople = new Set(tenant.salespeople.map((s) => s.code));
    const campaigns = new Set(tenant.campaigns.map((c) => c.no));
    expect(
      tenant.contacts.every(
        (c) => c.salespersonCode === undefined || salespeople.has(c.salespersonCode),
      ),
    ).toBe(true);
    expect(
      tenant.campaigns.every(
        (c) => c.salespersonCode === undefined || salespeople.has(c.salespersonCode),
      ),
    ).toBe(true);
    expect(
      tenant.interactionTemplates.every(
        (t) => t.campaignNo === undefined || campaigns.has(t.campaignNo),
      ),
    ).toBe(true);
    expect(tenant.interactionTemplates.filter((t) => t.campaignNo).length).toBeGreaterThan(0);
  });

  it("is varied: many cities, 60-80% Danish, every country, code and option in use", () => {
    expect(
      new Set(tenant.contacts.map((c) => `${c.countryRegionCode} ${c.city}`)).size,
    ).toBeGreaterThanOrEqual(40);
    const danishCompanies = share(companies, (c) => c.countryRegionCode === "DK");
    expect(danishCompanies).toBeGreaterThan(0.6);
    expect(danishCompanies).toBeLessThan(0.8);
    expect(new Set(tenant.contacts.map((c) => c.countryRegionCode))).toEqual(
      new Set(DEMO_COUNTRIES),
    );
    expect(new Set(tenant.contacts.map((c) => c.territoryCode))).toEqual(new Set(TERRITORIES));
    expect(new Set(tenant.contacts.map((c) => c.correspondenceType))).toEqual(
      new Set(["email", "hardCopy", undefined]),
    );

    const used = (pick: (c: DemoContact) => readonly string[] | undefined) =>
      new Set(tenant.contacts.flatMap((c) => pick(c) ?? []));
    expect(used((c) => c.mailingGroups)).toEqual(new Set(MAILING_GROUPS));
    expect(used((c) => c.industryGroups)).toEqual(new Set(INDUSTRY_GROUPS));
    expect(used((c) => c.businessRelations)).toEqual(new Set(BUSINESS_RELATIONS));
    expect(used((c) => c.jobResponsibilities)).toEqual(new Set(JOB_RESPONSIBILITIES));
    expect(used((c) => c.profileAnswers?.map((a) => a.question))).toEqual(
      new Set(["Size", "Turnover", "Purchase frequency", "Preferred channel"]),
    );
    expect(used((c) => Object.keys(c.customFields ?? {}))).toEqual(
      new Set(["vatNo", "customerSince", "newsletterOptIn"]),
    );

    const excluded = share(tenant.contacts, (c) => c.excludeFromSegments === true);
    expect(excluded).toBeGreaterThan(0.005);
    expect(excluded).toBeLessThan(0.05);
  });

  it("speaks each contact's language: da-DK in Denmark, the country's own elsewhere", () => {
    const expected: Record<string, string> = {
      DK: "da-DK",
      SE: "sv-SE",
      NO: "nb-NO",
      DE: "de-DE",
      GB: "en-GB",
      NL: "nl-NL",
      US: "en-US",
    };
    expect(companies.every((c) => c.languageCode === expected[c.countryRegionCode ?? ""])).toBe(
      true,
    );
    const phones = companies.flatMap((c) =>
      c.phone ? [[c.countryRegionCode, c.phone] as const] : [],
    );
    expect(
      phones.every(([country, phone]) =>
        (country === "DK" ? /^\+45( \d\d){4}$/ : /^\+\d/).test(phone),
      ),
    ).toBe(true);
    expect(
      companies
        .filter((c) => c.countryRegionCode === "DK")
        .every((c) => /^\d{4}$/.test(c.postCode ?? "")),
    ).toBe(true);
  });

  it("contains Danish letters and the awkward values a merge must survive", () => {
    const names = tenant.contacts.map((c) => c.name);
    for (const letter of ["æ", "ø", "å", "Æ", "Ø", "Å"])
      expect(names.some((n) => n.includes(letter))).toBe(true);
    expect(tenant.contacts.some((c) => /[æøå]/.test(c.city ?? ""))).toBe(true);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => n.includes(" & "))).toBe(true);
    expect(persons.some((p) => p.firstName?.includes("-"))).toBe(true);
    expect(persons.some((p) => p.surname?.includes("-"))).toBe(true);
    expect(Math.max(...names.map((n) => n.length))).toBeGreaterThan(60);
    expect(names).toContain("Maximiliane Charlotte von Hohenberg-Schwarzenfeld");
  });

  it("gives Danish companies VAT numbers that pass the CVR modulus-11 check", () => {
    const cvrs = companies.flatMap((c) => {
      const vat = c.customFields?.vatNo;
      return typeof vat === "string" && vat.startsWith("DK") ? [vat.slice(2)] : [];
    });
    expect(cvrs.length).toBeGreaterThan(100);
    const weights = [2, 7, 6, 5, 4, 3, 2, 1];
    for (const cvr of cvrs) {
      expect(cvr).toMatch(/^[1-9]\d{7}$/);
      expect([...cvr].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0) % 11).toBe(0);
    }
  });

  it("is deterministic: one seed, byte-identical output; another seed, another tenant", () => {
    const json = JSON.stringify(tenant);
    expect(JSON.stringify(generateDemoTenant())).toBe(json);
    expect(JSON.stringify(generateDemoTenant({ seed: 20260302 }))).toBe(json);
    expect(JSON.stringify(generateDemoTenant({ seed: 7 }))).not.toBe(json);
  });
});

describe("generateDemoTenant (options)", () => {
  it("honours the requested counts", () => {
    const t = generateDemoTenant({
      seed: 3,
      companies: 20,
      personsPerCompanyAverage: 3,
      independentPersons: 5,
    });
    expect(companiesOf(t)).toHaveLength(20);
    expect(personsOf(t)).toHaveLength(65);
    expect(personsOf(t).filter((p) => p.companyNo === undefined)).toHaveLength(5);
    expect(schemaFailures(t.contacts, ContactCreate, (c) => String(c.no))).toEqual([]);
  });

  it("makes a tenant of independent persons only when asked for no companies", () => {
    const t = generateDemoTenant({ companies: 0, independentPersons: 50 });
    expect(t.contacts).toHaveLength(50);
    expect(t.contacts.every((c) => c.type === "person" && c.companyNo === undefined)).toBe(true);
    expect(t.contacts[0]?.no).toBe("KT010001");
  });

  it("rejects counts that are not whole numbers", () => {
    expect(() => generateDemoTenant({ companies: -1 })).toThrow(RangeError);
    expect(() => generateDemoTenant({ companies: 2.5 })).toThrow(RangeError);
    expect(() => generateDemoTenant({ independentPersons: -3 })).toThrow(RangeError);
    expect(() => generateDemoTenant({ personsPerCompanyAverage: Number.NaN })).toThrow(RangeError);
  });
});

// How fast both sizes generate is measured by `npm run bench` (bench/demo.bench.ts).
describe("generateDemoTenant (large mode for benchmarks)", () => {
  it("makes 10,000 companies and 100,000 persons with unique numbers and e-mails", () => {
    const t = generateDemoTenant({ companies: 10_000 });
    expect(companiesOf(t)).toHaveLength(10_000);
    expect(personsOf(t)).toHaveLength(100_000);

    const nos = t.contacts.map((c) => c.no ?? "");
    expect(new Set(nos).size).toBe(nos.length);
    // Companies end at KT010000, so persons start at the next block.
    expect(nos[10_000]).toBe("KT020001");
    expect(nos.every((no) => Code.safeParse(no).success)).toBe(true);

    const emails = t.contacts.flatMap((c) => (c.email ? [c.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => Email.safeParse(e).success)).toBe(true);

    const sample = t.contacts.filter((_, i) => i % 50 === 0);
    expect(schemaFailures(sample, ContactCreate, (c) => String(c.no))).toEqual([]);
  });
});

describe("createRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("draws integers within inclusive bounds, reaching both ends", () => {
    const r = createRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("shuffles into a permutation without touching the input", () => {
    const r = createRandom(5);
    const input = Array.from({ length: 50 }, (_, i) => i);
    const out = r.shuffle(input);
    expect(input).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(out).not.toEqual(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
  });

  it("writes digits with leading zeros, and refuses to pick from nothing", () => {
    const r = createRandom(9);
    const all = Array.from({ length: 200 }, () => r.digits(12));
    expect(all.every((d) => /^\d{12}$/.test(d))).toBe(true);
    expect(all.some((d) => d.startsWith("0"))).toBe(true);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });

  it("picks by weight", () => {
    const r = createRandom(11);
    const pick = weightedPicker([
      ["rare", 1],
      ["common", 9],
    ] as const);
    const picks = Array.from({ length: 10_000 }, () => pick(r));
    const common = picks.filter((p) => p === "common").length / picks.length;
    expect(common).toBeGreaterThan(0.87);
    expect(common).toBeLessThan(0.93);
  });
});

describe("asciiFold", () => {
  it("spells letters out the way each country does", () => {
    expect(asciiFold("Søren Ærø Åse", "DK")).toBe("soerenaeroeaase");
    expect(asciiFold("Björn Åkesson", "SE", ".")).toBe("bjorn.akesson");
    expect(asciiFold("Jürgen Groß", "DE", "-")).toBe("juergen-gross");
    expect(asciiFold("O'Brien & St. John", "GB", "-")).toBe("obrien-st-john");
    expect(asciiFold("St. John", "US")).toBe("stjohn");
    expect(asciiFold("Yılmaz Wiśniewski", "DK", "-")).toBe("yilmaz-wisniewski");
  });
});

describe("the demo tenant's code tables", () => {
  const tenant = generateDemoTenant();

  it("have a row, in English and Danish, for every code a demo contact carries", () => {
    for (const table of contactCodeTables) {
      const rows = tenant.contactCodes[table];
      expect(schemaFailures(rows, ContactCodeFields, (r) => r.code)).toEqual([]);
      const known = new Set(rows.map((r) => r.code));
      const carried = new Set(tenant.contacts.flatMap((c) => c[table] ?? []));
      expect([...carried].filter((code) => !known.has(code))).toEqual([]);
      expect(carried.size).toBeGreaterThan(0);
      for (const r of rows) expect([r.description, r.descriptionDa]).not.toContain("");
    }
  });
});

describe("the demo tenant's profile questionnaires", () => {
  const tenant = generateDemoTenant();

  it("hold, in English and Danish, every questionnaire, question and answer a demo contact gave", () => {
    const rows = tenant.profileQuestionnaires;
    expect(schemaFailures(rows, ProfileQuestionnaireCreate, (r) => r.code)).toEqual([]);
    const known = new Set(
      rows.flatMap((q) =>
        (q.questions ?? []).flatMap((question) =>
          (question.answers ?? []).map((a) => `${q.code}|${question.description}|${a.description}`),
        ),
      ),
    );
    const given = new Set(
      tenant.contacts.flatMap((c) =>
        (c.profileAnswers ?? []).map((a) => `${a.questionnaire}|${a.question}|${a.answer}`),
      ),
    );
    expect(given.size).toBeGreaterThan(0);
    expect([...given].filter((g) => !known.has(g))).toEqual([]);
    for (const q of rows) {
      expect([q.description, q.descriptionDa]).not.toContain("");
      for (const question of q.questions ?? []) {
        expect(question.descriptionDa).toBeTruthy();
        for (const a of question.answers ?? []) expect(a.descriptionDa).toBeTruthy();
      }
    }
  });
});
