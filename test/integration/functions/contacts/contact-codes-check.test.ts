import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
const tenant = "codes-check";
const call = (method: string, path: string, options: { body?: unknown; ifMatch?: string } = {}) =>
  api.call(method, `/api${path}`, { tenant, ...options });

beforeAll(async () => {
  api = await startApi();
  const setup: [string, string][] = [
    ["/mailing-groups", "NYHEDSBREV"],
    ["/mailing-groups", "JULEKORT"],
    ["/business-relations", "CUST"],
    ["/business-relations", "PROSPECT"],
    ["/industry-groups", "RETAIL"],
    ["/job-responsibilities", "SALES"],
  ];
  for (const [path, code] of setup) {
    const res = await call("POST", path, { body: { code } });
    if (res.status !== 201) throw new Error(res.text);
  }
  const questionnaire = await call("POST", "/profile-questionnaires", {
    body: {
      code: "CUSTPROFILE",
      contactType: "company",
      questions: [
        {
          description: "Size",
          answers: [{ description: "1-10 employees" }, { description: "250+ employees" }],
        },
        {
          description: "Preferred channel",
          multipleAnswers: true,
          answers: [{ description: "E-mail" }, { description: "Phone" }],
        },
      ],
    },
  });
  if (questionnaire.status !== 201) throw new Error(questionnaire.text);
  await call("POST", "/profile-questionnaires", {
    body: {
      code: "PERSONAL",
      contactType: "person",
      questions: [{ description: "Hobby", answers: [{ description: "Golf" }] }],
    },
  });
});
afterAll(() => api.close());

const fieldsAndRules = (res: { json: { errors: { field: string; rule: string }[] } }) =>
  res.json.errors.map((e) => `${e.field}:${e.rule}`);

