/**
 * What must never ship in the pane's production bundle: the development identity switch and
 * secrets. webpack.config.js runs this over every emitted asset of a production build and fails
 * the build on a finding, so a regression is caught before anything is uploaded.
 */

export interface BundleAsset {
  readonly name: string;
  readonly text: string;
}

export interface BundleLeak {
  readonly asset: string;
  readonly what: string;
}

interface Rule {
  readonly what: string;
  readonly pattern: RegExp;
}

const rules: readonly Rule[] = [
  // The local API's identity header: production code must not even know its name.
  { what: "the development identity header", pattern: /x-mergeline-dev-identity/i },
  { what: "the development issuer's token endpoint", pattern: /dev-issuer\/token/i },
  // Well-known development keys: public, but their presence means local settings leaked in.
  {
    what: "the Cosmos DB emulator key",
    pattern:
      /C2y6yDjf5\/R\+ob0N8A7Cgv30VRDJIWEHLM\+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/,
  },
  {
    what: "the Azurite account key",
    pattern:
      /Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw/,
  },
  { what: "a storage account key", pattern: /AccountKey=[A-Za-z0-9+/]{20,}/ },
  { what: "a shared access signature", pattern: /[?&]sig=[A-Za-z0-9%+/]{20,}/ },
  { what: "a private key", pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { what: "a Cosmos DB connection string", pattern: /AccountEndpoint=https:[^;]+;AccountKey=/ },
];

/** Text assets only: images and fonts cannot hold a switch, and scanning them finds noise. */
const scanned = /\.(?:m?js|html|json|css|map|txt)$/i;

export const findBundleLeaks = (assets: readonly BundleAsset[]): BundleLeak[] =>
  assets
    .filter((asset) => scanned.test(asset.name))
    .flatMap((asset) =>
      rules
        .filter((rule) => rule.pattern.test(asset.text))
        .map((rule) => ({
          asset: asset.name,
          what: rule.what,
        })),
    );
