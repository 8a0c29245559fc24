/**
 * The development servers, over real HTTP(S) on free ports: `npm start` (scripts/start.mjs, its
 * two servers in front of a stand-in for the in-memory build) and `npm run dev-server` (webpack-
 * dev-server with this repository's devServer settings, over a two-file build). Both listen on the
 * loopback interface only, refuse a Host header that is not this machine on their own port (DNS
 * rebinding) and URLs they cannot read, and let other origins read the function metadata only.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOnLoopback } from "../../scripts/start.mjs";
import { throwawayCertificate } from "../support/certificate";
import { type Target, send } from "./requests";

type MakeConfig = (
  env: Record<string, unknown>,
  argv: { mode: string }
) => Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;
const makeConfig = createRequire(import.meta.url)("../../webpack.config.js") as MakeConfig;

const LOOPBACK = ["127.0.0.1", "::1"];

function targetOf(server: HttpServer, https = false): Target {
  const { address, port } = server.address() as AddressInfo;
  return { address, port, https };
}

/** What a Host header for `target` looks like, with a given name. */
const hostFor = (name: string, target: Target) => `${name}:${target.port}`;

describe("npm start: the https server for Excel and the playground's http server", () => {
  const built: Record<string, string> = {
    "/taskpane.html": "<!doctype html><title>pane</title>",
    "/functions.json": '{"functions":[]}',
    "/functions.zh-CN.json": '{"functions":[]}',
    "/functions.js": "void 0;",
  };
  /** Stands in for webpack-dev-middleware: the build's files, by path. */
  const serveBuild = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const body = built[(request.url ?? "").split("?")[0] ?? ""];
    if (body === undefined) next();
    else response.writeHead(200).end(body);
  };
  let servers: { excel: HttpServer; playground: HttpServer };
  let excel: Target;
  let playground: Target;

  beforeAll(async () => {
    const certificate = await throwawayCertificate("localhost");
    servers = await serveOnLoopback({
      serveBuild,
      https: { key: certificate.key, cert: certificate.cert },
      port: 0,
      playgroundPort: 0,
    });
    excel = targetOf(servers.excel, true);
    playground = targetOf(servers.playground);
  });

  afterAll(async () => {
    for (const server of Object.values(servers ?? {})) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });

  it("listens on the loopback interface only", () => {
    expect(LOOPBACK).toContain(excel.address);
    expect(LOOPBACK).toContain(playground.address);
  });

  it("serves the build to this machine's names on its own port", async () => {
    for (const target of [excel, playground])
      for (const name of ["localhost", "127.0.0.1", "[::1]"])
        expect((await send(target, "/functions.js", { host: hostFor(name, target) })).status).toBe(
          200
        );
  });

  it("refuses any other Host header with 403 (DNS rebinding), on both servers", async () => {
    for (const target of [excel, playground]) {
      for (const host of ["evil.example", hostFor("evil.example", target), "localhost:1"]) {
        const answer = await send(target, "/functions.js", { host });
        expect(answer.status, host).toBe(403);
        expect(answer.body).not.toContain("void 0");
      }
    }
  });

  it("answers 400 to a URL it cannot read, then keeps serving", async () => {
    for (const target of [excel, playground]) {
      for (const path of ["/%E0%A4%A", "/%", "/functions.js%00"])
        expect((await send(target, path)).status, path).toBe(400);
      expect((await send(target, "/functions.js")).status).toBe(200);
    }
  });

  it("lets other origins read the function metadata on the Excel server, and nothing else", async () => {
    for (const path of ["/functions.json", "/functions.zh-CN.json"])
      expect((await send(excel, path)).headers["access-control-allow-origin"], path).toBe("*");
    for (const path of ["/taskpane.html", "/functions.js", "/missing.js"])
      expect(
        (await send(excel, path)).headers["access-control-allow-origin"],
        path
      ).toBeUndefined();
    for (const path of ["/functions.json", "/taskpane.html"])
      expect(
        (await send(playground, path)).headers["access-control-allow-origin"],
        path
      ).toBeUndefined();
  });

  it("answers 404 without echoing the request", async () => {
    const answer = await send(excel, "/%3Cscript%3E.js");
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("<script>");
  });
});

describe("npm run dev-server: webpack-dev-server with the repository's devServer settings", () => {
  let folder: string;
  let devServer: WebpackDevServer;
  let target: Target;

  beforeAll(async () => {
    // Loading webpack-dev-server marks the process as serving, which makes the config create the
    // development certificates in the user's home: this test serves http and needs none.
    const serving = process.env["WEBPACK_SERVE"];
    delete process.env["WEBPACK_SERVE"];
    const config = await makeConfig({}, { mode: "development" }).finally(() => {
      if (serving !== undefined) process.env["WEBPACK_SERVE"] = serving;
    });
    // A two-file build instead of the add-in's, named so that one of them is functions.json.
    folder = mkdtempSync(join(tmpdir(), "dev-server-"));
    writeFileSync(join(folder, "entry.js"), "void 0;\n");
    const compiler = webpack({
      mode: "development",
      context: folder,
      entry: { functions: "./entry.js", taskpane: "./entry.js" },
      output: { path: join(folder, "dist"), filename: "[name].js" },
      plugins: [
        {
          apply: (c: webpack.Compiler) =>
            c.hooks.thisCompilation.tap("metadata", (compilation) =>
              compilation.hooks.processAssets.tap("metadata", () =>
                compilation.emitAsset("functions.json", new c.webpack.sources.RawSource("{}"))
              )
            ),
        },
      ],
      infrastructureLogging: { level: "none" },
      stats: "none",
    });
    devServer = new WebpackDevServer(
      {
        ...config.devServer,
        port: 0,
        server: "http",
        hot: false,
        liveReload: false,
        client: false,
        setupExitSignals: false,
      },
      compiler
    );
    await devServer.start();
    target = targetOf(devServer.server as HttpServer);
    // Served from memory once the first build is done.
    await new Promise((done) => compiler.hooks.done.tap("test", () => done(undefined)));
  }, 60_000);

  afterAll(async () => {
    await devServer?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("listens on the loopback interface only", () => {
    expect(LOOPBACK).toContain(target.address);
  });

  it("serves the build to this machine's names on its own port", async () => {
    for (const name of ["localhost", "127.0.0.1", "[::1]"])
      expect((await send(target, "/functions.js", { host: hostFor(name, target) })).status).toBe(
        200
      );
  });

  it("refuses any other Host header with 403 (DNS rebinding)", async () => {
    for (const host of ["evil.example", hostFor("evil.example", target), "localhost:1"])
      expect((await send(target, "/functions.js", { host })).status, host).toBe(403);
  });

  it("does not list the build's assets", async () => {
    const answer = await send(target, "/webpack-dev-server");
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("functions.js");
  });

  it("answers 400 to a URL it cannot read", async () => {
    for (const path of ["/%E0%A4%A", "/functions.js%00"])
      expect((await send(target, path)).status, path).toBe(400);
  });

  it("lets other origins read the function metadata, and nothing else", async () => {
    const metadata = await send(target, "/functions.json");
    expect(metadata.status).toBe(200);
    expect(metadata.headers["access-control-allow-origin"]).toBe("*");
    expect(
      (await send(target, "/functions.js")).headers["access-control-allow-origin"]
    ).toBeUndefined();
  });
});
