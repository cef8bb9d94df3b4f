// Browser budgets, measured in headless Chromium against the release build in
// dist/ (run `./dev.sh bench`, or `./dev.sh build` then this script).
//
// 1. Navigation → demo workspace on screen (the ranking's five rows inserted
//    and a frame after that), median of 5 fresh profiles. Budget: 300 ms.
// 2. Changing one rating re-renders the ranking of 500 partners: time from
//    the change event to the DOM updated and laid out, median of 21 changes,
//    for a one-point change and for the largest jump (1 ↔ 5).
//    Budget: one frame (16 ms).
// 3. Release bundle size (wasm + js + css, gzip -9) of the workbench and of
//    the partner's page (dist/respond/). Budget: 700 KB and 200 KB.
// 11. First visit over a throttled connection (CDP: 1.6 Mbit/s down, 150 ms
//    round trip, 4× CPU slowdown), navigation → demo ranking on screen,
//    median of 3 fresh profiles; served gzip-compressed as static hosts do
//    (tests/e2e/serve.mjs). Budget: 4.5 s.
// 12. Repeat visit served by the service worker (no throttling), median of
//    5 profiles each visiting once before. Budget: 300 ms.
// 4. Account matching of 100,000 × 100,000 accounts imported through the
//    file picker: time from the start of matching to the result (the page
//    reports it), and the longest task while it runs (the page must not
//    freeze). Budget: 1.5 s.
// 5. (No budget.) That workspace, our 100,000 accounts and the partner's
//    100,000, exported and imported again through the Workspace page: file
//    size, time to the download, time to the import preview, time to replace.
// 10. That workspace reloaded from browser storage (head in localStorage,
//    accounts in IndexedDB) to the ranking on screen, median of 3.
//    Budget: 2 s.
// 7. Applying an edit and undoing it on 500 partners and 200,000 accounts
//    (imported through the Workspace page): a rating changed in the
//    ranking's quick-rate panel, then Ctrl+Z; time from the event to the
//    DOM updated and laid out, median of 21 of each. Budget: one frame
//    (16 ms) each.
// 6. (No budget.) Autosave with 24,000 accounts in browser storage (our
//    12,000 and a partner's 12,000, about 4.4 M characters: near what
//    localStorage holds): the longest task after one edit, for the first
//    save after loading and for a later one.
// 8. The pilot page of a partner with 50 pilot accounts, 200 opportunities
//    and 8 recorded reviews (made in node from the demo by pilot-data.mjs,
//    imported through the Workspace page, opened through the app's links):
//    time from the edit's event to the DOM showing its result and laid out,
//    median and max of 21 edits, for a target typed ("Qualified
//    opportunities created") and a deal's stage changed. Budget: 16 ms.
// 9. A 100,000-row HubSpot deal export (made in node) taken in on the
//    Deals page of an empty workspace with Northwind as its partner: time
//    from picking the file to its summary, from "Take in the deals" to
//    "new: … deals", and the longest main-thread task from the pick to the
//    end (longtask observer), median of 3 fresh profiles. Budget: 2 s, the
//    page responsive throughout (progress shown).
//
// 13. A private comparison of 20,000 × 20,000 accounts (synthetic CSVs)
//    between two fresh profiles, each importing its own export: each
//    side's step timed from its click or file to its file or matrix
//    (request, answer, finish, read), and the longest main-thread task of
//    the page during the step (longtask observer); median of 3 comparisons.
//    Budget: each step under 15 s, the page responsive throughout.
//
// Sections by name: bundle (3), first-paint (1), first-visit (11),
// repeat-visit (12), rerender (2), overlap (4
// and 5), edit-undo (7), autosave (6), pilot (8), deal-import (9), psi (13); a run
// without names runs them all in that order. Name some to run only those:
// node tests/bench/browser-bench.mjs pilot deal-import (or
// BENCH_SECTIONS=pilot,deal-import). 2, 4, 5, 6 and 7 build their data
// with cargo; 1, 3, 8 and 9 need only dist/.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import { join } from "node:path";
import { launch } from "../e2e/browser.mjs";
import { serve } from "../e2e/serve.mjs";
import { hubspotDeals, pilotWorkspace } from "./pilot-data.mjs";

const SECTIONS = ["bundle", "first-paint", "first-visit", "repeat-visit", "rerender", "overlap", "edit-undo", "autosave", "pilot", "deal-import", "psi"];
const asked = [...process.argv.slice(2), ...(process.env.BENCH_SECTIONS ?? "").split(",")]
  .map((x) => x.trim())
  .filter(Boolean);
