// CommonJS: webpack-cli loads this file as it is, and so can scripts/start.ts with require().
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEFAULT_API_URL = "http://localhost:7071/api";
const DEV_SERVER_PORT = 3000;
const DEFAULT_OUTPUT_PATH = path.resolve(__dirname, "dist/addin");

/** The certificate logic is TypeScript; tsx (already a dev dependency) loads it on demand. */
const loadDevCerts = () => {
  const { require: tsxRequire } = require("tsx/cjs/api");
  return tsxRequire("./scripts/dev-certs.ts", __filename);
};

/** The production build's manifests and bundle checks are TypeScript too (scripts/build-*.ts). */
const loadBuildScripts = () => {
  const { require: tsxRequire } = require("tsx/cjs/api");
  return {
    ...tsxRequire("./scripts/build-manifests.ts", __filename),
    ...tsxRequire("./scripts/build-bundle-guard.ts", __filename),
  };
};

/**
 * Production only: fails the build when an asset carries a development switch or a secret, and
 * writes dist/manifest.xml and dist/teams/ for the public URL once the pane is on disk.
 * @param {ReturnType<typeof loadBuildScripts>} scripts
 * @param {import("./scripts/build-manifests").BuildSettings} settings
 * @returns {import("webpack").WebpackPluginInstance}
 */
const productionOutputs = (scripts, settings) => ({
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("MergelineBundleGuard", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "MergelineBundleGuard", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const texts = Object.entries(assets).map(([name, source]) => ({
            name,
            text: source.source().toString(),
          }));
          for (const leak of scripts.findBundleLeaks(texts)) {
            compilation.errors.push(
              new webpack.WebpackError(`${leak.asset} contains ${leak.what}; it must not ship.`),
            );
          }
        },
      );
    });
    compiler.hooks.afterEmit.tap("MergelineManifests", (compilation) => {
      // A failed build must not leave manifests that point at a pane that was not built.
      if (compilation.errors.length > 0) return;
      // Manifests belong to dist/; a build elsewhere (--output-path: the e2e test, the pane
      // benchmark) is a bundle only and leaves dist/ as it was.
      if (compiler.outputPath !== DEFAULT_OUTPUT_PATH) return;
      for (const warning of scripts.buildWarnings(settings)) console.warn(`warning: ${warning}`);
      const files = scripts.writeManifests(settings);
      console.log(
        `manifests for ${settings.publicUrl}: ${files.map((f) => `dist/${f}`).join(", ")}`,
      );
    });
  },
});

