import { defineConfig } from "vitest/config";
// The build's constants (webpack's DefinePlugin), so that modules importing src/i18n or the
// functions' boundary run under vitest as they run in the bundles.
import { generateFunctionParameters } from "./scripts/function-parameters";
import { functionFiles } from "./scripts/function-files";
import { parameterNames } from "./scripts/localized-metadata";

export default defineConfig(async () => ({
  define: {
    __ZH_CN_PARAMETER_NAMES__: JSON.stringify(parameterNames("zh-CN")),
    __FUNCTION_PARAMETERS__: JSON.stringify(await generateFunctionParameters(functionFiles())),
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    environment: "node",
    testTimeout: 30_000,
  },
}));
