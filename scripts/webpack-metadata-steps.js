/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- build step, runs in Node */
/**
 * Two build steps on the functions.json that custom-functions-metadata-plugin emits:
 * - AddErrorInputsToMetadata: sets "allowErrorForDataTypeAny": true, which the generator never
 *   writes, so that error cells in an input range reach the functions (and are passed on, as SUM
 *   passes them on) instead of Excel failing the call before it starts;
 * - HelpPage: writes help.html, the page every function's @helpurl points at, from the same
 *   metadata, so the help can never drift from what Excel shows.
 */
const { Compilation, sources } = require("webpack");

const METADATA = "functions.json";

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function readMetadata(compilation) {
  const asset = compilation.getAsset(METADATA);
  if (!asset) throw new Error(`${METADATA} was not generated`);
  return JSON.parse(asset.source.source().toString());
}

class AddErrorInputsToMetadata {
  apply(compiler) {
    // custom-functions-metadata-plugin puts functions.json into every compilation, html-webpack-
    // plugin's child compilations too; merged back into the main compilation after the step below
    // has changed it there, that copy conflicts ("Multiple assets emit different content to the
    // same filename functions.json") and fails every rebuild of `npm start`. Children need none.
    compiler.hooks.compilation.tap("AddErrorInputsToMetadata", (compilation) => {
      if (!compilation.compiler.isChild()) return;
      compilation.hooks.processAssets.tap(
        { name: "AddErrorInputsToMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          if (compilation.getAsset(METADATA)) compilation.deleteAsset(METADATA);
        },
      );
    });
    compiler.hooks.thisCompilation.tap("AddErrorInputsToMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddErrorInputsToMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          if (!compilation.getAsset(METADATA)) return; // the metadata step reported its own error
          const metadata = readMetadata(compilation);
          metadata.allowErrorForDataTypeAny = true;
          compilation.updateAsset(METADATA, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

function signature(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `SAAS.${fn.name}(${params.join(", ")})`;
}

/** The help page's own words, per language; the function texts come from the metadata. */
const HELP_TEXTS = {
  en: {
    file: "help.html",
    metadata: "functions.json",
    lang: "en",
    title: "Retention Metrics for Excel: function help",
    heading: "Retention Metrics for Excel: functions",
    intro:
      "Rates come back as fractions (format the cell as %); NPS in points. A problem with an input cell gives #VALUE! with a message naming the argument, the cell and the value, such as end_mrr C18: \"1,200\" is text, not a number (where Excel does not give the range's address, the row within the range: end_mrr row 17). A zero denominator gives #DIV/0!.",
    argument: "Argument",
    meaning: "Meaning",
    optional: " (optional)",
  },
  "zh-CN": {
    file: "help.zh-CN.html",
    metadata: "functions.zh-CN.json",
    lang: "zh-CN",
    title: "Excel 留存指标：函数帮助",
    heading: "Excel 留存指标：函数",
    intro:
      "比率以小数返回（请将单元格设为百分比格式）；NPS 以分计。输入单元格有问题时返回 #VALUE!，其消息会指出参数、单元格和值，例如 期末收入 C18：“1,200” 是文本，不是数字（Excel 未提供区域地址时，则指出区域内的行：期末收入 第 17 行）。分母为零时返回 #DIV/0!。",
    argument: "参数",
    meaning: "含义",
    optional: "（可选）",
  },
};

class HelpPage {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPage", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPage", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 3 },
        () => {
          for (const texts of Object.values(HELP_TEXTS)) {
            const asset = compilation.getAsset(texts.metadata);
            if (!asset) continue; // the metadata step reported its own error
            const { functions } = JSON.parse(asset.source.source().toString());
            compilation.emitAsset(texts.file, new sources.RawSource(helpPage(functions, texts)));
          }
        },
      );
    });
  }
}

function helpPage(functions, texts) {
  const sections = functions.map((fn) => {
    const rows = fn.parameters
      .map(
        (p) =>
          `<tr><td><code>${escapeHtml(p.name)}</code>${p.optional ? escapeHtml(texts.optional) : ""}</td>` +
          `<td>${escapeHtml(p.description || "")}</td></tr>`,
      )
      .join("\n");
    return [
      `<section id="${escapeHtml(fn.id)}">`,
      `<h2><code>${escapeHtml(signature(fn))}</code></h2>`,
      `<p>${escapeHtml(fn.description)}</p>`,
      `<table><thead><tr><th>${escapeHtml(texts.argument)}</th><th>${escapeHtml(texts.meaning)}</th></tr></thead><tbody>${rows}</tbody></table>`,
      `</section>`,
    ].join("\n");
  });
  return `<!doctype html>
<html lang="${texts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(texts.title)}</title>
<link rel="icon" type="image/png" href="assets/icon-16.png">
<link rel="stylesheet" href="taskpane.css">
</head>
<body class="help">
<h1>${escapeHtml(texts.heading)}</h1>
<p>${escapeHtml(texts.intro)}</p>
${sections.join("\n")}
</body>
</html>
`;
}

module.exports = { AddErrorInputsToMetadata, HelpPage };
