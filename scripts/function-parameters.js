/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- build step, runs in Node */
/**
 * Each custom function's parameter names in order, from the metadata custom-functions-metadata-
 * plugin generated from the JSDoc for the current build (it runs before the compilation that asks
 * for them), so the bundle never carries a second, hand-kept list that could drift.
 */
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** { NRR: ["start_mrr", "end_mrr", "segments", "segment"], … } for the metadata of `inputs`. */
function functionParameters(inputs) {
  // The plugin keys its results by its `input` option as given (an array turned into text).
  const result = CustomFunctionsMetadataPlugin.generateResults[inputs];
  if (!result) throw new Error("the function metadata was not generated before it was needed");
  const { functions } = JSON.parse(result.metadataJson);
  return Object.fromEntries(functions.map((fn) => [fn.id, fn.parameters.map((p) => p.name)]));
}

/** The same, generated directly (for vitest, which has no webpack compilation). */
async function generateFunctionParameters(inputs) {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(
    inputs.map((file) => path.resolve(file)),
    true
  );
  if (result.errors.length > 0) throw new Error(result.errors.join("\n"));
  const { functions } = JSON.parse(result.metadataJson);
  return Object.fromEntries(functions.map((fn) => [fn.id, fn.parameters.map((p) => p.name)]));
}

module.exports = { functionParameters, generateFunctionParameters };
