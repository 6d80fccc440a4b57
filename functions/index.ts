import { app } from "@azure/functions";
import { createAppDeps, lazyDeps } from "./app-deps";
import { loadConfig } from "./config";
import { createRoutes } from "./routes";

// Azure Functions (Node v4 programming model): register every route of the table, nothing else.
const routes = createRoutes(lazyDeps(() => createAppDeps(loadConfig())));
for (const route of routes) {
  app.http(route.name, {
    methods: [route.spec.method],
    route: route.spec.path.slice(1),
    authLevel: "anonymous",
    handler: route.handler,
  });
}
