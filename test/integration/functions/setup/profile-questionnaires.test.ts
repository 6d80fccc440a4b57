import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const size = {
  description: "Size",
  descriptionDa: "Størrelse",
  answers: [
    { description: "1-10 employees", descriptionDa: "1-10 ansatte" },
    { description: "11-50 employees", descriptionDa: "11-50 ansatte" },
  ],
};
const channel = {
  description: "Preferred channel",
  descriptionDa: "Foretrukken kanal",
  multipleAnswers: true,
  answers: [{ description: "E-mail" }, { description: "Phone" }],
};

describe("/profile-questionnaires: questionnaires with questions and answers (BC profiling)", () => {
  it("creates (upper-casing the code), reads, searches, updates and deletes", async () => {
    const created = await api.call("POST", "/api/profile-questionnaires", {
      body: {
        code: "custprofile",
        description: "Customer profile",
        descriptionDa: "Kundeprofil",
        contactType: "company",
        questions: [size],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      code: "CUSTPROFILE",
      description: "Customer profile",
      descriptionDa: "Kundeprofil",
      contactType: "company",
      questions: [{ ...size, multipleAnswers: false }],
      createdBy: "alice@a.example",
    });
    expect((await api.call("GET", "/api/profile-questionnaires/custprofile")).json.code).toBe(
      "CUSTPROFILE",
    );
    const found = await api.call("GET", "/api/profile-questionnaires?search=kunde");
    expect(found.json.items.map((i: { code: string }) => i.code)).toEqual(["CUSTPROFILE"]);
    const updated = await api.call("PATCH", "/api/profile-questionnaires/CUSTPROFILE", {
      body: { questions: [size, channel] },
      ifMatch: created.json.etag,
    });
    expect(updated.status).toBe(200);
    expect(updated.json.questions.map((q: { description: string }) => q.description)).toEqual([
      "Size",
      "Preferred channel",
    ]);
    expect(updated.json.description).toBe("Customer profile");
    const stale = await api.call("PATCH", "/api/profile-questionnaires/CUSTPROFILE", {
      body: { description: "Stale" },
      ifMatch: created.json.etag,
    });
    expect(stale.status).toBe(412);
    const deleted = await api.call("DELETE", "/api/profile-questionnaires/CUSTPROFILE", {
      ifMatch: updated.json.etag,
    });
    expect(deleted.status).toBe(204);
    expect((await api.call("GET", "/api/profile-questionnaires/CUSTPROFILE")).status).toBe(404);
  });

  it("refuses bad input with problem+json naming the field and rule, writing nothing", async () => {
    const post = (body: unknown) => api.call("POST", "/api/profile-questionnaires", { body });
    const badCode = await post({ code: "A!B" });
    expect(badCode.status).toBe(400);
    expect(badCode.json.errors[0]).toMatchObject({ in: "body", field: "code" });
    const twiceAsked = await post({
      code: "Q1",
      questions: [size, { ...size, description: "SIZE", answers: [] }],
    });
    expect(twiceAsked.status).toBe(400);
    expect(twiceAsked.json.errors).toEqual([
      expect.objectContaining({ field: "questions.1.description", rule: "unique" }),
    ]);
    const twiceAnswered = await post({
      code: "Q2",
      questions: [
        { description: "Size", answers: [{ description: "Big" }, { description: "big" }] },
      ],
    });
    expect(twiceAnswered.status).toBe(400);
    expect(twiceAnswered.json.errors).toEqual([
      expect.objectContaining({ field: "questions.0.answers.1.description", rule: "unique" }),
    ]);
    const shapes = await post({
      code: "Q3",
      contactType: "robot",
      questions: [{ description: "x".repeat(51), answers: [{ description: "" }] }],
    });
    expect(shapes.status).toBe(400);
    expect(shapes.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "contactType",
      "questions.0.answers.0.description",
      "questions.0.description",
    ]);
    const tooMany = await post({
      code: "Q4",
      questions: Array.from({ length: 101 }, (_, i) => ({ description: `Q${i}` })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0]).toMatchObject({ field: "questions" });
    await post({ code: "TWICE", questions: [size] });
    expect((await post({ code: "twice" })).status).toBe(409);
    const patchDuplicate = await api.call("PATCH", "/api/profile-questionnaires/TWICE", {
      body: { questions: [size, size] },
      ifMatch: "*",
    });
    expect(patchDuplicate.status).toBe(400);
    expect(patchDuplicate.json.errors[0]).toMatchObject({
      field: "questions.1.description",
      rule: "unique",
    });
    const rename = await api.call("PATCH", "/api/profile-questionnaires/TWICE", {
      body: { code: "OTHER" },
      ifMatch: "*",
    });
    expect(rename.status).toBe(400);
    const noIfMatch = await api.call("PATCH", "/api/profile-questionnaires/TWICE", {
      body: { description: "x" },
    });
    expect(noIfMatch.status).toBe(428);
    expect((await api.call("GET", "/api/profile-questionnaires/NOPE")).status).toBe(404);
    expect((await api.call("DELETE", "/api/profile-questionnaires/NOPE")).status).toBe(404);
    const list = await api.call("GET", "/api/profile-questionnaires");
    expect(list.json.items.map((i: { code: string; questions: unknown[] }) => i)).toEqual([
      expect.objectContaining({ code: "TWICE", questions: [expect.objectContaining(size)] }),
    ]);
  });

  it("refuses to remove an answer contacts gave, or the questionnaire, as BC does (409, nothing written)", async () => {
    const created = await api.call("POST", "/api/profile-questionnaires", {
      body: { code: "INUSE", questions: [size, channel] },
    });
    expect(created.status).toBe(201);
    const contact = await api.call("POST", "/api/contacts", {
      body: {
        no: "PQ1",
        type: "company",
        name: "Answered A/S",
        profileAnswers: [{ questionnaire: "INUSE", question: "Size", answer: "1-10 employees" }],
      },
    });
    expect(contact.status).toBe(201);
    const dropAnswer = await api.call("PATCH", "/api/profile-questionnaires/INUSE", {
      body: { questions: [{ ...size, answers: [size.answers[1]] }, channel] },
      ifMatch: created.json.etag,
    });
    expect(dropAnswer.status).toBe(409);
    expect(dropAnswer.json.errors).toEqual([
      expect.objectContaining({
        field: "questions",
        rule: "in_use",
        message: expect.stringContaining('1 contact answered "Size" with "1-10 employees"'),
      }),
    ]);
    const dropQuestion = await api.call("PATCH", "/api/profile-questionnaires/INUSE", {
      body: { questions: [channel] },
      ifMatch: created.json.etag,
    });
    expect(dropQuestion.status).toBe(409);
    const remove = await api.call("DELETE", "/api/profile-questionnaires/INUSE");
    expect(remove.status).toBe(409);
    expect(remove.json.detail).toContain("INUSE");
    const kept = await api.call("GET", "/api/profile-questionnaires/INUSE");
    expect(kept.json.etag).toBe(created.json.etag);
    // An unused answer may go; once the contact's answer is gone, so may the questionnaire.
    const dropUnused = await api.call("PATCH", "/api/profile-questionnaires/INUSE", {
      body: { questions: [{ ...size, answers: [size.answers[0]] }] },
      ifMatch: created.json.etag,
    });
    expect(dropUnused.status).toBe(200);
    await api.call("PATCH", "/api/contacts/PQ1", {
      body: { profileAnswers: [] },
      ifMatch: contact.json.etag,
    });
    expect((await api.call("DELETE", "/api/profile-questionnaires/INUSE")).status).toBe(204);
  });
});
