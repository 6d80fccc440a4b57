import { zipSync } from "fflate";
import {
  checkMerge,
  mergeDocument,
  mergeEach,
  mergeLabels,
  mergeMixedDocument,
  readTemplate,
} from "@shared/merge/index";
import { splitLetters } from "../../convert/split-letters";
import { letterAsHtml } from "../../delivery/compose/letter-html";
import type { MergeTask, MergeTaskResult } from "./merge-task";
import { transferablesOf } from "./worker-protocol";
import type { TaskOutcome } from "./worker-serve";

/** Runs one merge task where it is called: in a merge thread (merge-worker.ts). */
export const runMergeTask = (
  task: MergeTask,
): TaskOutcome<MergeTaskResult> | Promise<TaskOutcome<MergeTaskResult>> => {
  switch (task.kind) {
    case "read": {
      const template = readTemplate(task.letter);
      return {
        output: { kind: "read", fieldNames: template.fieldNames, warnings: template.warnings },
        transfer: [],
      };
    }
    case "check": {
      const template = readTemplate(task.letter);
      const { notes } = task;
      const issues = checkMerge(template, task.records, {
        emailField: notes.emailField,
        isEmail: (_record, index) => notes.email[index] ?? false,
        describe: (_record, index) => notes.names[index] ?? `record ${index + 1}`,
        leftEmpty: notes.leftEmpty ?? [],
        documentPerRecord: notes.documentPerRecord ?? false,
      });
      return { output: { kind: "check", fieldNames: template.fieldNames, issues }, transfer: [] };
    }
    case "mergeDocument": {
      const bytes = mergeDocument(readTemplate(task.letter), task.records, {
        letterBookmarks: task.letterBookmarks ?? false,
      });
      return { output: { kind: "mergeDocument", bytes }, transfer: transferablesOf([bytes]) };
    }
    case "mergeMixedDocument": {
      const templates = task.letters.map((letter) => readTemplate(letter));
      const bytes = mergeMixedDocument(
        task.records.map((record, i) => ({
          template: templates[task.letterOf[i] ?? 0] as (typeof templates)[number],
          record,
        })),
        {
          destination: templates[task.destination],
          letterBookmarks: task.letterBookmarks ?? false,
        },
      );
      return { output: { kind: "mergeMixedDocument", bytes }, transfer: transferablesOf([bytes]) };
    }
    case "mergeEach": {
      const files = mergeEach(readTemplate(task.letter), task.records);
      return {
        output: { kind: "mergeEach", files },
        transfer: transferablesOf(files.map((f) => f.bytes)),
      };
    }
    case "labels": {
      const bytes = mergeLabels(task.labels, task.grid, {
        ...(task.language ? { language: task.language } : {}),
      });
      return { output: { kind: "labels", bytes }, transfer: transferablesOf([bytes]) };
    }
    case "zip": {
      const bytes = zipSync(
        Object.fromEntries(task.files.map((f) => [f.name, [f.bytes, { level: 0 }]])),
      );
      return { output: { kind: "zip", bytes }, transfer: transferablesOf([bytes]) };
    }
    case "splitPdf":
      return splitLetters(task.pdf, task.letters).then((files) => ({
        output: { kind: "splitPdf", files },
        transfer: transferablesOf(files),
      }));
    case "letterHtml":
      return letterAsHtml(task.letter).then((html) => ({
        output: { kind: "letterHtml", ...html },
        transfer: [],
      }));
  }
};
