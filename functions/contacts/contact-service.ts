import {
  ContactFields,
  contactRules,
  type Contact,
  type ContactCreate,
  type ContactListQuery,
  type ContactPatch,
} from "@shared/model/contact";
import { applyMergePatch } from "@shared/model/patch";
import type { AppDeps } from "../app-deps";
import { stampChange, stampNew, withoutStamp } from "../audit/stamp";
import { ConflictError, ValidationError } from "../errors/app-errors";
import type { Identity } from "../http/identity";
import { issuesToErrors } from "../http/problem";
import { checkReferences } from "../references/reference-check";
import type { ContactDoc } from "../store/contact-repository";
import type { Page } from "../store/document-store";
import { createWithSeriesNo, series } from "../store/number-series";

const ValidContact = ContactFields.superRefine(contactRules);

/** Derived fields: the search name follows the name unless the user set one; e-mail keys. */
export const toContactDoc = (
  fields: ContactFields,
  previous?: Pick<Contact, "name" | "searchName">,
): Omit<ContactDoc, keyof ReturnType<typeof stampNew>> => {
  const followsName = !previous || previous.searchName === previous.name.toUpperCase();
  const searchName =
    fields.searchName && (!previous || fields.searchName !== previous.searchName || !followsName)
      ? fields.searchName
      : fields.name.toUpperCase();
  const emailKey = fields.email?.toLowerCase();
  // emailKey finds duplicates; emailDomain serves the "e-mail domain" criteria field.
  return {
    ...fields,
    searchName,
    ...(emailKey ? { emailKey, emailDomain: emailKey.slice(emailKey.lastIndexOf("@") + 1) } : {}),
  };
};

const companyReference = (c: Pick<ContactFields, "companyNo">) => ({
  field: "companyNo",
  kind: "company" as const,
  value: c.companyNo,
});
const salespersonReference = (c: Pick<ContactFields, "salespersonCode">) => ({
  field: "salespersonCode",
  kind: "salesperson" as const,
  value: c.salespersonCode,
});

/** Adds each person's company name, with one query for the whole page. */
export const withCompanyNames = async (
  deps: AppDeps,
  identity: Identity,
  contacts: Contact[],
): Promise<Contact[]> => {
  const companyNos = contacts.flatMap((c) => (c.companyNo ? [c.companyNo] : []));
  const names = await deps.store.contacts.namesOf(identity.tenantId, companyNos);
  return contacts.map((c) => {
    const companyName = c.companyNo ? names.get(c.companyNo) : undefined;
    return companyName ? { ...c, companyName } : c;
  });
};

export const listContacts = async (
  deps: AppDeps,
  identity: Identity,
  q: ContactListQuery,
): Promise<Page<Contact>> => {
  const { top, continuationToken, ...filters } = q;
  const page = await deps.store.contacts.list(identity.tenantId, filters, top, continuationToken);
  return { ...page, items: await withCompanyNames(deps, identity, page.items) };
};

export const getContact = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
): Promise<Contact> => {
  const contact = await deps.store.contacts.store.get(identity.tenantId, no);
  const [withName] = await withCompanyNames(deps, identity, [contact]);
  return withName as Contact;
};

export const createContact = async (
  deps: AppDeps,
  identity: Identity,
  input: ContactCreate,
): Promise<Contact> => {
  const tenant = identity.tenantId;
  await checkReferences(deps.store, tenant, [companyReference(input), salespersonReference(input)]);
  const stamp = stampNew(identity, deps.now());
  const created = await createWithSeriesNo(
    deps.store.numberSeries,
    tenant,
    series.contact,
    input.no,
    (no) =>
      deps.store.contacts.store.create(tenant, no, { ...toContactDoc({ ...input, no }), ...stamp }),
  );
  return getContactAfterWrite(deps, identity, created);
};

const getContactAfterWrite = async (
  deps: AppDeps,
  identity: Identity,
  contact: Contact,
): Promise<Contact> => (await withCompanyNames(deps, identity, [contact]))[0] as Contact;

export const updateContact = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  patch: ContactPatch,
  ifMatch: string,
): Promise<Contact> => {
  const tenant = identity.tenantId;
  const current = await deps.store.contacts.store.get(tenant, no);
  const { companyName: _derived, ...stored } = withoutStamp(current);
  const merged = applyMergePatch(stored, patch);
  const parsed = ValidContact.safeParse(merged);
  if (!parsed.success)
    throw new ValidationError(issuesToErrors(parsed.error.issues, "body", merged));
  if (parsed.data.companyNo === no) {
    throw new ValidationError([
      {
        in: "body",
        field: "companyNo",
        rule: "not_self",
        message: "a contact cannot be its own company",
      },
    ]);
  }
  await checkReferences(deps.store, tenant, [
    ...(patch.companyNo !== undefined ? [companyReference(parsed.data)] : []),
    ...(patch.salespersonCode !== undefined ? [salespersonReference(parsed.data)] : []),
  ]);
  const doc = {
    ...toContactDoc(parsed.data, current),
    ...stampChange(current, identity, deps.now()),
  };
  const saved = await deps.store.contacts.store.replace(tenant, no, doc, ifMatch);
  return getContactAfterWrite(deps, identity, saved);
};

export const deleteContact = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  ifMatch: string | undefined,
): Promise<void> => {
  const tenant = identity.tenantId;
  const contact = await deps.store.contacts.store.get(tenant, no);
  if (contact.type === "company") {
    const persons = await deps.store.contacts.countPersonsOf(tenant, no);
    if (persons > 0) {
      throw new ConflictError(
        `Company ${no} still has ${persons} person contact(s). Delete them or move them to another company first.`,
      );
    }
  }
  await deps.store.contacts.store.delete(tenant, no, ifMatch);
};
