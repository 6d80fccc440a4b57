/**
 * Azure Functions route templates (`contacts/{no}`) as matchers, for the local host. Parameter
 * values are URL-decoded, as the Functions host does.
 */
export interface RouteMatcher {
  match(path: string): Record<string, string> | undefined;
}

export const compileRoute = (template: string): RouteMatcher => {
  const names: string[] = [];
  const pattern = template
    .split("/")
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_]+)(?::[^}]*)?\}$/.exec(segment);
      if (param) {
        names.push(param[1] as string);
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  const regex = new RegExp(`^${pattern}/?$`, "i");
  return {
    match(path) {
      const m = regex.exec(path);
      if (!m) return undefined;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] as string)));
      } catch {
        return undefined;
      }
      return params;
    },
  };
};
