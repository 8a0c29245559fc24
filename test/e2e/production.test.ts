/**
 * A build for a host, served the way a host serves it (docs/deploy.md): over https, with a
 * throwaway certificate, from https://metrics.example.test:<port>, a name Chromium is told to find
 * on 127.0.0.1 (--host-resolver-rules), so nothing in the test needs localhost. The build is made
 * for exactly that origin (ADDIN_ORIGIN), as a release is for its host. The task pane and both
 * help pages load from it with no console error, no page error, no Content-Security-Policy
 * violation, and no request anywhere but the origin and Office's CDN (which cannot be reached from
 * here: the pane then loads its own copy of office.js); every URL of the manifest answers there.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDist } from "../../scripts/serve-dist.mjs";
import { throwawayCertificate } from "../support/certificate";
import { CHROMIUM_ARGS, OFFICE_JS_CDN } from "./support";

const ROOT = resolve(__dirname, "../..");
const HOST = "metrics.example.test";
const OFFICE_CDN_HOST = "appsforoffice.microsoft.com";
const require = createRequire(import.meta.url);

let site: string;
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), "production-site-"));
  const certificate = await throwawayCertificate(HOST);
  // The server first, for its port: the build must name the origin it is served from.
  server = await serveDist({
    root: site,
    https: { key: certificate.key, cert: certificate.cert },
    hostnames: [HOST],
  });
  origin = server.url;
  const started = Date.now();
  const build = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", site],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, ADDIN_ORIGIN: origin }, timeout: 240_000 }
  );
  if (build.status !== 0) throw new Error(`the build for ${origin} failed:\n${build.stderr}`);
  console.log(`production build for ${origin}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: [
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      // Accept this one throwaway certificate, and no other certificate error.
      `--ignore-certificate-errors-spki-list=${certificate.spkiSha256}`,
    ],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

interface Visit {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
  close(): Promise<void>;
}

/** Opens `path` on the origin in a fresh context, recording requests and every kind of error. */
async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
      );
    });
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  const offline = (url: string) => {
    try {
      return new URL(url).hostname === OFFICE_CDN_HOST;
    } catch {
      return false;
    }
  };
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error" && !offline(message.location().url))
      problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (!offline(request.url()))
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(`${origin}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, requests, problems, close: () => context.close() };
}

/** Requests to anywhere but the origin and office.js on Office's CDN. */
const elsewhere = (requests: readonly string[]) =>
  requests.filter((url) => !url.startsWith(`${origin}/`) && url !== OFFICE_JS_CDN);

describe("a build for a host, served over https from its own origin", () => {
  it("is served from a host name that is not localhost, with a certificate for it", () => {
    expect(origin).toMatch(/^https:\/\/metrics\.example\.test:\d+$/);
    expect(readFileSync(join(site, "manifest.xml"), "utf8")).toContain(
      `<SourceLocation DefaultValue="${origin}/taskpane.html"/>`
    );
  });

  it("loads the task pane: it starts, lists the functions, asks nothing of any other origin", async () => {
    const { page, requests, problems, close } = await visit("/taskpane.html");
    try {
      await page.waitForSelector("#host-status[data-ready]");
      await page.waitForSelector("#function-list li");
      const listed = JSON.parse(readFileSync(join(site, "functions.json"), "utf8")) as {
        functions: unknown[];
      };
      expect(await page.locator("#function-list li").count()).toBe(listed.functions.length);
      // office.js outside Office would open its telemetry frame 3 s after loading: wait past it.
      await page.waitForTimeout(4_000);
      expect(requests).toContain(OFFICE_JS_CDN);
      expect(requests).toContain(`${origin}/functions.json`);
      expect(elsewhere(requests)).toEqual([]);
      expect(problems).toEqual([]);
      console.log(
        `task pane on ${origin}: ${requests.length} requests (${requests.filter((url) => url.startsWith(origin)).length} to the origin, ${requests.filter((url) => url === OFFICE_JS_CDN).length} for office.js on Office's CDN)`
      );
    } finally {
      await close();
    }
  });

  it.each(["/help.html#NRR", "/help.zh-CN.html#NRR"])(
    "loads the help page %s with no error and no request elsewhere",
    async (path) => {
      const { page, requests, problems, close } = await visit(path);
      try {
        await page.waitForLoadState("load");
        await expect(page.locator("section#NRR h2").textContent()).resolves.toContain("SAAS.NRR(");
        expect(elsewhere(requests)).toEqual([]);
        expect(requests.some((url) => url.includes(OFFICE_CDN_HOST))).toBe(false);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }
  );

  it("answers every URL of the manifest on the origin, with the headers of docs/deploy.md", async () => {
    const manifest = readFileSync(join(site, "manifest.xml"), "utf8");
    const urls = [
      ...new Set(
        [...manifest.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map(
          (match) => match[1] ?? ""
        )
      ),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(10);
    const { page, close } = await visit("/taskpane.html");
    try {
      const answers = await page.evaluate(
        (list) =>
          Promise.all(
            list.map(async (url) => {
              const response = await fetch(url, { cache: "no-store" });
              return {
                url,
                status: response.status,
                type: response.headers.get("content-type"),
                cache: response.headers.get("cache-control"),
                cors: response.headers.get("access-control-allow-origin"),
              };
            })
          ),
        urls
      );
      for (const answer of answers) {
        expect(answer.url.startsWith(`${origin}/`), answer.url).toBe(true);
        expect(answer.status, answer.url).toBe(200);
        const file = new URL(answer.url).pathname;
        if (file.endsWith(".png")) {
          expect(answer.type).toBe("image/png");
          expect(answer.cache, answer.url).not.toMatch(/no-cache|no-store/);
        } else {
          expect(answer.cache, answer.url).toBe("no-cache");
        }
        if (file.endsWith(".json")) {
          expect(answer.type).toBe("application/json; charset=utf-8");
          expect(answer.cors, answer.url).toBe("*");
        }
        if (file.endsWith(".js")) expect(answer.type).toBe("text/javascript; charset=utf-8");
        if (file.endsWith(".html")) expect(answer.type).toBe("text/html; charset=utf-8");
      }
    } finally {
      await close();
    }
  });
});
