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

class HelpPage {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPage", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPage", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
        () => {
          if (!compilation.getAsset(METADATA)) return;
          const { functions } = readMetadata(compilation);
          const sections = functions.map((fn) => {
            const rows = fn.parameters
              .map(
                (p) =>
                  `<tr><td><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}</td>` +
                  `<td>${escapeHtml(p.description || "")}</td></tr>`,
              )
              .join("\n");
            return [
              `<section id="${escapeHtml(fn.id)}">`,
              `<h2><code>${escapeHtml(signature(fn))}</code></h2>`,
              `<p>${escapeHtml(fn.description)}</p>`,
              `<table><thead><tr><th>Argument</th><th>Meaning</th></tr></thead><tbody>${rows}</tbody></table>`,
              `</section>`,
            ].join("\n");
          });
          const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Retention Metrics for Excel: function help</title>
<link rel="icon" type="image/png" href="assets/icon-16.png">
<link rel="stylesheet" href="taskpane.css">
</head>
<body class="help">
<h1>Retention Metrics for Excel: functions</h1>
<p>Rates come back as fractions (format the cell as %); NPS in points. A problem with an input cell
gives #VALUE! with a message naming the argument, the row and the value; a zero denominator gives #DIV/0!.</p>
${sections.join("\n")}
</body>
</html>
`;
          compilation.emitAsset("help.html", new sources.RawSource(page));
        },
      );
    });
  }
}

module.exports = { AddErrorInputsToMetadata, HelpPage };
