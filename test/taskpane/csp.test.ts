/**
 * The built task pane page (dist/taskpane.html, what Excel loads) carries a
 * Content-Security-Policy: scripts only from the add-in's origin and Microsoft's Office CDN, no
 * inline script, no eval; and the build has put no inline script into the page. The browser
 * tests (test/e2e/safety.test.ts) check that it is enforced and that the pane breaks none of it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIST } from "../support/bundle";

const html = readFileSync(`${DIST}/taskpane.html`, "utf8");

/** The policy's directives, by name, from the page's meta http-equiv tag. */
function policy(): Map<string, string[]> {
  const metas = html.match(/<meta\b[^>]*>/gi) ?? [];
  const csp = metas.filter((tag) => /http-equiv=["']?Content-Security-Policy/i.test(tag));
  expect(csp, "one Content-Security-Policy meta tag").toHaveLength(1);
  const content = /content=("([^"]*)"|'([^']*)')/i.exec(csp[0] as string);
  const text = content?.[2] ?? content?.[3] ?? "";
  return new Map(
    text
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== "")
      .map(([name, ...sources]) => [(name as string).toLowerCase(), sources])
  );
}

describe("the task pane page's Content-Security-Policy", () => {
  it("comes before any script, so that it covers office.js too", () => {
    const meta = html.search(/http-equiv=["']?Content-Security-Policy/i);
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(html.search(/<script\b/i));
  });

  it("allows scripts only from the add-in's origin and Microsoft's Office CDN, with no inline script and no eval", () => {
    const directives = policy();
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    for (const name of ["default-src", "script-src", "script-src-elem", "script-src-attr"]) {
      const sources = directives.get(name) ?? [];
      for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*"])
        expect(sources, `${name} ${unsafe}`).not.toContain(unsafe);
    }
  });

  it("keeps everything else to what the pane and office.js need", () => {
    const directives = policy();
    expect(directives.get("connect-src")).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
    ]);
    expect(directives.get("frame-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("img-src")).toEqual(["'self'", "data:"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("style-src")?.[0]).toBe("'self'");
  });

  it("has no inline script or inline event handler in the built page", () => {
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script, "a script with a src").toMatch(/\ssrc=/i);
      expect(script.replace(/^<script\b[^>]*>/i, "").replace(/<\/script>$/i, "")).toBe("");
      const src = /\ssrc=["']?([^"'\s>]+)/i.exec(script)?.[1] ?? "";
      expect(
        src === "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" ||
          !/^[a-z]+:|^\/\//i.test(src),
        src
      ).toBe(true);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});
