/**
 * scripts/serve-dist.mjs, the static server of the browser tests and the screenshots, over real
 * HTTP on a free port: it serves files inside its folder and nothing else (no `dist-foo` sibling,
 * no symlink out, no ".."), refuses foreign Host headers (DNS rebinding) and unreadable URLs
 * without falling over, and sends the hosting headers docs/deploy.md asks for.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostingHeaders, serveDist } from "../../scripts/serve-dist.mjs";
import { throwawayCertificate } from "../support/certificate";
import { type Target, send } from "./requests";

let folder: string;
let server: Awaited<ReturnType<typeof serveDist>>;
let target: Target;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "serve-dist-"));
  const dist = join(folder, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  mkdirSync(join(folder, "dist-foo"));
  writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(join(dist, "functions.json"), '{"functions":[]}');
  writeFileSync(join(dist, "functions.zh-CN.json"), '{"functions":[]}');
  writeFileSync(join(dist, "functions.js"), "void 0;");
  writeFileSync(join(dist, "assets", "icon-16.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(folder, "dist-foo", "secret.txt"), "sibling secret");
  writeFileSync(join(folder, "outside.txt"), "outside secret");
  symlinkSync(join(folder, "outside.txt"), join(dist, "link-out.txt"));
  symlinkSync(join(folder, "dist-foo"), join(dist, "dir-out"));
  symlinkSync(join(dist, "functions.js"), join(dist, "link-in.js"));
  server = await serveDist({ root: dist });
  target = { address: "127.0.0.1", port: server.port };
});

afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("serve-dist: only the files inside its folder", () => {
  it("serves a file of the folder, and the task pane for /", async () => {
    expect((await send(target, "/functions.js")).status).toBe(200);
    const root = await send(target, "/");
    expect(root.status).toBe(200);
    expect(root.body).toContain("<title>pane</title>");
  });

  it.each([
    ["a sibling folder whose name starts with the folder's", "/../dist-foo/secret.txt"],
    ["the same, percent-encoded", "/%2e%2e/dist-foo/secret.txt"],
    ["the same, with an encoded slash", "/..%2fdist-foo%2fsecret.txt"],
    ["a file above the folder", "/../outside.txt"],
    ["a symlink to a file outside", "/link-out.txt"],
    ["a symlink to a folder outside", "/dir-out/secret.txt"],
    ["a folder (no listing)", "/assets"],
    ["a missing file", "/nothing.js"],
  ])("answers 404 for %s (%s)", async (_what, path) => {
    const answer = await send(target, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("secret");
  });

  it("follows a symlink that stays inside the folder", async () => {
    const answer = await send(target, "/link-in.js");
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("void 0;");
  });

  it("answers GET and HEAD only", async () => {
    expect((await send(target, "/functions.js", { method: "HEAD" })).status).toBe(200);
    const post = await send(target, "/functions.js", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers["allow"]).toBe("GET, HEAD");
  });
});

describe("serve-dist: unreadable URLs and foreign hosts", () => {
  it.each([
    ["malformed percent-encoding", "/%E0%A4%A"],
    ["a lone percent sign", "/%"],
    ["an encoded NUL byte", "/functions.js%00.png"],
    ["an absolute-form target", "http://evil.example/functions.js"],
  ])("answers 400 to %s and keeps serving", async (_what, path) => {
    expect((await send(target, path)).status).toBe(400);
    expect((await send(target, "/functions.js")).status).toBe(200);
  });

  it.each([
    ["another site's name (DNS rebinding)", "evil.example"],
    ["another site's name on the server's port", `evil.example:PORT`],
    ["a loopback name on another port", "localhost:1"],
    ["no port", "localhost"],
    ["a name that only starts like localhost", "localhost.evil.example:PORT"],
  ])("answers 403 to a Host header naming %s", async (_what, host) => {
    const answer = await send(target, "/functions.js", {
      host: host.replace("PORT", String(target.port)),
    });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain("void 0");
  });

  it.each(["127.0.0.1", "localhost", "LocalHost", "[::1]"])(
    "serves a Host header naming %s on its own port",
    async (name) => {
      expect((await send(target, "/functions.js", { host: `${name}:${target.port}` })).status).toBe(
        200
      );
    }
  );
});

describe("serve-dist: the hosting headers of docs/deploy.md", () => {
  it("lets other origins read the function metadata, and nothing else", async () => {
    for (const path of ["/functions.json", "/functions.zh-CN.json"])
      expect((await send(target, path)).headers["access-control-allow-origin"], path).toBe("*");
    for (const path of ["/taskpane.html", "/functions.js", "/assets/icon-16.png", "/nothing.js"])
      expect(
        (await send(target, path)).headers["access-control-allow-origin"],
        path
      ).toBeUndefined();
  });

  it("sends content types, no-cache for what changes between versions, and cacheable icons", async () => {
    const pane = await send(target, "/taskpane.html");
    expect(pane.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(pane.headers["cache-control"]).toBe("no-cache");
    expect(pane.headers["x-content-type-options"]).toBe("nosniff");
    expect((await send(target, "/functions.js")).headers["content-type"]).toBe(
      "text/javascript; charset=utf-8"
    );
    const icon = await send(target, "/assets/icon-16.png");
    expect(icon.headers["content-type"]).toBe("image/png");
    expect(icon.headers["cache-control"]).toMatch(/max-age=\d+/);
    expect(icon.headers["cache-control"]).not.toMatch(/no-cache|no-store/);
  });

  it.each([
    ["taskpane.html", "text/html; charset=utf-8", "no-cache"],
    ["help.zh-CN.html", "text/html; charset=utf-8", "no-cache"],
    ["functions.js", "text/javascript; charset=utf-8", "no-cache"],
    ["office-js/office.js", "text/javascript; charset=utf-8", "no-cache"],
    ["functions.json", "application/json; charset=utf-8", "no-cache"],
    ["manifest.xml", "application/xml; charset=utf-8", "no-cache"],
    ["taskpane.js.map", "application/json; charset=utf-8", "no-cache"],
    ["taskpane.css", "text/css; charset=utf-8", "no-cache"],
    ["assets/icon-80.png", "image/png", "public, max-age=86400"],
  ])("hostingHeaders(%s): %s, %s", (file, type, cache) => {
    const headers = hostingHeaders(`/${file}`);
    expect(headers["Content-Type"]).toBe(type);
    expect(headers["Cache-Control"]).toBe(cache);
  });
});

describe("serve-dist over https", () => {
  it("serves the folder with a given certificate under a given host name only", async () => {
    const certificate = await throwawayCertificate("metrics.example.test");
    const secure = await serveDist({
      root: join(folder, "dist"),
      https: { key: certificate.key, cert: certificate.cert },
      hostnames: ["metrics.example.test"],
    });
    try {
      expect(secure.url).toBe(`https://metrics.example.test:${secure.port}`);
      const over = { address: "127.0.0.1", port: secure.port, https: true };
      const host = `metrics.example.test:${secure.port}`;
      expect((await send(over, "/functions.json", { host })).status).toBe(200);
      expect(
        (await send(over, "/functions.json", { host: `localhost:${secure.port}` })).status
      ).toBe(403);
    } finally {
      await secure.close();
    }
  });
});