describe("a contact's codes must be set up, as BC's table relations require", () => {
  it("refuses a code no setup table holds with 422, naming the field and the nearest code; nothing written", async () => {
    const res = await call("POST", "/contacts", {
      body: {
        no: "C1",
        type: "company",
        name: "Typo A/S",
        businessRelations: ["cust", "PROSPEKT"],
        industryGroups: ["RETAIL"],
        mailingGroups: ["NYHEDSBRV"],
      },
    });
    expect(res.status).toBe(422);
    expect(fieldsAndRules(res)).toEqual(["businessRelations.1:exists", "mailingGroups.0:exists"]);
    expect(res.json.errors[0].message).toBe(
      'business relation PROSPEKT does not exist; did you mean "PROSPECT"?',
    );
    expect(res.json.errors[1].message).toContain('did you mean "NYHEDSBREV"');
    expect((await call("GET", "/contacts/C1")).status).toBe(404);
  });

  it("upper-cases lower case first, then finds the code", async () => {
    const res = await call("POST", "/contacts", {
      body: {
        no: "C2",
        type: "person",
        name: "Lower Case",
        jobResponsibilities: ["sales"],
        mailingGroups: ["julekort"],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ jobResponsibilities: ["SALES"], mailingGroups: ["JULEKORT"] });
  });

  it("enforces a table nobody filled in: no code exists there", async () => {
    const res = await call("POST", "/contacts", {
      body: { no: "C3", type: "person", name: "No Table", jobResponsibilities: ["SALES", "IT"] },
    });
    expect(res.status).toBe(422);
    expect(fieldsAndRules(res)).toEqual(["jobResponsibilities.1:exists"]);
    expect(res.json.errors[0].message).toBe("job responsibility IT does not exist");
  });

  it("checks on PATCH the codes the change brings, leaving the contact as it was on a refusal", async () => {
    const created = await call("POST", "/contacts", {
      body: { no: "C4", type: "company", name: "Patch A/S", industryGroups: ["RETAIL"] },
    });
    expect(created.status).toBe(201);
    const bad = await call("PATCH", "/contacts/C4", {
      body: { industryGroups: ["RETAIL", "RETAL"], name: "Changed" },
      ifMatch: created.json.etag,
    });
    expect(bad.status).toBe(422);
    expect(fieldsAndRules(bad)).toEqual(["industryGroups.1:exists"]);
    const unchanged = await call("GET", "/contacts/C4");
    expect(unchanged.json).toMatchObject({ name: "Patch A/S", etag: created.json.etag });
    // A code deleted from its table since (BC allows that for industry groups) stays on the
    // contacts carrying it, and does not block their other changes.
    expect((await call("POST", "/industry-groups", { body: { code: "GONE" } })).status).toBe(201);
    const carrying = await call("PATCH", "/contacts/C4", {
      body: { industryGroups: ["RETAIL", "GONE"] },
      ifMatch: created.json.etag,
    });
    expect(carrying.status).toBe(200);
    expect((await call("DELETE", "/industry-groups/GONE")).status).toBe(204);
    const other = await call("PATCH", "/contacts/C4", {
      body: { city: "Aarhus" },
      ifMatch: carrying.json.etag,
    });
    expect(other.status).toBe(200);
    expect(other.json.industryGroups).toEqual(["RETAIL", "GONE"]);
  });
});

describe("a contact's profile answers must be set up", () => {
  const answer = (question: string, a: string, questionnaire = "CUSTPROFILE") => ({
    questionnaire,
    question,
    answer: a,
  });

  it("refuses an unknown questionnaire, question or answer with the nearest; nothing written", async () => {
    const res = await call("POST", "/contacts", {
      body: {
        no: "P1",
        type: "company",
        name: "Profile A/S",
        profileAnswers: [
          answer("Size", "1-10 employees", "CUSTPROFIL"),
          answer("Sise", "1-10 employees"),
          answer("Size", "1-10 employes"),
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(fieldsAndRules(res)).toEqual([
      "profileAnswers.0.questionnaire:exists",
      "profileAnswers.1.question:exists",
      "profileAnswers.2.answer:exists",
    ]);
    expect(res.json.errors.map((e: { message: string }) => e.message)).toEqual([
      'profile questionnaire CUSTPROFIL does not exist; did you mean "CUSTPROFILE"?',
      'question "Sise" is not in profile questionnaire CUSTPROFILE; did you mean "Size"?',
      'answer "1-10 employes" is not an answer to "Size"; did you mean "1-10 employees"?',
    ]);
    expect((await call("GET", "/contacts/P1")).status).toBe(404);
  });

  it("stores a question and answer in the spelling they were set up with", async () => {
    const res = await call("POST", "/contacts", {
      body: {
        no: "P2",
        type: "company",
        name: "Spelling A/S",
        profileAnswers: [
          { questionnaire: "custprofile", question: "size", answer: "250+ EMPLOYEES" },
          answer("Preferred channel", "e-mail"),
          answer("Preferred channel", "Phone"),
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.profileAnswers).toEqual([
      answer("Size", "250+ employees"),
      answer("Preferred channel", "E-mail"),
      answer("Preferred channel", "Phone"),
    ]);
  });

  it("keeps BC's rules: one answer unless the question takes several, and the questionnaire's contact type", async () => {
    const res = await call("POST", "/contacts", {
      body: {
        no: "P3",
        type: "person",
        name: "Rules Person",
        profileAnswers: [
          answer("Hobby", "Golf", "PERSONAL"),
          answer("Size", "1-10 employees"),
          answer("Size", "250+ employees"),
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(fieldsAndRules(res)).toEqual([
      "profileAnswers.1.questionnaire:contactType",
      "profileAnswers.2.questionnaire:contactType",
      "profileAnswers.2.answer:single_answer",
    ]);
    expect(res.json.errors[0].message).toBe(
      "profile questionnaire CUSTPROFILE is for companies only",
    );
    expect(res.json.errors[2].message).toContain('"Size" takes one answer');
    expect((await call("GET", "/contacts/P3")).status).toBe(404);
  });
});

describe("a contact's profile answers on PATCH", () => {
  it("refuses a second answer to a one-answer question wherever it stands beside the kept one", async () => {
    const created = await call("POST", "/contacts", {
      body: {
        no: "P4",
        type: "company",
        name: "Kept A/S",
        profileAnswers: [
          { questionnaire: "CUSTPROFILE", question: "Size", answer: "1-10 employees" },
        ],
      },
    });
    expect(created.status).toBe(201);
    const ahead = await call("PATCH", "/contacts/P4", {
      body: {
        profileAnswers: [
          { questionnaire: "CUSTPROFILE", question: "Size", answer: "250+ employees" },
          { questionnaire: "CUSTPROFILE", question: "Size", answer: "1-10 employees" },
        ],
      },
      ifMatch: created.json.etag,
    });
    expect(ahead.status).toBe(422);
    expect(fieldsAndRules(ahead)).toEqual(["profileAnswers.0.answer:single_answer"]);
    expect((await call("GET", "/contacts/P4")).json.etag).toBe(created.json.etag);
  });
});

describe("deleting a code contacts carry", () => {
  it("refuses a mailing group in use (BC: No. of Contacts must be 0), then allows it once unused", async () => {
    const contact = await call("POST", "/contacts", {
      body: { no: "M1", type: "person", name: "Mailing Person", mailingGroups: ["NYHEDSBREV"] },
    });
    expect(contact.status).toBe(201);
    const refused = await call("DELETE", "/mailing-groups/NYHEDSBREV");
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain("1 contact");
    expect((await call("GET", "/mailing-groups/NYHEDSBREV")).status).toBe(200);
    const removed = await call("PATCH", "/contacts/M1", {
      body: { mailingGroups: [] },
      ifMatch: contact.json.etag,
    });
    expect(removed.status).toBe(200);
    expect((await call("DELETE", "/mailing-groups/NYHEDSBREV")).status).toBe(204);
  });
});

describe("import checks every row's codes, reporting the rows it does not import", () => {
  const csv = [
    "No.;Name;Type;Mailing Groups;Business Relations;Company No.",
    "I1;Good A/S;company;JULEKORT;CUST;",
    "I2;Bad A/S;company;julekort|JULEKROT;CUST;",
    "I3;Worse A/S;company;;CUSTT;",
    "I4;Person of Worse;person;;;I3",
  ].join("\r\n");

  it("names the row, field, column and nearest code in a dry run and a real one alike", async () => {
    for (const dryRun of [true, false]) {
      const res = await call("POST", "/contacts/import", { body: { csv, dryRun } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ rows: 4, imported: 1, invalid: 3 });
      expect(
        res.json.problems.map(
          (p: { row: number; errors: { field: string; rule: string; message: string }[] }) => [
            p.row,
            p.errors.map((e) => `${e.field}:${e.rule}`),
          ],
        ),
      ).toEqual([
        [2, ["mailingGroups.1:exists"]],
        [3, ["businessRelations.0:exists"]],
        // The company row is not imported, so its person has no company to belong to.
        [4, ["companyNo:exists"]],
      ]);
      expect(res.json.problems[0].errors[0].message).toBe(
        'mailing group JULEKROT does not exist; did you mean "JULEKORT"? (column "Mailing Groups")',
      );
    }
    const stored = await call("GET", "/contacts?search=I");
    expect(
      stored.json.items.map((c: { no: string }) => c.no).filter((no: string) => no.startsWith("I")),
    ).toEqual(["I1"]);
  });
});
