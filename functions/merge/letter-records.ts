import { letterValues } from "@shared/letter/merge-fields";
import type { Salesperson } from "@shared/model/salesperson";
import type { MergeRecord } from "@shared/merge/index";
import type { AppDeps } from "../app-deps";
import type { SegmentHeader, StoredLine } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";
import { today } from "../segments/segment-service";

/** One letter: the values it is merged with, and what decides how it goes out. */
export interface LetterRecord {
  readonly line: StoredLine;
  readonly name: string;
  readonly language: string | undefined;
  readonly values: Record<string, string | number | boolean | null>;
}

/**
 * The merge data of the given lines, with a fixed number of store queries whatever their number:
 * the contacts, their companies, the template, the salespeople and the campaign.
 */
export const letterRecords = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  lines: readonly StoredLine[],
  /** The letters' date ("Today"): the merge's own, or a logged entry's when it is shown again. */
  asOf?: string,
): Promise<LetterRecord[]> => {
  const store = deps.store;
  const contacts = new Map(
    (await store.contacts.getMany(tenant, [...new Set(lines.map((l) => l.contactNo))])).map((c) => [
      c.no,
      c,
    ]),
  );
  const companyNos = [
    ...new Set([...contacts.values()].flatMap((c) => (c.companyNo ? [c.companyNo] : []))),
  ];
  const companies = new Map(
    (await store.contacts.getMany(tenant, companyNos)).map((c) => [c.no, c]),
  );
  const salespersonCodes = [
    ...new Set(
      [header.salespersonCode, ...lines.map((l) => l.salespersonCode)].filter(
        (c): c is string => !!c,
      ),
    ),
  ];
  const [template, campaign, ...salespeople] = await Promise.all([
    header.interactionTemplateCode
      ? store.interactionTemplates.store.find(tenant, header.interactionTemplateCode)
      : undefined,
    header.campaignNo ? store.campaigns.store.find(tenant, header.campaignNo) : undefined,
    ...salespersonCodes.map((code) => store.salespeople.store.find(tenant, code)),
  ]);
  const salespeopleByCode = new Map(
    salespeople.filter((s): s is Salesperson => !!s).map((s) => [s.code, s]),
  );
  const date = asOf ?? today(deps.now());
  // Mergeline keeps no company address of the sender: the segment's (else the template's)
  // language tells where letters are sent from, so a Danish segment leaves "Danmark" out.
  const homeCountry = /-([A-Z]{2})$/.exec(header.languageCode ?? template?.languageCode ?? "")?.[1];
  return lines.map((line) => {
    const contact = contacts.get(line.contactNo) ?? { no: line.contactNo, name: line.contactName };
    const company =
      "companyNo" in contact && contact.companyNo ? companies.get(contact.companyNo) : undefined;
    const salespersonCode = line.salespersonCode ?? header.salespersonCode;
    const language =
      line.languageCode ??
      ("languageCode" in contact ? contact.languageCode : undefined) ??
      header.languageCode;
    return {
      line,
      name: contact.name,
      language,
      values: letterValues({
        language: language ?? template?.languageCode,
        homeCountry,
        contact,
        company,
        line,
        segment: header,
        template,
        salesperson: salespersonCode ? salespeopleByCode.get(salespersonCode) : undefined,
        campaignDescription: campaign?.description,
        today: date,
      }),
    };
  });
};

export const toMergeRecord = (r: LetterRecord): MergeRecord => ({
  values: r.values,
  ...(r.language ? { language: r.language } : {}),
  fileName: `${r.line.contactNo} ${r.name}`,
});
