import { config } from "zod";

/**
 * The pane's Content-Security-Policy forbids eval (infra/staticwebapp.config.json), so zod's
 * compiled fast path can never run here. Without this, zod probes for it with `new Function`
 * on the first check of an answer, and the browser reports that probe as a CSP violation on
 * every start. Imported before the contract by the API client.
 */
config({ jitless: true });