/**
 * @param {Record<string, unknown>} env webpack-cli sets WEBPACK_SERVE for `webpack serve`
 * @param {{ mode?: string }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  // A production build is for a public URL (`--env publicUrl=...` or MERGELINE_PUBLIC_URL; the
  // default is the dev server's); the dev server keeps serving from its own origin at "/".
  const production = !dev && !env.WEBPACK_SERVE;
  const buildScripts = production ? loadBuildScripts() : undefined;
  const settings = buildScripts?.resolveBuildSettings({
    publicUrl: env.publicUrl,
    apiUrl: env.apiUrl,
    clientId: env.clientId,
  });
  const apiUrl = settings?.apiUrl || process.env.MERGELINE_API_URL || DEFAULT_API_URL;
  /** The API's origin when it is one of its own (an absolute URL), else none. */
  const apiOriginOf = (url) => {
    try {
      return new URL(url).origin;
    } catch {
      return "";
    }
  };

  /** @type {import("webpack-dev-server").Configuration | undefined} */
  let devServer;
  // Only a served build needs a certificate; `webpack --mode production` never touches ~/.
  if (env.WEBPACK_SERVE) {
    const { key, cert } = await loadDevCerts().ensureDevCerts();
    devServer = {
      // Loopback only: the pane is for this machine's Office, not the network.
      host: "localhost",
      port: DEV_SERVER_PORT,
      server: { type: "https", options: { key, cert } },
      // Office for the web loads the pane in an iframe of another origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: true,
      open: false,
      // Everything served is built or copied by webpack; there is no public/ folder.
      static: false,
      // The API is a separate origin (MERGELINE_API_URL) with its own CORS; nothing is proxied.
      proxy: [],
      client: { overlay: { errors: true, warnings: false } },
    };
  }

  return {
    mode: dev ? "development" : "production",
    context: __dirname,
    entry: {
      taskpane: "./addin/taskpane/index.tsx",
      "early-start": "./addin/taskpane/early-start.ts",
      commands: "./addin/commands/commands.ts",
      "auth-dialog": "./addin/host/auth-dialog/auth-dialog.ts",
    },
    output: {
      path: DEFAULT_OUTPUT_PATH,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // A pane under a path (https://host/mergeline/) loads its chunks from there.
      publicPath: settings ? new URL(settings.publicUrl).pathname.replace(/\/?$/, "/") : "/",
      clean: true,
    },
    // Production maps carry no sources: stack traces still resolve, and the bundle's dist/ holds
    // nothing that minification removed (such as the development identity).
    devtool: dev ? "eval-source-map" : "nosources-source-map",
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      alias: { "@shared": path.resolve(__dirname, "shared") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Transpile only: `npm run lint` (tsc) is what type-checks.
          loader: "esbuild-loader",
          options: { target: "es2020", tsconfig: path.resolve(__dirname, "tsconfig.json") },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({
        // process.env.NODE_ENV comes from `mode`; it also drops the development sign-in (auth/token-provider.ts).
        "process.env.MERGELINE_API_URL": JSON.stringify(apiUrl),
        // The Entra app the pane signs in to, and the API scope it asks for (auth/auth-settings.ts).
        "process.env.MERGELINE_CLIENT_ID": JSON.stringify(
          settings?.clientId ?? process.env.MERGELINE_CLIENT_ID ?? "",
        ),
        "process.env.MERGELINE_API_SCOPE": JSON.stringify(
          settings && buildScripts
            ? `${buildScripts.applicationIdUri(settings)}/access_as_user`
            : (process.env.MERGELINE_API_SCOPE ?? ""),
        ),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        // The template writes the tags itself: the tiny start-up script, which names and later
        // loads the pane's main scripts (addin/taskpane/pane-scripts.ts).
        chunks: ["early-start", "taskpane"],
        chunksSortMode: "manual",
        inject: false,
        templateParameters: (compilation, assets, assetTags, options) => {
          const isEarlyStart = (file) => /[/]early-start[.]/.test(file);
          return {
            compilation,
            webpackConfig: compilation.options,
            htmlWebpackPlugin: { tags: assetTags, files: assets, options },
            // The API's origin, connected to while office.js loads (the first request goes there).
            apiOrigin: apiOriginOf(apiUrl),
            earlyStartScript: assets.js.find(isEarlyStart),
            // Named on the start-up script, which loads them (addin/taskpane/pane-scripts.ts).
            paneScripts: assets.js.filter((file) => !isEarlyStart(file)).join(" "),
          };
        },
      }),
      new HtmlWebpackPlugin({
        filename: "auth-dialog.html",
        template: "./addin/host/auth-dialog/auth-dialog.html",
        chunks: ["auth-dialog"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./addin/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
      ...(buildScripts && settings ? [productionOutputs(buildScripts, settings)] : []),
    ],
    optimization: dev
      ? {}
      : {
          // React and Fluent change far less often than the pane: a separate, long-cached chunk.
          // Only what the first paint needs goes there ("initial"): a library used by a view
          // loaded later (Drawer, Combobox, teams-js...) stays in that view's chunks.
          splitChunks: {
            // The tiny start-up script keeps its few modules to itself: a shared chunk would be
            // one more script for it to wait for.
            chunks: (chunk) => chunk.name !== "early-start",
            cacheGroups: {
              // The sign-in dialog is its own small page: it keeps its libraries to itself.
              vendor: {
                test: /[\\/]node_modules[\\/]/,
                name: "vendor",
                chunks: (chunk) => chunk.name === "taskpane" || chunk.name === "commands",
              },
            },
          },
        },
    performance: {
      // Fluent UI v9 + React are ~180 KB gzipped; warn only when the pane grows well beyond that.
      maxEntrypointSize: 1_000_000,
      maxAssetSize: 1_000_000,
    },
    devServer,
  };
};
