import type { PersonName } from "./person-names";

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The greeting line of a letter in the contact's language: first name in Scandinavia, title
 * and surname elsewhere. Dutch capitalizes the prefix of a surname when no first name precedes
 * it ("Geachte heer Van den Berg").
 */
export const salutationFor = (name: PersonName, languageCode: string): string => {
  const female = name.gender === "female";
  switch (languageCode) {
    case "da-DK":
      return `Kære ${name.firstName}`;
    case "sv-SE":
      return `Hej ${name.firstName}`;
    case "nb-NO":
      return `Hei ${name.firstName}`;
    case "de-DE":
      return female ? `Sehr geehrte Frau ${name.surname}` : `Sehr geehrter Herr ${name.surname}`;
    case "nl-NL":
      return `Geachte ${female ? "mevrouw" : "heer"} ${capitalize(name.surname)}`;
    case "en-US":
      return `Dear ${female ? "Ms." : "Mr."} ${name.surname}`;
    default:
      return `Dear ${female ? "Ms" : "Mr"} ${name.surname}`;
  }
};
