// Launching Debian's Chromium through playwright-core (no browser download),
// with a guard that records every request to another origin and every CSP
// violation, so tests can fail on them.
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A fresh context (a fresh profile) whose page records foreign requests and CSP violations. */
export async function freshPage(browser, origin, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  return { context, page, problems: await guard(page, origin) };
}

/**
 * A browser with a profile kept in `dir` (closing it and calling this again
 * is a browser restart), with the same guard as `freshPage`.
 */
export async function persistentPage(dir, origin) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, problems: await guard(page, origin) };
}

/** Record on `page` every request to another origin, CSP violation and app error. */
async function guard(page, origin) {
  const problems = [];
  page.on("request", (req) => {
    const u = req.url();
    if (!(u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:"))) {
      problems.push(`request to another origin: ${u}`);
    }
  });
  page.on("console", (msg) => {
    const t = msg.text();
    if (/Content Security Policy|Refused to/i.test(t)) problems.push(`CSP: ${t}`);
    if (msg.type() === "error" && /panicked|RuntimeError|unreachable/i.test(t)) problems.push(`app error: ${t}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}
