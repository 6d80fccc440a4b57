import { z } from "zod";

/**
 * Why a job run under a lease (a contact import, a merge, an apply-template) failed.
 * server_stopped: the server running it stopped (its lease ran out) and the first read, cancel,
 * retry or sweep ended it; error: an error ended it (the job's error says which).
 */
export const JobFailure = z.enum(["server_stopped", "error"]);
export type JobFailure = z.infer<typeof JobFailure>;
