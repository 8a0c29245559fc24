// office-addin-lint picks this file up: the Office add-in rules (load before read, sync before
// read, no sync in loops) and Prettier, plus the house rules of docs/style.md made mechanical.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const officeGlobals = { Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeRuntime: "readonly" };

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
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document", "fetch", "localStorage"].map(
          (name) => ({ name, message: "src/core is pure: no Office, DOM or I/O (docs/style.md)." }),
        ),
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/functions/**", "**/taskpane/**", "**/workbook/**", "**/playground/**"], message: "An arrow never points up: core imports nothing from the outer rooms." },
            { group: ["hyperformula", "hyperformula/**"], message: "HyperFormula (GPL-3.0) stays in tests and the playground." },
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
