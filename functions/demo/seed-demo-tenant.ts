import { CampaignFields } from "@shared/model/campaign";
import { ContactCodeFields, contactCodeTables } from "@shared/model/contact-code";
import { ContactCreate } from "@shared/model/contact";
import { InteractionTemplateCreate } from "@shared/model/interaction-template";
import { ProfileQuestionnaireCreate } from "@shared/model/profile-questionnaire";
import { SalespersonCreate } from "@shared/model/salesperson";
import { generateDemoTenant, type DemoTenantOptions } from "@shared/demo/demo-data";
import { stampNew } from "../audit/stamp";
import { toContactDoc } from "../contacts/contact-service";
import { ConflictError } from "../errors/app-errors";
import type { Identity } from "../auth/identity";
import { parseNo, series } from "../store/number-series";
import type { Store } from "../store/store";
import type { TenantId } from "../store/tenant";

export interface SeedResult {
  readonly seeded: boolean;
  readonly contacts: number;
  readonly milliseconds: number;
}

const ignoreExisting = async (write: () => Promise<unknown>) => {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
};

/**
 * Fills an empty tenant with the demo data set (about 300 companies and 3,000 persons by
 * default). A tenant that already has contacts is left alone, so restarts never duplicate.
 */
export const seedDemoTenant = async (
  store: Store,
  tenant: TenantId,
  options: DemoTenantOptions = {},
  now = new Date(),
): Promise<SeedResult> => {
  const started = Date.now();
  const existing = await store.contacts.list(tenant, { orderBy: "no" }, 1);
  if (existing.items.length > 0)
    return { seeded: false, contacts: 0, milliseconds: Date.now() - started };

  const identity: Identity = {
    tenantId: tenant,
    userId: "demo-seed",
    userName: "Demo data",
    roles: [],
  };
  const stamp = stampNew(identity, now);
  const demo = generateDemoTenant(options);

  for (const s of demo.salespeople) {
    const fields = SalespersonCreate.parse(s);
    await ignoreExisting(() =>
      store.salespeople.store.create(tenant, fields.code, { ...fields, ...stamp }),
    );
  }
  for (const table of contactCodeTables) {
    for (const row of demo.contactCodes[table]) {
      const fields = ContactCodeFields.parse(row);
      await ignoreExisting(() =>
        store.contactCodes[table].store.create(tenant, fields.code, { ...fields, ...stamp }),
      );
    }
  }
  for (const q of demo.profileQuestionnaires) {
    const fields = ProfileQuestionnaireCreate.parse(q);
    await ignoreExisting(() =>
      store.profileQuestionnaires.store.create(tenant, fields.code, { ...fields, ...stamp }),
    );
  }
  for (const c of demo.campaigns) {
    const fields = CampaignFields.parse(c);
    await ignoreExisting(() =>
      store.campaigns.store.create(tenant, fields.no, { ...fields, ...stamp }),
    );
  }
  const highestCampaign = Math.max(
    0,
    ...demo.campaigns.map((c) => parseNo(series.campaign, c.no) ?? 0),
  );
  await store.numberSeries.advanceTo(tenant, series.campaign, highestCampaign);
  for (const t of demo.interactionTemplates) {
    const fields = InteractionTemplateCreate.parse(t);
    await ignoreExisting(() =>
      store.interactionTemplates.store.create(tenant, fields.code, {
        ...fields,
        attachments: [],
        ...stamp,
      }),
    );
  }

  const companyNames = new Map(
    demo.contacts.filter((c) => c.type === "company").map((c) => [c.no, c.name]),
  );
  const docs = demo.contacts.map((c) => {
    const fields = ContactCreate.parse(c);
    const companyName = fields.companyNo ? companyNames.get(fields.companyNo) : undefined;
    return { ...toContactDoc({ ...fields, no: c.no }, { companyName }), ...stamp };
  });
  const outcomes = await store.contacts.bulkCreate(tenant, docs);
  const failed = outcomes.filter((o) => o.status === "failed");
  if (failed.length)
    throw new Error(
      `Seeding failed for ${failed.length} contacts, e.g. ${JSON.stringify(failed[0])}`,
    );

  const highest = Math.max(0, ...docs.map((d) => parseNo(series.contact, d.no) ?? 0));
  await store.numberSeries.advanceTo(tenant, series.contact, highest);
  return { seeded: true, contacts: docs.length, milliseconds: Date.now() - started };
};
