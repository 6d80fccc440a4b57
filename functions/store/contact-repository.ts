import type { Container, SqlParameter } from "@azure/cosmos";
import type { Contact, ContactListQuery } from "@shared/model/contact";
import { partitionKey } from "./containers";
import { runBulk, succeeded } from "./bulk";
import { DocumentStore, type EntityStore, type Page, type QuerySpec } from "./document-store";
import type { TenantId } from "./tenant";

/** What is stored for a contact: the entity plus a lower-cased e-mail for duplicate checks. */
export type ContactDoc = Omit<Contact, "etag"> & { emailKey?: string; emailDomain?: string };

/** The few fields other contacts and references need to know about a contact. */
export interface ContactSummary {
  readonly type: Contact["type"];
  readonly name: string;
}

export type ContactFilters = Omit<ContactListQuery, "top" | "continuationToken">;

export type BulkOutcome =
  | { no: string; status: "created" }
  | { no: string; status: "conflict" }
  | { no: string; status: "failed"; message: string };

const orderTerms: Record<ContactFilters["orderBy"], string[]> = {
  no: ["c.no"],
  name: ["c.searchName", "c.no"],
  city: ["c.city", "c.no"],
  modifiedAt: ["c.modifiedAt", "c.no"],
};

const listFilters = [
  ["city", "c.city"],
  ["postCode", "c.postCode"],
  ["countryRegionCode", "c.countryRegionCode"],
  ["salespersonCode", "c.salespersonCode"],
  ["territoryCode", "c.territoryCode"],
  ["languageCode", "c.languageCode"],
] as const;

/** The API's contact filters as SQL over `c`, every value a parameter. */
export const contactQuery = (f: Partial<ContactFilters>): QuerySpec => {
  const where: string[] = [];
  const parameters: { name: string; value: string | boolean | string[] }[] = [];
  const add = (condition: string, name: string, value: string | boolean | string[]) => {
    where.push(condition);
    parameters.push({ name, value });
  };
  if (f.search) {
    where.push(
      "(CONTAINS(c.searchName, @searchUpper) OR STARTSWITH(c.no, @searchUpper) OR CONTAINS(c.emailKey, @searchLower))",
    );
    parameters.push(
      { name: "@searchUpper", value: f.search.toUpperCase() },
      { name: "@searchLower", value: f.search.toLowerCase() },
    );
  }
  if (f.type) add("c.type = @type", "@type", f.type);
  if (f.companyNo) add("c.companyNo = @companyNo", "@companyNo", f.companyNo);
  for (const [key, path] of listFilters) {
    const values = f[key];
    if (values?.length) add(`ARRAY_CONTAINS(@${key}, ${path})`, `@${key}`, values);
  }
  if (f.mailingGroup)
    add("ARRAY_CONTAINS(c.mailingGroups, @mailingGroup)", "@mailingGroup", f.mailingGroup);
  if (f.excludeFromSegments !== undefined)
    add("c.excludeFromSegments = @excl", "@excl", f.excludeFromSegments);
  return { where, parameters, orderBy: orderTerms[f.orderBy ?? "no"] };
};

export class ContactRepository {
  readonly store: EntityStore<Contact>;
  private readonly docs: DocumentStore<Contact>;

  constructor(private readonly container: Container) {
    this.store = this.docs = new DocumentStore<Contact>({
      container,
      docType: "contact",
      entityName: "Contact",
      keyField: "no",
      partitionKeyOf: partitionKey.contact,
      internalKeys: ["emailKey", "emailDomain"],
    });
  }

  list(
    tenant: TenantId,
    filters: ContactFilters,
    top: number,
    continuationToken?: string,
  ): Promise<Page<Contact>> {
    return this.docs.page(tenant, contactQuery(filters), { top, continuationToken });
  }

  /** Pages through every match without holding them all, for exports. */
  async *iterate(
    tenant: TenantId,
    filters: ContactFilters,
    pageSize = 1000,
  ): AsyncGenerator<Contact[]> {
    let token: string | undefined;
    do {
      const page = await this.list(tenant, filters, pageSize, token);
      yield page.items;
      token = page.continuationToken;
    } while (token);
  }

  /** No. -> type and name, for the given contacts that exist. */
  async summariesOf(
    tenant: TenantId,
    nos: readonly string[],
  ): Promise<Map<string, ContactSummary>> {
    if (nos.length === 0) return new Map();
    const rows = await this.docs.allRaw<{ no: string; type: Contact["type"]; name: string }>(
      tenant,
      {
        select: "c.no, c.type, c.name",
        where: ["ARRAY_CONTAINS(@nos, c.no)"],
        parameters: [{ name: "@nos", value: [...new Set(nos)] }],
      },
    );
    return new Map(rows.map((r) => [r.no, { type: r.type, name: r.name }]));
  }

