/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- webpack config runs in Node (CommonJS) */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { AddErrorInputsToMetadata, HelpPage } = require("./scripts/webpack-metadata-steps");
const { httpsServerOptions } = require("./scripts/dev-certs");
const { LocalizedMetadata, parameterNames } = require("./scripts/localized-metadata");
const { DefinePlugin } = require("webpack");

const fs = require("fs");

/**
 * Every family module holding custom functions (src/functions/*.ts but the entry and its
 * helpers): the metadata plugin reads each one's JSDoc and appends its associate calls.
 */
const NOT_FUNCTION_FAMILIES = new Set([
  "functions.ts",
  "toExcel.ts",
  "outsideExcel.ts",
  "localizedErrors.ts",
]);
const functionFiles = fs
  .readdirSync(path.resolve(__dirname, "src/functions"))
  .filter((file) => file.endsWith(".ts") && !NOT_FUNCTION_FAMILIES.has(file))
  .sort()
  .map((file) => `./src/functions/${file}`);

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = process.env.WEBPACK_SERVE === "true";
  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the task pane page forbids eval (Content-Security-Policy).
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The playground page (npm start, browser tests): HyperFormula (GPL-3.0) lives in this
      // bundle only, never in functions.js or taskpane.js (test/functions/bundle.test.ts).
      playground: "./src/playground/playground.ts",
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
    // `npm run dev-server`: what `npm start` serves, for those who prefer the webpack CLI.
    devServer: {
      port: 3000,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsServerOptions() } : undefined,
    },
    plugins: [
      // The Chinese parameter names for the functions' error messages (src/functions/localizedErrors.ts).
      new DefinePlugin({ __ZH_CN_PARAMETER_NAMES__: JSON.stringify(parameterNames("zh-CN")) }),
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
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        // Only the page's own bundle: it loads functions.js itself, after setting up the
        // CustomFunctions stand-in, and the task pane in a frame.
        chunks: ["playground"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/playground/playground.css", to: "playground.css" },
          // ExcelJS's browser build (MIT) for the playground's .xlsx files, loaded by that page only.
          {
            from: "node_modules/exceljs/dist/exceljs.bare.min.js",
            to: "vendor/exceljs.min.js",
            info: { minimized: true },
          },
          { from: "manifest.xml", to: "manifest.xml" },
          // office.js for pages that cannot reach Microsoft's CDN (this machine, the playground).
          // Only what office.js loads outside Office; minimized already, so not minified again.
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
