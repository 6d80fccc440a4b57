import { startApi, type ApiHarness } from "../../harness/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
  const created = await api.call("POST", "/api/profile-questionnaires", {
    body: {
      code: "CUSTPROFILE",
      description: "Customer profile",
      descriptionDa: "Kundeprofil",
      questions: [
        {
          description: "Size",
          descriptionDa: "Størrelse",
          answers: [
            { description: "1-10 employees", descriptionDa: "1-10 ansatte" },
            { description: "11-50 employees", descriptionDa: "11-50 ansatte" },
            { description: "250+ employees", descriptionDa: "Over 250 ansatte" },
          ],
        },
        {
          description: "Preferred channel",
          descriptionDa: "Foretrukken kanal",
          multipleAnswers: true,
          answers: [
            { description: "E-mail", descriptionDa: "E-mail" },
            { description: "Phone", descriptionDa: "Telefon" },
          ],
        },
      ],
    },
  });
  if (created.status !== 201) throw new Error(created.text);
  await api.call("POST", "/api/profile-questionnaires", {
    body: { code: "EVENTS", description: "Event feedback", descriptionDa: "Arrangementer" },
  });
  const answers = [
    ["KT1", "1-10 employees", ["E-mail", "Phone"]],
    ["KT2", "1-10 employees", ["E-mail"]],
    ["KT3", "11-50 employees", []],
  ] as const;
  for (const [no, size, channels] of answers) {
    const res = await api.call("POST", "/api/contacts", {
      body: {
        no,
        type: "company",
        name: `Company ${no}`,
        profileAnswers: [
          { questionnaire: "CUSTPROFILE", question: "Size", answer: size },
          ...channels.map((answer) => ({
            questionnaire: "CUSTPROFILE",
            question: "Preferred channel",
            answer,
          })),
        ],
      },
    });
    if (res.status !== 201) throw new Error(res.text);
  }
  await api.call("POST", "/api/segments", { body: { no: "SEG1" } });
});
afterAll(() => api.close());

const values = (path: string) => api.call("GET", `/api/criteria/fields/${path}`);

describe("value suggestions for profile questionnaires, questions and answers", () => {
  it("offers the questionnaires with their descriptions and how many contacts answered each", async () => {
    const res = await values("profileQuestionnaires/values");
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      {
        value: "CUSTPROFILE",
        count: 3,
        description: "Customer profile",
        descriptionDa: "Kundeprofil",
      },
      { value: "EVENTS", count: 0, description: "Event feedback", descriptionDa: "Arrangementer" },
    ]);
    const searched = await values("profileQuestionnaires/values?search=kunde");
    expect(searched.json.items.map((i: { value: string }) => i.value)).toEqual(["CUSTPROFILE"]);
  });

  it("offers a questionnaire's questions, and a question's answers, most given first", async () => {
    const questions = await values("profileQuestions/values?questionnaire=custprofile");
    expect(questions.status).toBe(200);
    expect(questions.json.items).toEqual([
      { value: "Size", count: 3, description: "Size", descriptionDa: "Størrelse" },
      {
        value: "Preferred channel",
        count: 2,
        description: "Preferred channel",
        descriptionDa: "Foretrukken kanal",
      },
    ]);
    const answers = await values(
      "profileAnswers/values?questionnaire=CUSTPROFILE&question=Size&search=1",
    );
    expect(answers.status).toBe(200);
    expect(answers.json.items).toEqual([
      {
        value: "1-10 employees",
        count: 2,
        description: "1-10 employees",
        descriptionDa: "1-10 ansatte",
      },
      {
        value: "11-50 employees",
        count: 1,
        description: "11-50 employees",
        descriptionDa: "11-50 ansatte",
      },
    ]);
    const all = await values("profileAnswers/values?questionnaire=CUSTPROFILE&question=Size");
    expect(all.json.items.map((i: { value: string }) => i.value)).toEqual([
      "1-10 employees",
      "11-50 employees",
      "250+ employees",
    ]);
  });

  it("refuses bad input naming the query parameter", async () => {
    const noQuestionnaire = await values("profileQuestions/values");
    expect(noQuestionnaire.status).toBe(400);
    expect(noQuestionnaire.json.errors[0]).toMatchObject({
      in: "query",
      field: "questionnaire",
      rule: "required",
    });
    const noQuestion = await values("profileAnswers/values?questionnaire=CUSTPROFILE");
    expect(noQuestion.status).toBe(400);
    expect(noQuestion.json.errors[0]).toMatchObject({
      in: "query",
      field: "question",
      rule: "required",
    });
    const unknown = await values("profileQuestions/values?questionnaire=CUSTPROFIL");
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0]).toMatchObject({
      in: "query",
      field: "questionnaire",
      rule: "exists",
      message: expect.stringContaining('did you mean "CUSTPROFILE"'),
    });
    const unknownQuestion = await values(
      "profileAnswers/values?questionnaire=CUSTPROFILE&question=Sise",
    );
    expect(unknownQuestion.status).toBe(422);
    expect(unknownQuestion.json.errors[0]).toMatchObject({
      in: "query",
      field: "question",
      rule: "exists",
      message: expect.stringContaining('did you mean "Size"'),
    });
    const badCode = await values("profileQuestions/values?questionnaire=A!B");
    expect(badCode.status).toBe(400);
    expect(badCode.json.errors[0]).toMatchObject({ in: "query", field: "questionnaire" });
    const tooLong = await values(
      `profileAnswers/values?questionnaire=CUSTPROFILE&question=${"x".repeat(51)}`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors[0]).toMatchObject({ in: "query", field: "question" });
  });
});

