import type { Route } from "../routes";
import { compileRoute, type RouteMatcher } from "./route-match";

/** The methods the local host knows; anything else is answered 405 before routing. */
export const knownMethods: readonly string[] = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
];

export type RouteLookup =
  | { readonly kind: "found"; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: "not-found" }
  | { readonly kind: "wrong-method"; readonly allow: string };

/** An Allow header: the methods in the usual order, HEAD wherever GET is, OPTIONS always. */
export const allowHeader = (methods: Iterable<string>): string => {
  const given = new Set(methods);
  if (given.has("GET")) given.add("HEAD");
  given.add("OPTIONS");
  return knownMethods.filter((m) => given.has(m)).join(", ");
};

/**
 * The route table as the local host looks requests up in it: by path first, then by method, so
 * that a path that exists with other methods gets 405 with Allow rather than 404. HEAD is looked
 * up as GET (the answer goes out without its body).
 */
export const createRouteTable = (routes: readonly Route[], prefix = "/api") => {
  const compiled: { route: Route; matcher: RouteMatcher }[] = routes.map((route) => ({
    route,
    matcher: compileRoute(`${prefix}${route.spec.path}`),
  }));
  const matching = (path: string) =>
    compiled.flatMap(({ route, matcher }) => {
      const params = matcher.match(path);
      return params ? [{ route, params }] : [];
    });
  return {
    lookup(method: string, path: string): RouteLookup {
      const candidates = matching(path);
      if (candidates.length === 0) return { kind: "not-found" };
      const wanted = method === "HEAD" ? "GET" : method;
      const hit = candidates.find((c) => c.route.spec.method === wanted);
      if (hit) return { kind: "found", ...hit };
      return {
        kind: "wrong-method",
        allow: allowHeader(candidates.map((c) => c.route.spec.method)),
      };
    },
    /** The Allow header for a path, or undefined when no route has it. */
    allowFor(path: string): string | undefined {
      const candidates = matching(path);
      return candidates.length
        ? allowHeader(candidates.map((c) => c.route.spec.method))
        : undefined;
    },
  };
};

export type RouteTable = ReturnType<typeof createRouteTable>;
