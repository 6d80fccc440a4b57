import {
  ContactFields,
  contactRules,
  type Contact,
  type ContactCreate,
  type ContactListQuery,
  type ContactPatch,
} from "@shared/model/contact";
import { contactCodeTables } from "@shared/model/contact-code";
import { applyMergePatch } from "@shared/model/patch";
import type { AppDeps } from "../app-deps";
import { stampChange, stampNew, withoutStamp } from "../audit/stamp";
import { ConflictError, ValidationError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { issuesToErrors } from "../errors/validation-issues";
import { checkReferences } from "../references/reference-check";
import {
  carriesCodes,
  checkContactCodes,
  loadContactCodeTables,
  type CodeCarrier,
} from "./contact-code-check";
import type { ContactDoc } from "../store/contact-repository";
import type { Page } from "../store/document-store";
import { createWithSeriesNo, series } from "../store/number-series";

const ValidContact = ContactFields.superRefine(contactRules);

/**
 * What is stored for a contact: its fields plus what derives from them. The search name follows
 * the name unless the user set one; a person carries its company's name (as in Business Central);
 * the e-mail is kept lower-cased for duplicate checks and split off as a domain for criteria.
 */
export const toContactDoc = (
  fields: ContactFields,
  derived: {
    previous?: Pick<Contact, "name" | "searchName">;
    companyName?: string | undefined;
  } = {},
): Omit<ContactDoc, keyof ReturnType<typeof stampNew>> => {
  const { previous, companyName } = derived;
  const followsName = !previous || previous.searchName === previous.name.toUpperCase();
  const searchName =
    fields.searchName && (!previous || fields.searchName !== previous.searchName || !followsName)
      ? fields.searchName
      : fields.name.toUpperCase();
  const emailKey = fields.email?.toLowerCase();
  return {
    ...fields,
    searchName,
    ...(fields.companyNo && companyName ? { companyName } : {}),
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

export const listContacts = async (
  deps: AppDeps,
  identity: Identity,
  q: ContactListQuery,
): Promise<Page<Contact>> => {
  const { top, continuationToken, ...filters } = q;
  return deps.store.contacts.list(identity.tenantId, filters, top, continuationToken);
};

export const getContact = async (deps: AppDeps, identity: Identity, no: string): Promise<Contact> =>
  deps.store.contacts.store.get(identity.tenantId, no);

/**
 * The contact's codes checked against the tenant's setup tables (422 naming each bad one, before
 * anything is written), and its profile answers as set up. Only what is new to the contact is
 * checked, so a code deleted from its table since does not block other changes.
 */
const checkedCodes = async <C extends CodeCarrier>(
  deps: AppDeps,
  identity: Identity,
  contact: C,
  before?: CodeCarrier,
): Promise<C> => {
  if (!carriesCodes([contact])) return contact;
  const tables = await loadContactCodeTables(deps.store, identity.tenantId, [contact]);
  const { errors, profileAnswers } = checkContactCodes(contact, tables, before);
  if (errors.length)
    throw new ValidationError(errors, "Some codes are not set up in their tables.", 422);
  return { ...contact, profileAnswers };
};

const codeFields = [...contactCodeTables, "profileAnswers"] as const;

const companyNameOf = async (deps: AppDeps, identity: Identity, companyNo: string | undefined) =>
  companyNo
    ? (await deps.store.contacts.summariesOf(identity.tenantId, [companyNo])).get(companyNo)?.name
    : undefined;

export const createContact = async (
  deps: AppDeps,
  identity: Identity,
  input: ContactCreate,
): Promise<Contact> => {
  const tenant = identity.tenantId;
  await checkReferences(deps.store, tenant, [companyReference(input), salespersonReference(input)]);
  const fields = await checkedCodes(deps, identity, input);
  const stamp = stampNew(identity, deps.now());
  const companyName = await companyNameOf(deps, identity, input.companyNo);
  return createWithSeriesNo(deps.store.numberSeries, tenant, series.contact, input.no, (no) =>
    deps.store.contacts.store.create(tenant, no, {
      ...toContactDoc({ ...fields, no }, { companyName }),
      ...stamp,
    }),
  );
};

export const updateContact = async (
  deps: AppDeps,
  identity: Identity,
  no: string,
  patch: ContactPatch,
  ifMatch: string,
): Promise<Contact> => {
  const tenant = identity.tenantId;
  const current = await deps.store.contacts.store.get(tenant, no);
  const { companyName: previousCompanyName, ...stored } = withoutStamp(current);
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
  // Unchanged codes are not checked again (see checkedCodes), so a patch that leaves them alone
  // costs no lookups.
  const touchesCodes = codeFields.some((k) => patch[k] !== undefined);
  const fields = touchesCodes
    ? await checkedCodes(deps, identity, parsed.data, current)
    : parsed.data;
  const companyName =
    parsed.data.companyNo === current.companyNo
      ? previousCompanyName
      : await companyNameOf(deps, identity, parsed.data.companyNo);
  const doc = {
    ...toContactDoc(fields, { previous: current, companyName }),
    ...stampChange(current, identity, deps.now()),
  };
  const saved = await deps.store.contacts.store.replace(tenant, no, doc, ifMatch);
  if (saved.type === "company" && saved.name !== current.name) {
    await renamePersons(deps, identity, saved.no, saved.name);
  }
  return saved;
};

/** A few retries cover persons edited by someone else at the same moment. */
const renamePersons = async (
  deps: AppDeps,
  identity: Identity,
  companyNo: string,
  name: string,
) => {
  for (let attempt = 0; attempt < 3; attempt++) {
    const missed = await deps.store.contacts.renameCompanyOnPersons(
      identity.tenantId,
      companyNo,
      name,
    );
    if (missed === 0) return;
  }
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
