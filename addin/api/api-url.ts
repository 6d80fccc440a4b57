/**
 * Where the API is. webpack's DefinePlugin replaces the expression with MERGELINE_API_URL from
 * the build's environment; the fallback covers tests and builds without it.
 */
export const apiBaseUrl = (): string =>
  process.env.MERGELINE_API_URL || "http://localhost:7071/api";