const add = (condition: object, dryRun = true) =>
  api.call("POST", "/api/segments/SEG1/add-contacts", {
    body: { filter: { kind: "and", items: [condition] }, dryRun },
  });

describe("criteria naming a questionnaire, question or answer nobody set up", () => {
  it("answers 422 naming the place and the nearest, instead of counting 0", async () => {
    const questionnaire = await add({
      kind: "profile",
      questionnaire: "CUSTPROFIL",
      question: "Size",
      value: "1-10 employees",
    });
    expect(questionnaire.status).toBe(422);
    expect(questionnaire.json.errors).toEqual([
      expect.objectContaining({
        in: "body",
        field: "filter.items.0.questionnaire",
        rule: "exists",
        message: expect.stringContaining('did you mean "CUSTPROFILE"'),
      }),
    ]);
    const question = await add({
      kind: "profile",
      questionnaire: "CUSTPROFILE",
      question: "Sise",
      value: "1-10 employees",
    });
    expect(question.status).toBe(422);
    expect(question.json.errors).toEqual([
      expect.objectContaining({
        field: "filter.items.0.question",
        rule: "exists",
        message: expect.stringContaining('did you mean "Size"'),
      }),
    ]);
    const answer = await add(
      {
        kind: "profile",
        questionnaire: "CUSTPROFILE",
        question: "Size",
        op: "in",
        values: ["1-10 employees", "1-10 employes"],
      },
      false,
    );
    expect(answer.status).toBe(422);
    expect(answer.json.errors).toEqual([
      expect.objectContaining({
        field: "filter.items.0.values.1",
        rule: "exists",
        message: expect.stringContaining('did you mean "1-10 employees"'),
      }),
    ]);
    const lines = await api.call("GET", "/api/segments/SEG1/lines");
    expect(lines.json.items).toEqual([]);
  });

  it("takes set-up answers in any case, and patterns without checking them", async () => {
    const exact = await add({
      kind: "profile",
      questionnaire: "custprofile",
      question: "Size",
      value: "1-10 EMPLOYEES",
    });
    expect(exact.status).toBe(200);
    expect(exact.json.linesAdded).toBe(2);
    const pattern = await add({
      kind: "profile",
      questionnaire: "CUSTPROFILE",
      question: "Size",
      op: "startsWith",
      value: "1",
    });
    expect(pattern.status).toBe(200);
    expect(pattern.json.linesAdded).toBe(3);
  });
});

describe("a Profile row with several answers of one question (Business Central ticks several)", () => {
  const sizes = (values: unknown[], question = "Size") =>
    add({ kind: "profile", questionnaire: "CUSTPROFILE", question, op: "in", values });

  it("takes a contact with any of the answers ticked, each contact once", async () => {
    const either = await sizes(["1-10 employees", "11-50 employees"]);
    expect(either.status).toBe(200);
    expect(either.json.linesAdded).toBe(3);
    // KT1 gave both channels: one line, not two.
    const channels = await sizes(["E-mail", "Phone"], "Preferred channel");
    expect(channels.json.linesAdded).toBe(2);
    const one = await sizes(["Phone"], "Preferred channel");
    expect(one.json.linesAdded).toBe(1);
  });

  it("still takes a row stored with one answer (op eq and value), as before", async () => {
    const old = await add({
      kind: "profile",
      questionnaire: "CUSTPROFILE",
      question: "Size",
      op: "eq",
      value: "11-50 employees",
    });
    expect(old.status).toBe(200);
    expect(old.json.linesAdded).toBe(1);
  });

  it("refuses an empty list of answers, naming the field and the rule", async () => {
    const res = await sizes([]);
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ field: "filter.items.0.values", rule: "missing_value" }),
    ]);
  });

  it("refuses an answer of another question, and one nobody set up, each in its place", async () => {
    const res = await sizes(["1-10 employees", "Phone", "Huge"]);
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ field: "filter.items.0.values.1", rule: "exists" }),
      expect.objectContaining({ field: "filter.items.0.values.2", rule: "exists" }),
    ]);
  });

  it("refuses more answers than a question can have (100), naming the bound", async () => {
    const res = await sizes(Array.from({ length: 101 }, (_, i) => `Answer ${i}`));
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ field: "filter.items.0.values", rule: "too_big" }),
    ]);
    const lines = await api.call("GET", "/api/segments/SEG1/lines");
    expect(lines.json.items).toEqual([]);
  });
});
