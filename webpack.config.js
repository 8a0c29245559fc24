/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- webpack config runs in Node (CommonJS) */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { AddErrorInputsToMetadata, HelpPage } = require("./scripts/webpack-metadata-steps");
const { httpsServerOptions } = require("./scripts/dev-certs");
const { LocalizedMetadata, parameterNames } = require("./scripts/localized-metadata");
const { functionParameters } = require("./scripts/function-parameters");
const {
  AddinOriginPlugin,
  DEV_ORIGIN,
  manifestFor,
  manifestVersion,
  parseAddinOrigin,
} = require("./scripts/addin-origin");
const { LOOPBACK_HOSTNAMES, allowMetadataReads, refuseRequest } = require("./scripts/local-server");
const { DefinePlugin } = require("webpack");
const { version } = require("./package.json");

const functionFiles = require("./scripts/function-files").functionFiles();

/**
 * The origin this build is for: ADDIN_ORIGIN in a production build (`npm run build`), else the
 * development server. `--env local` (npm test, the benchmark) always builds for the development
 * server, whatever the shell exports. A bad ADDIN_ORIGIN stops the build with its reason.
 */
function buildOrigin(env, production) {
  const wanted = process.env.ADDIN_ORIGIN;
  if (wanted === undefined || env.local) return DEV_ORIGIN;
  if (!production) {
    console.warn(
      "ADDIN_ORIGIN is ignored by development builds (npm start, dev-server, build:dev)."
    );
    return DEV_ORIGIN;
  }
  const origin = parseAddinOrigin(wanted);
  if (origin instanceof Error) {
    console.error(`\n${origin.message}\n`);
    process.exit(1);
  }
  return origin;
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = process.env.WEBPACK_SERVE === "true";
  const origin = buildOrigin(env, production);
  // A build for a host ships the add-in only: the playground (a development page with HyperFormula,
  // GPL-3.0) stays out, and source maps carry positions but not the sources, whose comments name
  // the development server.
  const forHost = origin !== DEV_ORIGIN;
  const manifestVersionText = manifestVersion(version);
  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the task pane page forbids eval (Content-Security-Policy).
    devtool: forHost ? "nosources-source-map" : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The playground page (npm start, browser tests): HyperFormula (GPL-3.0) lives in this
      // bundle only, never in functions.js or taskpane.js (test/functions/bundle.test.ts).
      ...(forHost ? {} : { playground: "./src/playground/playground.ts" }),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    performance: { hints: false },
    // `npm run dev-server`: what `npm start` serves, for those who prefer the webpack CLI. On the
    // loopback interface only, answering to this machine's names on its own port, without the
    // asset listing page, and with cross-origin reads of the function metadata only
    // (scripts/local-server.js).
    devServer: {
      host: "localhost",
      port: 3000,
      static: false,
      allowedHosts: LOOPBACK_HOSTNAMES.map((name) => name.replace(/^\[|\]$/g, "")),
      server: serving ? { type: "https", options: await httpsServerOptions() } : undefined,
      setupMiddlewares: (middlewares, devServer) => [
        {
          name: "loopback-only",
          middleware: (request, response, next) => {
            const port = () => devServer.server.address().port;
            if (refuseRequest(request, response, { port })) return;
            allowMetadataReads(request, response);
            next();
          },
        },
        ...middlewares.filter((each) => each.name !== "webpack-dev-server-assets"),
      ],
    },
    plugins: [
      // The Chinese parameter names for the messages (src/i18n/errors.ts), and each function's
      // parameter names in order, from the metadata generated for this very build, so that the
      // address Excel passes for an argument is known by its name (src/functions/toExcel.ts).
      new DefinePlugin({
        __ZH_CN_PARAMETER_NAMES__: JSON.stringify(parameterNames("zh-CN")),
        __FUNCTION_PARAMETERS__: DefinePlugin.runtimeValue(
          () => JSON.stringify(functionParameters(functionFiles)),
          { fileDependencies: functionFiles.map((file) => path.resolve(__dirname, file)) }
        ),
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new AddErrorInputsToMetadata(),
      new LocalizedMetadata({ locales: ["zh-CN"] }),
      new HelpPage(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the custom functions run in the task pane's page.
        chunks: ["taskpane", "functions"],
        chunksSortMode: "manual",
      }),
      ...(forHost
        ? [new AddinOriginPlugin({ origin })]
        : [
            new HtmlWebpackPlugin({
              filename: "playground.html",
              template: "./src/playground/playground.html",
              // Only the page's own bundle: it loads functions.js itself, after setting up the
              // CustomFunctions stand-in, and the task pane in a frame.
              chunks: ["playground"],
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          ...(forHost
            ? []
            : [
                { from: "src/playground/playground.css", to: "playground.css" },
                // ExcelJS's browser build (MIT) for the playground's .xlsx files, loaded by that
                // page only, never by the add-in.
                {
                  from: "node_modules/exceljs/dist/exceljs.bare.min.js",
                  to: "vendor/exceljs.min.js",
                  info: { minimized: true },
                },
              ]),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              manifestFor(content.toString(), { origin, version: manifestVersionText }),
          },
          // office.js for pages that cannot reach Microsoft's CDN (this machine, the playground).
          // Only what office.js loads outside Office; minimized already, so not minified again.
          // Builds for a host keep it: it names no host, and the pane loads it only when the CDN's
          // copy did not load (src/taskpane/officeHost.ts).
          ...["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js"].map(
            (file) => ({
              from: `node_modules/@microsoft/office-js/dist/${file}`,
              to: `office-js/${file}`,
              info: { minimized: true },
            })
          ),
        ],
      }),
    ],
  };
};
