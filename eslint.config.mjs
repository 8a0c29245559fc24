// office-addin-lint picks this file up: the Office add-in rules (load before read, sync before
// read, no sync in loops) and Prettier, plus the house rules of docs/style.md made mechanical.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const officeGlobals = { Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeRuntime: "readonly" };

/** The rooms above the pure ones (docs/architecture.md): a pure room never imports them. */
const OUTER_ROOMS = [
  "**/functions",
  "**/functions/**",
  "**/taskpane",
  "**/taskpane/**",
  "**/workbook",
  "**/workbook/**",
  "**/playground",
  "**/playground/**",
];

/** DuckDB, a native library: the command line (src/cli) and its tests only (docs/warehouse.md). */
const DUCKDB = {
  group: ["@duckdb/*", "@duckdb/**"],
  message: "DuckDB runs in the command line (src/cli) only, never in the add-in's bundles (docs/warehouse.md).",
};

/** The command line's room: Node, files and DuckDB. The add-in's rooms never import it. */
const COMMAND_LINE = ["**/cli", "**/cli/**"];

/** The SQL definitions' room (src/sql): the core and the analysis never import it. */
const SQL_ROOM = ["**/sql", "**/sql/**"];

/** Libraries for the playground, the tests and the command line: never in the add-in's bundles. */
const BUNDLE_LIBRARIES = [
  { group: ["hyperformula", "hyperformula/**"], message: "HyperFormula (GPL-3.0) stays in tests and the playground." },
  DUCKDB,
];

/** Globals a pure room must not touch: Office, the DOM, I/O. */
function impure(room) {
  return ["Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document", "fetch", "localStorage"].map(
    (name) => ({ name, message: `${room} is pure: no Office, DOM or I/O (docs/architecture.md).` }),
  );
}

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { ...globals.browser, ...officeGlobals },
    },
    rules: {
      // TypeScript checks names; ESLint's own check does not know type-only globals.
      "no-undef": "off",
    },
  },
  {
    // The core is pure: nothing of Office, the DOM or the other rooms of the house.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...impure("src/core")],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/analysis", "**/analysis/**", "**/i18n", "**/i18n/**", ...SQL_ROOM, ...COMMAND_LINE, ...OUTER_ROOMS],
              message: "An arrow never points up: core imports nothing from the other rooms.",
            },
            ...BUNDLE_LIBRARIES,
          ],
        },
      ],
    },
  },
  {
    // The analysis (the pane's use cases) is pure like the core and imports only the core.
    files: ["src/analysis/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...impure("src/analysis")],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/i18n", "**/i18n/**", ...SQL_ROOM, ...COMMAND_LINE, ...OUTER_ROOMS],
              message: "An arrow never points up: the analysis imports the core only.",
            },
            ...BUNDLE_LIBRARIES,
          ],
        },
      ],
    },
  },
  {
    // The catalogues word the core's and the analysis's messages; they import nothing else.
    files: ["src/i18n/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...impure("src/i18n")],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [...SQL_ROOM, ...COMMAND_LINE, ...OUTER_ROOMS], message: "src/i18n imports the core and the analysis only." },
            ...BUNDLE_LIBRARIES,
          ],
        },
      ],
    },
  },
  {
    // The SQL definitions (docs/warehouse.md) are text built from the core's constants: pure, and
    // they import the core only, so that a definition changed in the core changes them too.
    files: ["src/sql/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...impure("src/sql")],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/analysis", "**/analysis/**", "**/i18n", "**/i18n/**", ...COMMAND_LINE, ...OUTER_ROOMS],
              message: "src/sql imports the core only.",
            },
            ...BUNDLE_LIBRARIES,
          ],
        },
      ],
    },
  },
  {
    // The command line runs in Node beside the add-in, never inside it.
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: OUTER_ROOMS, message: "The command line imports the core, the analysis, src/i18n and src/sql only." },
            BUNDLE_LIBRARIES[0],
          ],
        },
      ],
    },
  },
  {
    // What the add-in's rooms import ends up in dist/functions.js and dist/taskpane.js.
    files: ["src/workbook/**/*.ts", "src/playground/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: COMMAND_LINE, message: "The command line (src/cli) is never part of the add-in." }, DUCKDB] },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["hyperformula", "hyperformula/**"], message: "HyperFormula (GPL-3.0) stays in tests and the playground." },
            { group: COMMAND_LINE, message: "The command line (src/cli) is never part of the add-in." },
            DUCKDB,
          ],
        },
      ],
    },
  },
  {
    // The task pane never imports the functions module: its injected associate calls would run twice.
    files: ["src/taskpane/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/functions", "**/functions/**"], message: "The task pane reaches functions only through src/core." },
            { group: ["hyperformula", "hyperformula/**"], message: "HyperFormula (GPL-3.0) stays in tests and the playground." },
            { group: COMMAND_LINE, message: "The command line (src/cli) is never part of the add-in." },
            DUCKDB,
          ],
        },
      ],
    },
  },
];
