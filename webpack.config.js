// CommonJS: webpack-cli loads this file as it is, and so can scripts/start.ts with require().
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEFAULT_API_URL = "http://localhost:7071/api";
const DEV_SERVER_PORT = 3000;

/** The certificate logic is TypeScript; tsx (already a dev dependency) loads it on demand. */
const loadDevCerts = () => {
  const { require: tsxRequire } = require("tsx/cjs/api");
  return tsxRequire("./scripts/dev-certs.ts", __filename);
};

/**
 * @param {Record<string, unknown>} env webpack-cli sets WEBPACK_SERVE for `webpack serve`
 * @param {{ mode?: string }} argv
 * @returns {Promise<import("webpack").Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const apiUrl = process.env.MERGELINE_API_URL || DEFAULT_API_URL;

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
      commands: "./addin/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "/",
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
        // process.env.NODE_ENV comes from `mode`; it also drops the dev identity (api/dev-identity.ts).
        "process.env.MERGELINE_API_URL": JSON.stringify(apiUrl),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./addin/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
    ],
    optimization: dev
      ? {}
      : {
          // React and Fluent change far less often than the pane: a separate, long-cached chunk.
          splitChunks: {
            chunks: "all",
            cacheGroups: {
              vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "all" },
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
