import { z } from "zod";

/**
 * Building blocks shared by every entity. Business Central keys ("Code[20]") are upper case and
 * BC upper-cases what is typed into them, so we do too rather than refuse lower case; we accept
 * Danish letters because Danish customers write them into codes.
 */
export const Code = z
  .string()
  .toUpperCase()
  .min(1)
  .max(20)
  .regex(/^[\p{Lu}\p{N}][\p{Lu}\p{N} _\-./&+]*$/u, {
    message: "must be 1-20 upper-case letters, digits, spaces or - _ . / & +",
  })
  .meta({ description: "An upper-case code of at most 20 characters, as in Business Central." });

export const text = (max: number) => z.string().max(max);

export const IsoDate = z.iso.date().meta({ description: "A calendar date, YYYY-MM-DD." });
export const IsoDateTime = z.iso.datetime({ offset: true });

/** BCP 47 language tag such as da-DK or en-US; it also picks how dates and numbers are formatted. */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/, {
  message: "must be a language tag such as da-DK or en-US",
});

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: "must be a two-letter ISO 3166 country code such as DK" });

/** Unicode addresses are allowed: Danish domains such as æblegården.dk are real (IDN). */
export const Email = z
  .email({
    pattern: /^[^\s@"(),:;<>[\]\\]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u,
    message: "must be an e-mail address such as name@example.com",
  })
  .max(80);
export const Phone = z
  .string()
  .max(30)
  .regex(/^\+?[0-9][0-9 ()\-./]{2,29}$/, {
    message: "must be a phone number such as +45 33 12 34 56",
  });

export const Money = z
  .number()
  .min(0)
  .max(1_000_000_000)
  .meta({ description: "An amount in LCY." });
export const Minutes = z
  .number()
  .min(0)
  .max(1_000_000)
  .meta({ description: "A duration in minutes." });

export const CorrespondenceType = z.enum(["hardCopy", "email"]);
export const InformationFlow = z.enum(["outbound", "inbound"]);
export const InitiatedBy = z.enum(["us", "them"]);
export const Evaluation = z.enum([
  "veryPositive",
  "positive",
  "neutral",
  "negative",
  "veryNegative",
]);

/** Fields the server stamps on every stored entity; never accepted from a client. */
export const ServerStamp = z.object({
  etag: z.string().meta({ description: "Send it back in If-Match to update or delete." }),
  createdAt: IsoDateTime,
  createdBy: z.string(),
  modifiedAt: IsoDateTime,
  modifiedBy: z.string(),
});
export const serverStampKeys = [
  "etag",
  "createdAt",
  "createdBy",
  "modifiedAt",
  "modifiedBy",
] as const;

/** A list answer: one page and, when there is more, the token that fetches the next page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    continuationToken: z.string().optional().meta({
      description: "Pass as ?continuationToken= to get the next page; absent on the last.",
    }),
  });

export const PageQuery = z.object({
  top: z.coerce.number().int().min(1).max(500).default(50),
  continuationToken: z.string().max(4096).optional(),
});

const csvOrArray = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string()),
);
/** A query parameter that may carry several values: ?city=Aarhus,Odense */
export const listParam = csvOrArray;

/** A boolean in a query string: true/false/1/0. */
export const queryBoolean = z.preprocess(
  (v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v),
  z.boolean(),
);
