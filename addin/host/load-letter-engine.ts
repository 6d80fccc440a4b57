/** The merge engine is a few hundred kilobytes: hosts load it the first time a letter needs it. */
export const loadLetterEngine = () => import("./letter-engine");

export type LetterEngine = Awaited<ReturnType<typeof loadLetterEngine>>;
