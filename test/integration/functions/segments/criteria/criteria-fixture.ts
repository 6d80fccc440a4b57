import { startApi, type ApiHarness } from "../../../harness/api-harness";
import { setUpCodesOf } from "../../../harness/contact-code-setup";

/**
 * A small tenant whose expected segment contents can be checked by hand:
 *
 *   KT1  company  Aarhus Byg A/S   Aarhus C 8000  industry BYG  relation CUST      mailing NYHEDSBREV
 *     KT11 person Anna Andersen    Aarhus C 8000  job MGMT                          mailing NYHEDSBREV
 *     KT12 person Bo Berg          Aarhus C 8000  job IT
 *   KT2  company  Odense IT ApS    Odense C 5000  industry IT   relation PROSPECT
 *     KT21 person Carl Clausen     Odense C 5000  job IT        e-mail carl@odenseit.dk
 *   KT3  company  Skagen Fisk I/S  Skagen 9990    industry FISK            excluded from segments
 *     KT31 person Dorte Dahl       Skagen 9990
 *   KT98 person   Finn Friis       Vejle 7100     (no company)  custom score 5
 *   KT99 person   Eva Eriksen      Aarhus C 8000  (no company)  excluded from segments
 */
export const contacts = [
  {
    no: "KT1",
    type: "company",
    name: "Aarhus Byg A/S",
    city: "Aarhus C",
    postCode: "8000",
    industryGroups: ["BYG"],
    businessRelations: ["CUST"],
    mailingGroups: ["NYHEDSBREV"],
  },
  {
    no: "KT11",
    type: "person",
    name: "Anna Andersen",
    companyNo: "KT1",
    city: "Aarhus C",
    postCode: "8000",
    jobResponsibilities: ["MGMT"],
    mailingGroups: ["NYHEDSBREV"],
    email: "anna@aarhusbyg.dk",
  },
  {
    no: "KT12",
    type: "person",
    name: "Bo Berg",
    companyNo: "KT1",
    city: "Aarhus C",
    postCode: "8000",
    jobResponsibilities: ["IT"],
  },
  {
    no: "KT2",
    type: "company",
    name: "Odense IT ApS",
    city: "Odense C",
    postCode: "5000",
    industryGroups: ["IT"],
    businessRelations: ["PROSPECT"],
  },
  {
    no: "KT21",
    type: "person",
    name: "Carl Clausen",
    companyNo: "KT2",
    city: "Odense C",
    postCode: "5000",
    jobResponsibilities: ["IT"],
    email: "carl@odenseit.dk",
  },
  {
    no: "KT3",
    type: "company",
    name: "Skagen Fisk I/S",
    city: "Skagen",
    postCode: "9990",
    industryGroups: ["FISK"],
    excludeFromSegments: true,
  },
  {
    no: "KT31",
    type: "person",
    name: "Dorte Dahl",
    companyNo: "KT3",
    city: "Skagen",
    postCode: "9990",
  },
  {
    no: "KT98",
    type: "person",
    name: "Finn Friis",
    city: "Vejle",
    postCode: "7100",
    customFields: { score: 5 },
  },
  {
    no: "KT99",
    type: "person",
    name: "Eva Eriksen",
    city: "Aarhus C",
    postCode: "8000",
    excludeFromSegments: true,
  },
] as const;

export const startCriteriaApi = async (): Promise<ApiHarness> => {
  const api = await startApi();
  await setUpCodesOf(api, contacts);
  for (const c of contacts) {
    const res = await api.call("POST", "/api/contacts", { body: c });
    if (res.status !== 201) throw new Error(`fixture ${c.no}: ${res.text}`);
  }
  return api;
};

/** The segment's contacts, sorted, one entry per line. */
export const lineContacts = async (api: ApiHarness, segmentNo: string): Promise<string[]> => {
  const res = await api.call("GET", `/api/segments/${segmentNo}/lines?top=500`);
  if (res.status !== 200) throw new Error(res.text);
  return (res.json.items as { contactNo: string }[]).map((l) => l.contactNo).sort();
};

export const field = (name: string, op: string, value?: unknown) => ({
  kind: "field",
  field: name,
  op,
  ...(value !== undefined ? { value } : {}),
});
