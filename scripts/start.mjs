// `npm start`: builds the add-in and serves it on https://localhost:3000, the origin manifest.xml
// names, so Excel (desktop or web) can sideload it. Exits non-zero if the first build fails or
// the server cannot start: it never looks fine after a failure.
import { createRequire } from "node:module";
import { createServer } from "node:net";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config.js");
const { httpsServerOptions, caCertificatePath } = require("./dev-certs.js");

const PORT = Number(process.env.PORT ?? 3000);

function fail(message) {
  console.error(`\nnpm start failed: ${message}`);
  process.exit(1);
}

/** Resolves when nothing listens on the port; the dev server itself would only throw later. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "localhost", () => probe.close(() => resolve(true)));
  });
}

async function main() {
  if (!(await portIsFree(PORT))) {
    fail(`port ${PORT} is already in use (another npm start?). Stop it, or run PORT=3001 npm start (Excel expects 3000).`);
  }
  const https = await httpsServerOptions().catch((error) => fail(`could not create the development certificates (${error.message})`));
  const config = await makeConfig({}, { mode: "development" });
  const compiler = webpack(config);
  let firstBuild = true;
  compiler.hooks.done.tap("start", (stats) => {
    if (!firstBuild) return;
    firstBuild = false;
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: true }));
      fail("the add-in did not build (errors above)");
    }
    const origin = `https://localhost:${PORT}`;
    console.log(`
Retention Metrics for Excel is being served at ${origin}

  Task pane:       ${origin}/taskpane.html
  Function help:   ${origin}/help.html
  Functions:       ${origin}/functions.json
  Manifest:        manifest.xml (sideload it: see README, "Sideload into Excel")

The certificate authority is ${caCertificatePath}; trust it once on the machine that runs Excel.
Press Ctrl+C to stop.
`);
  });
  const server = new WebpackDevServer(
    {
      port: PORT,
      host: "localhost",
      server: { type: "https", options: https },
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      static: false,
      client: { overlay: { errors: true, warnings: false } },
      devMiddleware: { stats: "errors-warnings" },
    },
    compiler,
  );
  await server.start().catch((error) => fail(`the server could not start on port ${PORT} (${error.message})`));
}

main().catch((error) => fail(error.stack ?? String(error)));