  /**
   * Persons carry their company's name, as Business Central's Contact does; when a company is
   * renamed its persons follow, in bulk. A person changed meanwhile keeps its own write (the
   * replace is conditional) and is reported back so the caller can retry it.
   */
  async renameCompanyOnPersons(
    tenant: TenantId,
    companyNo: string,
    companyName: string,
  ): Promise<number> {
    const persons = await this.docs.allStored(tenant, {
      where: ["c.companyNo = @companyNo"],
      parameters: [{ name: "@companyNo", value: companyNo }],
    });
    if (persons.length === 0) return 0;
    const results = await runBulk(
      this.container,
      persons.map((p) => this.docs.replaceOperation(tenant, p.no, { ...p, companyName }, p.etag)),
    );
    return results.filter((r) => !succeeded(r)).length;
  }

  /** The contact as the criteria read it: with its stored search keys (the e-mail's, the domain). */
  findForCriteria(tenant: TenantId, no: string): Promise<ContactDoc | undefined> {
    return this.docs.findStored(tenant, no);
  }

  /** The given contacts that exist, whole. */
  async getMany(tenant: TenantId, nos: readonly string[]): Promise<Contact[]> {
    if (nos.length === 0) return [];
    return this.docs.all(tenant, {
      where: ["ARRAY_CONTAINS(@nos, c.no)"],
      parameters: [{ name: "@nos", value: [...new Set(nos)] }],
    });
  }

  /** Of these lower-cased e-mail addresses, the ones already used, with the contact using each. */
  async emailOwners(tenant: TenantId, emailKeys: readonly string[]): Promise<Map<string, string>> {
    if (emailKeys.length === 0) return new Map();
    const rows = await this.docs.allRaw<{ no: string; emailKey: string }>(tenant, {
      select: "c.no, c.emailKey",
      where: ["ARRAY_CONTAINS(@emails, c.emailKey)"],
      parameters: [{ name: "@emails", value: [...new Set(emailKeys)] }],
    });
    return new Map(rows.map((r) => [r.emailKey, r.no]));
  }

  countPersonsOf(tenant: TenantId, companyNo: string): Promise<number> {
    return this.docs.count(tenant, {
      where: ["c.companyNo = @companyNo"],
      parameters: [{ name: "@companyNo", value: companyNo }],
    });
  }

  /**
   * Creates many contacts in bulk (one request per 100 operations instead of one per contact).
   * Creates, not upserts: a contact that already exists is reported, never overwritten.
   */
  async bulkCreate(tenant: TenantId, docs: readonly ContactDoc[]): Promise<BulkOutcome[]> {
    const results = await runBulk(
      this.container,
      docs.map((doc) => this.docs.createOperation(tenant, doc.no, doc)),
    );
    return results.map((result, i): BulkOutcome => {
      const no = (docs[i] as ContactDoc).no;
      if (succeeded(result)) return { no, status: "created" };
      if (result.status === 409) return { no, status: "conflict" };
      return { no, status: "failed", message: result.message ?? `store answered ${result.status}` };
    });
  }

  /**
   * The contacts matching a compiled criteria expression (see shared/criteria/compile-sql.ts),
   * optionally only among the given contacts, with just the fields asked for.
   */
  matching<R>(
    tenant: TenantId,
    criteria: { readonly where: string; readonly parameters: readonly SqlParameter[] },
    select: readonly string[],
    among?: readonly string[],
  ): Promise<R[]> {
    return this.docs.allRaw<R>(tenant, {
      select: select.map((f) => `c.${f}`).join(", "),
      where: [`(${criteria.where})`, ...(among ? ["ARRAY_CONTAINS(@among, c.no)"] : [])],
      parameters: [
        ...criteria.parameters,
        ...(among ? [{ name: "@among", value: [...among] }] : []),
      ],
    });
  }

  /** How many contacts match; a live count runs this and nothing else. */
  countMatching(
    tenant: TenantId,
    criteria: { readonly where: string; readonly parameters: readonly SqlParameter[] },
    extra: { readonly where: readonly string[]; readonly parameters: readonly SqlParameter[] },
  ): Promise<number> {
    return this.docs.count(tenant, {
      where: [`(${criteria.where})`, ...extra.where],
      parameters: [...criteria.parameters, ...extra.parameters],
    });
  }

  /** Persons of the given companies. */
  personsOf<R>(
    tenant: TenantId,
    companyNos: readonly string[],
    select: readonly string[],
  ): Promise<R[]> {
    if (companyNos.length === 0) return Promise.resolve([]);
    return this.docs.allRaw<R>(tenant, {
      select: select.map((f) => `c.${f}`).join(", "),
      where: ["ARRAY_CONTAINS(@companies, c.companyNo)"],
      parameters: [{ name: "@companies", value: [...companyNos] }],
    });
  }

  /** The given contacts, with just the fields asked for. */
  byNos<R>(tenant: TenantId, nos: readonly string[], select: readonly string[]): Promise<R[]> {
    if (nos.length === 0) return Promise.resolve([]);
    return this.docs.allRaw<R>(tenant, {
      select: select.map((f) => `c.${f}`).join(", "),
      where: ["ARRAY_CONTAINS(@nos, c.no)"],
      parameters: [{ name: "@nos", value: [...new Set(nos)] }],
    });
  }

