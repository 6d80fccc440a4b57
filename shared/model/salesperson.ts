import { z } from "zod";
import { Code, Email, PageQuery, Phone, ServerStamp, text } from "./common";
import { patchOf } from "./patch";

export const SalespersonFields = z.object({
  code: Code,
  name: text(50).min(1),
  jobTitle: text(30).optional(),
  email: Email.optional(),
  phone: Phone.optional(),
  blocked: z.boolean().default(false),
});
export const SalespersonCreate = SalespersonFields;
export const SalespersonPatch = patchOf(SalespersonFields.omit({ code: true }));
export const Salesperson = SalespersonFields.extend(ServerStamp.shape);
export type Salesperson = z.infer<typeof Salesperson>;

export const SalespersonParams = z.object({ code: Code });
export const SalespersonListQuery = PageQuery.extend({ search: z.string().max(100).optional() });