for (const a of asked) {
  if (!SECTIONS.includes(a)) {
    console.error(`unknown section "${a}": the sections are ${SECTIONS.join(", ")}`);
    process.exit(2);
  }
}
const run = (section) => asked.length === 0 || asked.includes(section);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${x.toFixed(1)} ms`;

/** gzip -9 sizes of the wasm, js and css directly in `dir`. */
function bundleSizes(dir) {
  const out = {};
  for (const f of readdirSync(dir)) {
    const ext = f.split(".").pop();
    if (["wasm", "js", "css"].includes(ext)) {
      out[f] = gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length;
    }
  }
  return out;
}

function reportBundle(label, dir, budget) {
  // The service worker is not part of the page: it is fetched after it. The
  // background worker is loaded the first time a CSV or a matching needs it.
  const all = bundleSizes(dir);
  const later = (f) => f === "sw.js" || f.startsWith("partnerfit-worker");
  const sizes = Object.fromEntries(Object.entries(all).filter(([f]) => !later(f)));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  for (const [f, n] of Object.entries(sizes)) console.log(`  ${f}: ${(n / 1000).toFixed(1)} KB gzip -9`);
  console.log(`${label} (wasm+js+css, gzip -9): ${(total / 1000).toFixed(1)} KB (budget ${budget} KB)`);
  const worker = Object.entries(all).filter(([f]) => f.startsWith("partnerfit-worker"));
  if (worker.length) {
    const n = worker.reduce((a, [, b]) => a + b, 0);
    console.log(`  not on the first page: the background worker ${(n / 1000).toFixed(1)} KB gzip -9 (${worker.map(([f]) => f).join(", ")})`);
  }
}

/**
 * Navigation → the demo's ranking on screen, in `runs` fresh profiles.
 * `throttled`: Chrome DevTools Protocol emulation of a slow connection
 * (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip) and a 4× slower CPU.
 * `repeat`: each profile visits once (the service worker caches the app),
 * then the visit measured is the next one, served by the worker.
 */
async function timeToDemo(browser, url, { runs: count = 5, throttled = false, repeat = false } = {}) {
  const runs = [];
  for (let i = 0; i < count; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (repeat) {
      await page.goto(url);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    }
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6e6 / 8) | 0,
        uploadThroughput: (750e3 / 8) | 0,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    }
    await page.addInitScript(() => {
      const seen = () => document.querySelectorAll("[data-testid=rank-row]").length >= 5;
      new MutationObserver((_, obs) => {
        if (seen()) {
          obs.disconnect();
          const inserted = performance.now();
          requestAnimationFrame(() => {
            window.__demo = { inserted, painted: performance.now() };
          });
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => window.__demo, null, { timeout: 120_000 });
    runs.push(await page.evaluate(() => window.__demo));
    await context.close();
  }
  return runs;
}

/** A fresh page whose browser storage holds, before the app starts, the
 *  workspace `synthetic-workspace ARGS…` prints (seeded once per tab). */
async function seededPage(browser, args) {
  const file = execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "-p", "partnerfit-benches", "--bin", "synthetic-workspace", ...args],
    { maxBuffer: 256 << 20 },
  ).toString();
  const envelope = JSON.stringify({ format: "partnerfit-stored", revision: 1, workspace: JSON.parse(file) });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("partnerfit@/partnerfit/:workspace", text);
      sessionStorage.setItem("seeded", "1");
    }
  }, envelope);
  return { context, page, chars: envelope.length };
}

/** Watch the page's long tasks; `since(t)` gives the longest started after `t`. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask" });
  });
  return async (t) => page.evaluate((t) => Math.max(0, ...window.__tasks.filter(([s]) => s >= t).map(([, d]) => d)), t);
}

async function emptyProfile(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  await page.goto(url);
  await page.getByRole("button", { name: "Start an empty workspace" }).first().click();
  await page.getByRole("button", { name: "Replace it" }).click();
  return { context, page };
}

async function importAccounts(page, label, file) {
  await page.getByLabel(label).setInputFiles(file);
  await page.getByTestId("csv-preview").waitFor();
  await page.getByRole("button", { name: "Import accounts" }).click();
  await page.getByTestId("csv-done").waitFor();
  // Saved before the next navigation (a page left unsaved loses the import).
  await page.getByText("All changes saved in this browser").waitFor();
}

/** A step: `act` starts it at the page's clock, `done` waits for its end. */
async function timedStep(page, longestSince, act, done) {
  const t0 = await page.evaluate(() => performance.now());
  try {
    await Promise.all([done(), act()]);
  } catch (e) {
    const shown = await page.locator("main").innerText().catch(() => "");
    throw new Error(`${e.message}\npage shows: ${shown.slice(0, 1500)}`);
  }
  const t1 = await page.evaluate(() => performance.now());
  return { ms: t1 - t0, longest: await longestSince(t0) };
}

async function psi20k(browser, url, runs = 3) {
  execFileSync("cargo", ["run", "--quiet", "--release", "-p", "partnerfit-benches", "--bin", "synthetic-workspace", "--",
    "accounts", "20000", "target/ours20k.csv", "target/theirs20k.csv"]);
  const us = await emptyProfile(browser, url);
  const them = await emptyProfile(browser, url);
  await us.page.goto(url + "partners");
  await us.page.getByLabel("New partner name", { exact: true }).fill("Big Partner");
  await us.page.getByRole("button", { name: "Add partner" }).click();
  await us.page.getByTestId("partner-name").waitFor();
  const overlapUrl = us.page.url().replace("/partner?", "/overlap?");
  await us.page.goto(url + "accounts");
  await importAccounts(us.page, "Import our accounts (CSV)", "target/ours20k.csv");
  await us.page.goto(overlapUrl);
  await them.page.goto(url + "private-answer");
  await importAccounts(them.page, "Import your accounts (CSV)", "target/theirs20k.csv");
  const usLongest = await watchLongTasks(us.page);
  const themLongest = await watchLongTasks(them.page);
  // Files handed over by path, as a user's pick is: a buffer given to
  // setInputFiles is decoded by Playwright's script on the page's thread,
  // a long task of its own that no user sees.
  const file = async (d) => d.path();
  const out = [];
  for (let i = 0; i < runs; i++) {
    const compare = us.page.getByTestId("private-compare");
    const again = compare.getByRole("button", { name: "Start a new private comparison" });
    if (await again.isVisible()) await again.click();
    await compare.getByLabel("Our company, as the partner will see it").fill("Us Ltd");
    let request, answer, result;
    const start = await timedStep(us.page, usLongest,
      () => compare.getByRole("button", { name: "Create the request file" }).click(),
      async () => { request = await file(await us.page.waitForEvent("download")); });
    await them.page.getByLabel("Request file (.psi)").setInputFiles(request);
    await them.page.getByTestId("psi-consent").waitFor();
    await them.page.getByLabel("Your company, as the requester will see it").fill("Big Partner");
    const ans = await timedStep(them.page, themLongest,
      () => them.page.getByRole("button", { name: "Answer and download the answer file" }).click(),
      async () => { answer = await file(await them.page.waitForEvent("download")); });
    const fin = await timedStep(us.page, usLongest,
      () => us.page.getByLabel("The partner's answer file (.psi)").setInputFiles(answer),
      async () => { result = await file(await us.page.waitForEvent("download")); });
    const before = await them.page.getByTestId("psi-matrix").count();
    const read = await timedStep(them.page, themLongest,
      () => them.page.getByLabel("Result file (.psi)").setInputFiles(result),
      () => them.page.waitForFunction((n) => document.querySelectorAll("[data-testid=psi-matrix]").length > n, before));
    out.push({ start, ans, fin, read, bytes: [request, answer, result].map((f) => statSync(f).size) });
  }
  const matrix = await us.page.getByTestId("psi-matrix").innerText();
  await us.context.close();
  await them.context.close();
  return { runs: out, matrix };
}

async function rerender500(browser, url) {
  const { context, page } = await seededPage(browser, ["500"]);
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=rank-row]").length === 500);
  // Open the quick-rate panel of the partner ranked in the middle.
  const middle = page.getByTestId("rank-row").nth(250);
  const id = await middle.getAttribute("data-partner");
  await middle.getByRole("button", { name: /^Rate / }).click();
  await page.getByTestId("quick-rate").waitFor();
  const measure = (values) => page.evaluate(async ({ values, id }) => {
    const select = document.querySelector("[data-testid=quick-rate] select");
    const ranking = document.querySelector("[data-testid=ranking] tbody");
    // The rated partner's row and its place: each change must alter them.
    // (Not the whole table's text: building a 500-row string every time
    // loads the garbage collector and slows the next measurement by ~3 ms.)
    const state = () => {
      const rows = ranking.querySelectorAll("[data-testid=rank-row]");
      const at = [...rows].findIndex((r) => r.dataset.partner === id);
      return `${at}:${rows[at]?.querySelector("[data-testid=score]")?.textContent}`;
    };
    const out = [];
    for (let i = 0; i < 21; i++) {
      const before = state();
      select.value = String(values[i % values.length]);
      const t0 = performance.now();
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await Promise.resolve();
      void document.body.offsetHeight; // force style and layout
      const t1 = performance.now();
      if (state() === before && i > 0) throw new Error("the ranking did not change");
      out.push(t1 - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  }, { values, id });
  // A one-point change (the usual edit) and the largest possible jump (1 ↔ 5).
  const onePoint = await measure([3, 4]);
  const extreme = await measure([1, 5]);
  await context.close();
  return { onePoint, extreme };
}

async function overlap100k(browser, url) {
  execFileSync("cargo", ["run", "--quiet", "--release", "-p", "partnerfit-benches", "--bin", "synthetic-workspace", "--",
    "accounts", "100000", "target/ours100k.csv", "target/theirs100k.csv"]);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(url);
  await page.getByRole("button", { name: "Start an empty workspace" }).first().click();
  await page.getByRole("button", { name: "Replace it" }).click();
  await page.goto(url + "partners");
  await page.getByLabel("New partner name", { exact: true }).fill("Big Partner");
  await page.getByRole("button", { name: "Add partner" }).click();
  await page.getByTestId("partner-name").waitFor();
  const overlapUrl = page.url().replace("/partner?", "/overlap?");
  await page.goto(url + "accounts");
  await page.getByLabel("Import our accounts (CSV)").setInputFiles("target/ours100k.csv");
  await page.getByTestId("csv-preview").waitFor();
  await page.getByRole("button", { name: "Import accounts" }).click();
  await page.getByTestId("csv-done").waitFor();
  await page.getByRole("link", { name: "Big Partner" }).click();
  await page.getByLabel("Import their accounts (CSV)").setInputFiles("target/theirs100k.csv");
  await page.getByTestId("csv-preview").waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  await page.getByRole("button", { name: "Import accounts" }).click();
  const line = page.getByText(/matched in \d+ ms/);
  await line.waitFor();
  const text = await line.innerText();
  const longest = await page.evaluate(() => window.__longest);
  // 10. That workspace reloaded from browser storage (its head in
  // localStorage, its accounts in IndexedDB) to the ranking on screen:
  // time from the navigation's start, 3 reloads.
  await page.getByText("All changes saved in this browser").waitFor();
  const reloads = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(url);
    await page.getByTestId("rank-row").first().waitFor();
    reloads.push(await page.evaluate(() => performance.now()));
  }
  // 11. The matching alone, in the background worker: from "Match again"
  // on the overlap page (of the reloaded workspace) to the matrix, the
  // longest main-thread task (longtask observer), 3 runs.
  await page.goto(overlapUrl);
  const matchOnly = [];
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: "Cancel matching" }).click();
    await page.getByText("Matching cancelled.").waitFor();
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push(e.duration);
      }).observe({ type: "longtask", buffered: false });
    });
    const t0 = Date.now();
    await page.getByRole("button", { name: "Match again" }).click();
    await page.getByText(/matched in \d+ ms/).waitFor();
    const wall = Date.now() - t0;
    const tasks = await page.evaluate(() => window.__tasks);
    matchOnly.push({ wall, longest: Math.max(0, ...tasks), tasks: tasks.length });
    await page.goto(overlapUrl);
  }
  const largest = await exportImportLargest(page, browser, url);
  await context.close();
  return { took: Number(text.match(/matched in (\d+) ms/)[1]), longest, text, largest, reloads, matchOnly };
}

/** Export the workspace, and import the file in a fresh profile:
 * wall times, and the longest main-thread task of each step (export, import
 * to the preview, replace to the save of its lists and the snapshot). */
async function exportImportLargest(page, browser, url) {
  await page.getByRole("link", { name: "Workspace", exact: true }).first().click();
  const observe = () =>
    page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask" });
    });
  await observe();
  const now = () => page.evaluate(() => performance.now());
  const longest = async (from) => {
    await page.waitForTimeout(100); // the observer reports a task after it ends
    return page.evaluate((from) => Math.max(0, ...window.__tasks.filter(([s]) => s >= from).map(([, d]) => d)), from);
  };
  let t0 = Date.now();
  let p0 = await now();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export workspace" }).first().click(),
  ]);
  const path = await download.path();
  const exported = Date.now() - t0;
  const exportLongest = await longest(p0);
  const bytes = statSync(path).size;
  // Imported by a colleague: a fresh browser profile (the demo), so the
  // replacement stores its lists anew.
  const context = await browser.newContext();
  page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(url + "workspace");
  await page.getByLabel("Workspace file (.json)").waitFor();
  await observe();
  t0 = Date.now();
  p0 = await now();
  await page.getByLabel("Workspace file (.json)").setInputFiles(path);
  await page.getByTestId("import-preview").waitFor();
  const previewed = Date.now() - t0;
  const importLongest = await longest(p0);
  const preview = await page.getByTestId("import-preview").innerText();
  t0 = Date.now();
  p0 = await now();
  await page.getByRole("button", { name: "Replace my workspace" }).click();
  await page.getByText(/^Replaced the workspace with/).waitFor();
  const replaced = Date.now() - t0;
  await page.getByText(/^Replaced the workspace with .*(also kept as a snapshot|no snapshot could be kept)/).waitFor();
  await page.getByText("All changes saved in this browser").waitFor();
  const settled = Date.now() - t0;
  const replaceLongest = await longest(p0);
  await context.close();
  return { bytes, exported, previewed, replaced, settled, exportLongest, importLongest, replaceLongest, preview: preview.split("\n")[0] };
}

async function editUndoAtScale(browser, url) {
  const { writeFileSync } = await import("node:fs");
  const file = execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "-p", "partnerfit-benches", "--bin", "synthetic-workspace", "partners-and-accounts", "500", "100000"],
    { maxBuffer: 256 << 20 },
  );
  writeFileSync("target/edit-bench.json", file);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(url + "workspace");
  await page.getByLabel("Workspace file (.json)").setInputFiles("target/edit-bench.json");
  await page.getByTestId("import-preview").waitFor();
  await page.getByRole("button", { name: "Replace my workspace" }).click();
  await page.getByText(/^Replaced the workspace with/).waitFor();
  // Client-side navigation keeps the in-memory workspace (too big to store).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ranking", exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=rank-row]").length === 500);
  const middle = page.getByTestId("rank-row").nth(250);
  const id = await middle.getAttribute("data-partner");
  await middle.getByRole("button", { name: /^Rate / }).click();
  await page.getByTestId("quick-rate").waitFor();
  const times = await page.evaluate(async (id) => {
    const select = document.querySelector("[data-testid=quick-rate] select");
    const ranking = document.querySelector("[data-testid=ranking] tbody");
    const state = () => {
      const rows = ranking.querySelectorAll("[data-testid=rank-row]");
      const at = [...rows].findIndex((r) => r.dataset.partner === id);
      return `${at}:${rows[at]?.querySelector("[data-testid=score]")?.textContent}:${select.value}`;
    };
    const settle = async () => {
      await Promise.resolve();
      void document.body.offsetHeight; // force style and layout
    };
    const apply = [];
    const undo = [];
    for (let i = 0; i < 21; i++) {
      const before = state();
      select.value = select.value === "1" ? "5" : "1";
      let t0 = performance.now();
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await settle();
      apply.push(performance.now() - t0);
      if (state() === before) throw new Error("the edit changed nothing");
      await new Promise((r) => setTimeout(r, 30));
      t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "z", ctrlKey: true, cancelable: true }));
      await settle();
      undo.push(performance.now() - t0);
      if (state() !== before) throw new Error(`undo did not restore ${before}: ${state()}`);
      await new Promise((r) => setTimeout(r, 30));
    }
    return { apply, undo };
  }, id);
  await context.close();
  return times;
}

async function autosaveLarge(browser, url) {
  const { context, page, chars } = await seededPage(browser, ["with-accounts", "12000"]);
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__tasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=rank-row]").length >= 5);
  await page.getByRole("link", { name: "ICP", exact: true }).first().click();
  const longestAfterEdit = async (name) => {
    await page.evaluate(() => (window.__tasks = []));
    await page.getByLabel("Company name").fill(name);
    await page.waitForFunction((n) => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").includes(n), name);
    await page.waitForTimeout(300);
    return page.evaluate(() => Math.max(0, ...window.__tasks));
  };
  const first = await longestAfterEdit("Edited GmbH");
  const later = [];
  for (let i = 0; i < 5; i++) later.push(await longestAfterEdit(`Edited ${i} GmbH`));
  await context.close();
  return { chars, first, later };
}

/** Import a workspace file through the Workspace page, replacing the workspace. */
async function replaceWorkspace(page, url, name, text) {
  await page.goto(url + "workspace");
  await page.getByLabel("Workspace file (.json)").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByTestId("import-preview").waitFor();
  await page.getByRole("button", { name: "Replace my workspace" }).click();
  await page.getByText(/^Replaced the workspace with/).waitFor();
}

/** Time `n` edits in the page: `kind` picks the control and the state that must change. */
function timeEdits(page, kind, n) {
  return page.evaluate(async ({ kind, n }) => {
    const now = window.__realNow ?? (() => performance.now());
    const labelled = (text) => {
      const label = [...document.querySelectorAll("label")].find((l) => l.textContent === text);
      return label && document.getElementById(label.htmlFor);
    };
    const criteria = document.querySelector("[data-testid=pilot-state] .pilot-criteria");
    let control;
    let state;
    let next;
    let event;
    if (kind === "target") {
      // The qualified target, typed: the first criterion's sentence names it.
      control = labelled("Qualified opportunities created");
      state = () => criteria.firstElementChild?.textContent;
      const start = Number(control.value);
      next = (i) => String(start + 1 + i);
      event = () => new InputEvent("input", { bubbles: true, inputType: "insertText" });
    } else {
      // The stage of the deal in the middle of the list, back and forth:
      // its stage line and the criteria change.
      const deals = document.querySelectorAll("[data-testid=pilot-deal]");
      const deal = deals[Math.floor(deals.length / 2)];
      const label = [...deal.querySelectorAll("label")].find((l) => l.textContent.startsWith("Stage of "));
      control = label && document.getElementById(label.htmlFor);
      state = () => `${deal.querySelector("h3").textContent}|${criteria.textContent.length}`;
      const original = control.value;
      const other = original === "proposal" ? "negotiation" : "proposal";
      next = (i) => (i % 2 === 0 ? other : original);
      event = () => new Event("change", { bubbles: true });
    }
    if (!control) throw new Error(`no control for ${kind}`);
    const out = [];
    for (let i = 0; i < n; i++) {
      const before = state();
      control.value = next(i);
      const t0 = now();
      control.dispatchEvent(event());
      // The DOM is patched in microtasks after the event; wait for the
      // change itself, then force style and layout (as section 2 does).
      for (let k = 0; k < 1000 && state() === before; k++) await Promise.resolve();
      // (All of it lands in the same microtask turn today; a few more turns
      // let any later part land too, at no measurable cost.)
      for (let k = 0; k < 10; k++) await Promise.resolve();
      if (state() === before) {
        await new Promise((ok) => {
          const obs = new MutationObserver(() => {
            if (state() !== before) {
              obs.disconnect();
              ok();
            }
          });
          obs.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => (obs.disconnect(), ok()), 2000);
        });
      }
      void document.body.offsetHeight;
      const t1 = now();
      if (state() === before) throw new Error(`${kind}: edit ${i + 1} changed nothing on the page`);
      out.push(t1 - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }, { kind, n });
}

async function pilotAfterEdit(browser, url) {
  const text = pilotWorkspace({ accounts: 50, deals: 200, reviews: 8, today: "2026-12-30" });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  // Day 59 of the pilot's 60, after its 8 weekly reviews. Playwright's
  // fake clock also replaces performance.now() with a whole-millisecond
  // one: keep the real one, taken before the clock is installed.
  await page.addInitScript(() => {
    window.__realNow = performance.now.bind(performance);
  });
  await page.clock.setFixedTime(new Date("2026-12-30T10:00:00"));
  await replaceWorkspace(page, url, "pilot-bench.json", text);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Partners", exact: true }).click();
  await page.getByRole("link", { name: "Northwind Integrations" }).click();
  await page.getByRole("link", { name: "Pilot →", exact: true }).click();
  await page.getByTestId("pilot-deal").nth(199).waitFor();
  const shape = await page.evaluate(() => ({
    deals: document.querySelectorAll("[data-testid=pilot-deal]").length,
    accounts: document.querySelector("[data-testid=pilot-accounts] h3")?.textContent,
    review: document.querySelector("[data-testid=weekly-review]")?.textContent.match(/Since the review of [\d-]+/)?.[0],
    url: location.pathname + location.search,
  }));
  await page.waitForTimeout(500); // let the autosave of the import settle
  const target = await timeEdits(page, "target", 21);
  const stage = await timeEdits(page, "stage", 21);
  await context.close();
  return { bytes: text.length, shape, target, stage };
}

async function dealImport100k(browser, url) {
  const rows = 100_000;
  const csv = join(os.tmpdir(), `partnerfit-deals-${rows}.csv`);
  writeFileSync(csv, hubspotDeals(rows));
  const bytes = statSync(csv).size;
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    // An empty workspace with Northwind as its one partner: a workspace
    // holds at most 100,000 deals, so the demo's 8 and 100,000 more are
    // refused ("Deals would hold more than 100000 items").
    await page.goto(url);
    await page.getByRole("button", { name: "Start an empty workspace" }).first().click();
    await page.getByRole("button", { name: "Replace it" }).click();
    await page.goto(url + "partners");
    await page.getByLabel("New partner name", { exact: true }).fill("Northwind Integrations");
    await page.getByRole("button", { name: "Add partner" }).click();
    await page.getByTestId("partner-name").waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deals", exact: true }).click();
    await page.getByLabel("CRM deal export (CSV)").waitFor();
    await page.waitForTimeout(300);
    // Everything is timed in the page: the pick (the input's change event),
    // the "Reading …" status, the summary, the click and the result.
    await page.evaluate(() => {
      const m = (window.__deals = { tasks: [] });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) m.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask" });
      document.addEventListener("change", (e) => {
        if (e.target.type === "file") m.picked ??= performance.now();
      }, true);
      document.addEventListener("click", (e) => {
        if (e.target.closest("button")?.textContent === "Take in the deals") m.clicked ??= performance.now();
      }, true);
      new MutationObserver(() => {
        const now = performance.now();
        const root = document.querySelector("[data-testid=deal-import]");
        if (m.picked && !m.reading && /Reading .*…/.test(root?.textContent ?? "")) m.reading = now;
        if (m.picked && !m.summary && document.querySelector("[data-testid=deal-import-summary]")) m.summary = now;
        if (m.clicked && !m.done && document.querySelector("[data-testid=deal-import-done]")) m.done = now;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByLabel("CRM deal export (CSV)").setInputFiles(csv);
    const summary = page.getByTestId("deal-import-summary");
    await summary.waitFor();
    const summaryText = await summary.innerText();
    await page.getByLabel("Day the export was taken").fill("2026-11-30");
    await page.getByRole("button", { name: "Take in the deals" }).click();
    const done = page.getByTestId("deal-import-done");
    const refused = page.getByTestId("deal-import").getByRole("alert").filter({ hasText: /\S/ });
    await done.or(refused).first().waitFor();
    if (await refused.count()) throw new Error(`the deals were not taken in: ${await refused.first().innerText()}`);
    const doneText = await done.innerText();
    // Long tasks are reported after they end; give the observer a moment,
    // then look at what followed (the autosave of 100,000 deals).
    await page.waitForTimeout(500);
    await page.waitForTimeout(3000);
    const m = await page.evaluate(() => window.__deals);
    // Tasks overlapping [from, to): the click's own task starts before its
    // listener notes the time.
    const during = (from, to) => m.tasks.filter((t) => t.start < to && t.start + t.duration > from);
    const longest = (from, to) => Math.max(0, ...during(from, to).map((t) => t.duration));
    runs.push({
      toReading: m.reading - m.picked,
      toSummary: m.summary - m.picked,
      toDone: m.done - m.clicked,
      longestPickToSummary: longest(m.picked, m.summary),
      longestClickToDone: longest(m.clicked, m.done),
      longestDuring: longest(m.picked, m.done),
      longestAfter: Math.max(0, ...m.tasks.filter((t) => t.start >= m.done).map((t) => t.duration)),
      summaryText,
      doneText,
    });
    await context.close();
  }
  return { rows, bytes, runs };
}

const server = await serve("dist", { prefix: "/partnerfit/" });
const browser = await launch();
try {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Chromium headless`);

  if (run("bundle")) {
    reportBundle("workbench bundle", "dist", 700);
    reportBundle("partner's page bundle (dist/respond/)", "dist/respond", 200);
  }

  if (run("first-paint")) {
    const demo = await timeToDemo(browser, server.url);
    console.log(
      `navigation → demo on screen: median ${fmt(median(demo.map((r) => r.painted)))} ` +
        `(inserted ${fmt(median(demo.map((r) => r.inserted)))}); runs ${demo.map((r) => r.painted.toFixed(0)).join(", ")} ms (budget 300 ms)`,
    );
  }

  if (run("first-visit")) {
    const slow = await timeToDemo(browser, server.url, { runs: 3, throttled: true });
    console.log(
      `first visit, throttled (1.6 Mbit/s, 150 ms RTT, 4× CPU) → demo ranking on screen: median ${fmt(median(slow.map((r) => r.painted)))}; ` +
        `runs ${slow.map((r) => r.painted.toFixed(0)).join(", ")} ms (budget 4,500 ms)`,
    );
  }

  if (run("repeat-visit")) {
    const again = await timeToDemo(browser, server.url, { repeat: true });
    console.log(
      `repeat visit from the service worker → demo ranking on screen: median ${fmt(median(again.map((r) => r.painted)))}; ` +
        `runs ${again.map((r) => r.painted.toFixed(0)).join(", ")} ms (budget 300 ms)`,
    );
  }

  if (run("rerender")) {
    const rr = await rerender500(browser, server.url);
    for (const [what, xs] of [["one-point change (3 ↔ 4)", rr.onePoint], ["largest jump (1 ↔ 5)", rr.extreme]]) {
      console.log(
        `one rating change, ${what} → ranking of 500 re-rendered: median ${fmt(median(xs))}, max ${fmt(Math.max(...xs))} (budget 16 ms)`,
      );
    }
  }

  if (run("overlap")) {
    const ov = await overlap100k(browser, server.url);
    console.log(`account matching 100,000 × 100,000 in the browser: ${ov.took} ms (budget 1,500 ms); longest task from "Import accounts" (their 100,000) to the matrix ${ov.longest.toFixed(0)} ms`);
    const mo = ov.matchOnly;
    const med = (f) => mo.map(f).sort((a, b) => a - b)[1];
    console.log(
      `  the matching alone in the background worker ("Match again" to the matrix): median ${med((r) => r.wall)} ms, ` +
        `longest main-thread task median ${med((r) => r.longest).toFixed(0)} ms (${med((r) => r.longest) < 50 ? "under" : "not under"} 50 ms); ` +
        `runs: ${mo.map((r) => `${r.wall} ms / longest ${r.longest.toFixed(0)} ms / ${r.tasks} long tasks`).join("; ")}`,
    );
    console.log(`  (${ov.text})`);
    console.log(`that workspace reloaded from browser storage to the ranking on screen: median ${fmt(median(ov.reloads))} of 3 (budget 2,000 ms)`);
    const lg = ov.largest;
    console.log(
      `that workspace exported (${(lg.bytes / 1e6).toFixed(1)} MB) in ${lg.exported} ms; ` +
        `imported again: preview after ${lg.previewed} ms, replaced after ${lg.replaced} ms more ` +
        `(saved and snapshot kept or refused after ${lg.settled} ms)`,
    );
    console.log(
      `  longest main-thread task: export ${lg.exportLongest.toFixed(0)} ms, import to preview ${lg.importLongest.toFixed(0)} ms, ` +
        `replace to saved ${lg.replaceLongest.toFixed(0)} ms (budget: under 50 ms)`,
    );
    console.log(`  (${lg.preview})`);
  }

  if (run("edit-undo")) {
    const eu = await editUndoAtScale(browser, server.url);
    console.log(
      `500 partners and 200,000 accounts: a rating applied in median ${fmt(median(eu.apply))} (max ${fmt(Math.max(...eu.apply))}), ` +
        `undone with Ctrl+Z in median ${fmt(median(eu.undo))} (max ${fmt(Math.max(...eu.undo))}) (budget 16 ms each)`,
    );
  }

  if (run("autosave")) {
    const as = await autosaveLarge(browser, server.url);
    console.log(
      `autosave with 24,000 stored accounts (${(as.chars / 1e6).toFixed(1)} M characters): longest task after an edit ` +
        `${as.first.toFixed(0)} ms for the first save, median ${median(as.later).toFixed(0)} ms for later ones (${as.later.map((x) => x.toFixed(0)).join(", ")})`,
    );
  }

  if (run("pilot")) {
    const pl = await pilotAfterEdit(browser, server.url);
    console.log(
      `pilot page (${pl.shape.url}) of 50 accounts, 200 opportunities, 8 reviews (${pl.shape.deals} deals shown; ` +
        `${pl.shape.accounts}; ${pl.shape.review}; file ${(pl.bytes / 1e3).toFixed(0)} kB), after an edit:`,
    );
    for (const [what, xs] of [["a target typed (Qualified opportunities created)", pl.target], ["a deal's stage changed", pl.stage]]) {
      console.log(`  ${what} → page re-rendered: median ${fmt(median(xs))}, max ${fmt(Math.max(...xs))} of ${xs.length} (budget 16 ms)`);
    }
  }

  if (run("deal-import")) {
    const di = await dealImport100k(browser, server.url);
    const rs = di.runs;
    const m = (f) => median(rs.map(f));
    const all = (f) => rs.map((r) => f(r).toFixed(0)).join(", ");
    console.log(
      `deal export of ${di.rows.toLocaleString("en")} rows (${(di.bytes / 1e6).toFixed(1)} MB) taken in on the Deals page, median of ${rs.length}: ` +
        `pick → summary ${fmt(m((r) => r.toSummary))}, "Take in the deals" → done ${fmt(m((r) => r.toDone))}, ` +
        `together ${fmt(m((r) => r.toSummary + r.toDone))} (budget 2,000 ms)`,
    );
    console.log(
      `  longest task from the pick to done ${fmt(m((r) => r.longestDuring))} (pick → summary ${fmt(m((r) => r.longestPickToSummary))}, ` +
        `click → done ${fmt(m((r) => r.longestClickToDone))}); ${rs.every((r) => r.longestDuring < 50) ? "under" : "not under"} 50 ms; ` +
        `"Reading …" shown ${fmt(m((r) => r.toReading))} after the pick; longest task starting in the 3.5 s after done ${fmt(m((r) => r.longestAfter))}`,
    );
    console.log(`  runs: pick → summary ${all((r) => r.toSummary)} ms; click → done ${all((r) => r.toDone)} ms; longest task ${all((r) => r.longestDuring)} ms`);
    console.log(`  (${rs[0].summaryText} / ${rs[0].doneText})`);
  }

  if (run("psi")) {
    const ps = await psi20k(browser, server.url);
    const steps = [["request (us)", "start"], ["answer (partner)", "ans"], ["finish (us)", "fin"], ["read the result (partner)", "read"]];
    console.log(`private comparison of 20,000 × 20,000 accounts between two profiles, median of ${ps.runs.length}:`);
    for (const [what, k] of steps) {
      const ms = ps.runs.map((r) => r[k].ms);
      const longest = ps.runs.map((r) => r[k].longest);
      console.log(
        `  ${what}: ${fmt(median(ms))} (budget 15,000 ms; runs ${ms.map((x) => x.toFixed(0)).join(", ")}); ` +
          `longest main-thread task ${fmt(median(longest))} (max ${fmt(Math.max(...longest))})`,
      );
    }
    const b = ps.runs[0].bytes;
    console.log(`  files: request ${b[0].toLocaleString("en")} B, answer ${b[1].toLocaleString("en")} B, result ${b[2].toLocaleString("en")} B`);
  }
} finally {
  await browser.close();
  await server.close();
}