  /**
   * The values one field takes in the tenant's contacts, most used first, for suggestions.
   * `path` comes from the criteria field catalog (identifiers only, never user text).
   */
  async valueCounts(
    tenant: TenantId,
    path: readonly string[],
    prefix: string | undefined,
    top: number,
  ): Promise<{ value: string | number | boolean; count: number }[]> {
    const field = `c${path.map((p) => `["${p}"]`).join("")}`;
    const rows = await this.docs.allRaw<{ v: unknown }>(tenant, {
      select: `${field} AS v`,
      where: [
        `IS_DEFINED(${field})`,
        ...(prefix ? [`IS_STRING(${field}) AND STARTSWITH(LOWER(${field}), @prefix)`] : []),
      ],
      parameters: prefix ? [{ name: "@prefix", value: prefix.toLowerCase() }] : [],
    });
    const counts = new Map<string | number | boolean, number>();
    for (const { v } of rows) {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
        counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)))
      .slice(0, top);
  }

  /** How many contacts carry each code of a code list (mailingGroups, industryGroups, ...). */
  async codeCounts(tenant: TenantId, list: string): Promise<Map<string, number>> {
    const field = `c["${list}"]`;
    const rows = await this.docs.allRaw<{ v: unknown }>(tenant, {
      select: `${field} AS v`,
      where: [`IS_ARRAY(${field})`],
      parameters: [],
    });
    const counts = new Map<string, number>();
    for (const { v } of rows)
      for (const code of Array.isArray(v) ? v : [])
        if (typeof code === "string") counts.set(code, (counts.get(code) ?? 0) + 1);
    return counts;
  }

  /** How many contacts carry this code in a code list: what Business Central's No. of Contacts counts. */
  countCarrying(tenant: TenantId, list: string, code: string): Promise<number> {
    // The list name comes from our own code (a ContactCodeTable), never from a request.
    return this.docs.count(tenant, {
      where: [`ARRAY_CONTAINS(c["${list}"], @code)`],
      parameters: [{ name: "@code", value: code }],
    });
  }

  /**
   * How many contacts gave each answer of a questionnaire's questions, and how many answered each
   * question at all (a question may take several answers); one read of the contacts that
   * answered it.
   */
  async profileAnswerCounts(
    tenant: TenantId,
    questionnaire: string,
  ): Promise<Map<string, { contacts: number; answers: Map<string, number> }>> {
    const rows = await this.docs.allRaw<{ v: unknown }>(tenant, {
      select: "c.profileAnswers AS v",
      where: [
        "EXISTS(SELECT VALUE p FROM p IN c.profileAnswers WHERE p.questionnaire = @questionnaire)",
      ],
      parameters: [{ name: "@questionnaire", value: questionnaire }],
    });
    const counts = new Map<string, { contacts: number; answers: Map<string, number> }>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const { v } of rows) {
      // A contact counts once per question and once per answer, however its list repeats them.
      const given = new Map<string, Set<string>>();
      for (const entry of Array.isArray(v) ? (v as unknown[]) : []) {
        const { questionnaire: q, question, answer } = (entry ?? {}) as Record<string, unknown>;
        if (q !== questionnaire || typeof question !== "string" || typeof answer !== "string")
          continue;
        given.set(question, (given.get(question) ?? new Set()).add(answer));
      }
      for (const [question, answers] of given) {
        const tally = counts.get(question) ?? { contacts: 0, answers: new Map<string, number>() };
        tally.contacts++;
        for (const answer of answers) bump(tally.answers, answer);
        counts.set(question, tally);
      }
    }
    return counts;
  }

  /** How many contacts answered a questionnaire (any of its questions). */
  countAnswering(tenant: TenantId, questionnaire: string): Promise<number> {
    return this.docs.count(tenant, {
      where: [
        "EXISTS(SELECT VALUE p FROM p IN c.profileAnswers WHERE p.questionnaire = @questionnaire)",
      ],
      parameters: [{ name: "@questionnaire", value: questionnaire }],
    });
  }

  /** How many contacts answered each questionnaire (any of its questions). */
  async profileQuestionnaireCounts(tenant: TenantId): Promise<Map<string, number>> {
    const rows = await this.docs.allRaw<{ v: unknown }>(tenant, {
      select: "c.profileAnswers AS v",
      where: ["IS_ARRAY(c.profileAnswers)", "ARRAY_LENGTH(c.profileAnswers) > 0"],
      parameters: [],
    });
    const counts = new Map<string, number>();
    for (const { v } of rows) {
      const codes = new Set(
        (Array.isArray(v) ? (v as unknown[]) : []).map(
          (e) => ((e ?? {}) as Record<string, unknown>)["questionnaire"],
        ),
      );
      for (const code of codes)
        if (typeof code === "string") counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    return counts;
  }
}
