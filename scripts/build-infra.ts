/**
 * `npm run build:infra [-- --check]`: writes infra/cosmos-containers.json from
 * functions/store/containers.ts. infra/main.bicep creates the Cosmos DB containers from that file
 * (loadJsonContent), so the deployed partition keys and indexing policies are the code's, and
 * test/unit/infra/ fails when the two drift. With --check it only compares.
 *
 * Bicep owns the containers in Azure: with managed identity, the Functions' data-plane role
 * cannot create or change containers, so a policy changed in code must reach Azure through here.
 */
import fs from "node:fs";
import path from "node:path";
import { containers, type ContainerDef } from "../functions/store/containers";

export const CONTAINERS_JSON = path.resolve(__dirname, "../infra/cosmos-containers.json");

/** The containers as the Bicep reads them: in containers.ts's order, each exactly as defined. */
export const containersForInfra = (): ContainerDef[] => Object.values(containers);

export const renderContainersJson = (): string =>
  `${JSON.stringify(containersForInfra(), null, 2)}\n`;

if (require.main === module) {
  const expected = renderContainersJson();
  const actual = fs.existsSync(CONTAINERS_JSON) ? fs.readFileSync(CONTAINERS_JSON, "utf8") : "";
  const shown = path.relative(process.cwd(), CONTAINERS_JSON);
  if (process.argv.includes("--check")) {
    if (actual !== expected) {
      console.error(
        `${shown} is out of date with functions/store/containers.ts: run npm run build:infra`,
      );
      process.exitCode = 1;
    } else {
      console.log(`${shown}: up to date`);
    }
  } else {
    fs.mkdirSync(path.dirname(CONTAINERS_JSON), { recursive: true });
    fs.writeFileSync(CONTAINERS_JSON, expected);
    console.log(`wrote ${shown}`);
  }
}
