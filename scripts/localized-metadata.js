/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- build step, runs in Node */
/**
 * Localized custom-function metadata. Excel picks the
 * metadata file through the manifest's <bt:Override Locale="zh-CN"> on Functions.Metadata.Url.
 * Ids and names stay as they are, so a workbook's formulas are the same in every language; the
 * descriptions and the parameter names and descriptions are translated. A function or parameter
 * missing from the translation fails the build, so a new function cannot ship half-translated.
 */
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");

const LOCALES_DIR = path.resolve(__dirname, "../src/functions/locales");

/** functions.json in `locale`, from the English metadata and src/functions/locales/<locale>.json. */
function localizeMetadata(metadata, translation, locale) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const own = translation.functions[fn.id];
    if (!own || !own.description) missing.push(`${fn.id}: description`);
    const parameters = fn.parameters.map((parameter) => {
      const text =
        (own && own.parameters && own.parameters[parameter.name]) ||
        translation.parameters[parameter.name];
      if (!text || !text.name || !text.description)
        missing.push(`${fn.id}: parameter ${parameter.name}`);
      return {
        ...parameter,
        name: text ? text.name : parameter.name,
        description: text ? text.description : parameter.description,
      };
    });
    return {
      ...fn,
      description: own ? own.description : fn.description,
      helpUrl: fn.helpUrl.replace(/help\.html#/, `help.${locale}.html#`),
      parameters,
    };
  });
  const unknown = Object.keys(translation.functions).filter(
    (id) => !metadata.functions.some((fn) => fn.id === id)
  );
  return { metadata: { ...metadata, functions }, missing, unknown };
}

class LocalizedMetadata {
  constructor(options = {}) {
    this.locales = options.locales ?? ["zh-CN"];
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 2 },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const metadata = JSON.parse(asset.source.source().toString());
          for (const locale of this.locales) {
            const file = path.join(LOCALES_DIR, `${locale}.json`);
            compilation.fileDependencies.add(file);
            const translation = JSON.parse(fs.readFileSync(file, "utf8"));
            const result = localizeMetadata(metadata, translation, locale);
            if (result.missing.length || result.unknown.length) {
              compilation.errors.push(
                new WebpackError(
                  `${locale} function metadata: missing ${result.missing.join(", ") || "nothing"}; unknown ids ${result.unknown.join(", ") || "none"} (src/functions/locales/${locale}.json)`
                )
              );
              continue;
            }
            compilation.emitAsset(
              `functions.${locale}.json`,
              new sources.RawSource(JSON.stringify(result.metadata, null, 2))
            );
          }
        }
      );
    });
  }
}

/** Only the parameter names of a translation: what the functions' error messages need. */
function parameterNames(locale) {
  const translation = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${locale}.json`), "utf8"));
  const names = (parameters) =>
    Object.fromEntries(
      Object.entries(parameters ?? {}).map(([key, value]) => [key, { name: value.name }])
    );
  return {
    parameters: names(translation.parameters),
    functions: Object.fromEntries(
      Object.entries(translation.functions).map(([id, fn]) => [
        id,
        { parameters: names(fn.parameters) },
      ])
    ),
  };
}

module.exports = { LocalizedMetadata, localizeMetadata, parameterNames };
