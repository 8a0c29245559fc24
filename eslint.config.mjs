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

/** Libraries for the playground, the tests and the command line: never in the add-in's bundles. */
const BUNDLE_LIBRARIES = [
  { group: ["hyperformula", "hyperformula/**"], message: "HyperFormula (GPL-3.0) stays in tests and the playground." },
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
              group: ["**/analysis", "**/analysis/**", "**/i18n", "**/i18n/**", ...OUTER_ROOMS],
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
              group: ["**/i18n", "**/i18n/**", ...OUTER_ROOMS],
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
            { group: OUTER_ROOMS, message: "src/i18n imports the core and the analysis only." },
            ...BUNDLE_LIBRARIES,
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["hyperformula", "hyperformula/**"], message: "HyperFormula (GPL-3.0) stays in tests and the playground." }] },
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
          ],
        },
      ],
    },
  },
];
