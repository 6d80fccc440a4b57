/** Whether a display language ("da-DK", "da", "DA-dk") gets the Danish catalog, not English. */
export const isDanish = (language: string): boolean => language.toLowerCase().startsWith("da");
