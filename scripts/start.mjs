// `npm start`: builds the add-in once, keeps rebuilding on changes, and serves the same build twice:
// - http://localhost:3001: the playground, a sample workbook with the add-in in a plain browser
//   (no Excel, no certificate to trust);
// - https://localhost:3000: the origin manifest.xml names, for sideloading into Excel.
// One webpack compiler (webpack-dev-middleware, in memory) behind both servers. Exits non-zero if
// the first build fails or a port is taken: it never looks fine after a failure. Both servers
// listen on the loopback interface and answer only to this machine's names on their own port
// (scripts/local-server.js).
import { createRequire } from "node:module";
import { createServer as createNetServer } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const devMiddleware = require("webpack-dev-middleware");
const makeConfig = require("../webpack.config.js");
const { httpsServerOptions, caCertificatePath } = require("./dev-certs.js");
const { allowMetadataReads, refuseRequest } = require("./local-server.js");

const PORT = Number(process.env.PORT ?? 3000);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? PORT + 1);
const HOST = "localhost";

function fail(message) {
  console.error(`\nnpm start failed: ${message}`);
  process.exit(1);
}

/** Resolves when nothing listens on the port; a server would only fail later. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

function listen(server, port, what) {
  return new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(new Error(`the ${what} server could not start on port ${port} (${error.message})`))
    );
    server.listen(port, HOST, resolve);
  });
}

async function main() {
  if (PORT === PLAYGROUND_PORT)
    fail(`PORT and PLAYGROUND_PORT are both ${PORT}; they must differ.`);
  for (const [port, name, hint] of [
    [PORT, "PORT", "Excel expects 3000"],
    [PLAYGROUND_PORT, "PLAYGROUND_PORT", "any free port will do"],
  ]) {
    if (!(await portIsFree(port))) {
      fail(
        `port ${port} is already in use (another npm start?). Stop it, or choose another with ${name}=… npm start (${hint}).`
      );
    }
  }
  const https = await httpsServerOptions().catch((error) =>
    fail(`could not create the development certificates (${error.message})`)
  );
  const config = await makeConfig({}, { mode: "development" });
  const compiler = webpack(config);

  let firstBuild = true;
  compiler.hooks.done.tap("start", (stats) => {
    if (!firstBuild) {
      if (!stats.hasErrors())
        console.log(
          `Rebuilt at ${new Date().toLocaleTimeString()}: reload the page to see the change.`
        );
      return;
    }
    firstBuild = false;
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: true }));
      fail("the add-in did not build (errors above)");
    }
    const playground = `http://localhost:${PLAYGROUND_PORT}`;
    const excel = `https://localhost:${PORT}`;
    console.log(`
Retention Metrics for Excel is running.

  Playground:  ${playground}/playground.html
               Open it in a browser: a sample workbook with the add-in's functions and its task
               pane, no Excel needed (a stand-in for Excel, not a replacement).

  For Excel:   ${excel} (sideload manifest.xml: see README, "Sideload into Excel")
    Task pane:      ${excel}/taskpane.html
    Function help:  ${excel}/help.html
    Functions:      ${excel}/functions.json

The certificate authority for https is ${caCertificatePath}; trust it once on the machine that runs Excel.
Press Ctrl+C to stop.
`);
  });

  // The build is served from memory; "/" is the playground.
  const serveBuild = devMiddleware(compiler, {
    stats: "errors-warnings",
    index: "playground.html",
  });
  await serveOnLoopback({ serveBuild, https, port: PORT, playgroundPort: PLAYGROUND_PORT }).catch(
    (error) => fail(error.message)
  );
}

/**
 * Serves the build (a connect-style middleware) on the loopback interface: over https on `port`
 * for Excel, over http on `playgroundPort` for the playground. Requests for another host, or with
 * a URL that cannot be read, are refused before the build sees them; only the https server lets
 * Office pages read the function metadata cross-origin (Excel on the web does). Resolves to both
 * servers once they listen (port 0: any free port).
 */
export async function serveOnLoopback({ serveBuild, https, port, playgroundPort }) {
  const handlerFor =
    (server, { forExcel }) =>
    (request, response) => {
      if (refuseRequest(request, response, { port: () => server.address().port })) return;
      if (forExcel) allowMetadataReads(request, response);
      serveBuild(request, response, () => {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      });
    };
  const excel = createHttpsServer(https);
  excel.on("request", handlerFor(excel, { forExcel: true }));
  const playground = createHttpServer();
  playground.on("request", handlerFor(playground, { forExcel: false }));
  await listen(excel, port, "https");
  await listen(playground, playgroundPort, "playground");
  return { excel, playground };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => fail(error.stack ?? String(error)));
}
