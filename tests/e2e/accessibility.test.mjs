// Issue 14: accessible by default. Every page of the demo workspace, and the
// partner's page, passes axe-core with no serious or critical violation in
// the light and the dark colour scheme; every chart has a table view; the
// keyboard reaches every control, each with a visible focus.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import { harness } from "./harness.mjs";

const h = harness();
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Every page of the app, on the demo workspace's partners.
const PAGES = [
  "",
  "icp",
  "brief",
  "partners",
  "partner?id=p-northwind",
  "partner?id=p-kestrel",
  "compare?ids=p-northwind,p-atlas,p-kestrel",
  "scorecard",
  "workspace",
  "accounts",
  "overlap?id=p-northwind",
  "motion?id=p-northwind",
  "incentives?id=p-northwind",
  "incentives?id=p-brightpath",
  "self-assessment?id=p-northwind",
  "pilot?id=p-kestrel",
  "deals",
  "metrics",
  "program",
  "agendas",
  "tier-sheet",
  "response",
  "no-such-page",
];

/** Open every disclosure (table views included), then run axe: serious and critical violations. */
async function audit(page) {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return page.evaluate(async () => {
    for (const d of document.querySelectorAll("details")) d.open = true;
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** Charts (SVG images) without a table view in their figure. */
const chartsWithoutTable = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('svg[role="img"]')]
      .filter((svg) => !svg.closest("figure")?.querySelector("details.chart-table table tbody tr"))
      .map((svg) => svg.getAttribute("aria-label")),
  );

for (const colorScheme of ["light", "dark"]) {
  test(`every page passes axe-core in the ${colorScheme} colour scheme, charts have tables`, () =>
    h.fresh(
      async (app, page) => {
        const found = [];
        let charts = 0;
        for (const path of PAGES) {
          await page.goto(h.server.url + path);
          for (const v of await audit(page)) found.push(`/${path}: ${v}`);
          for (const chart of await chartsWithoutTable(page)) found.push(`/${path}: the chart "${chart}" has no table view`);
          charts += await page.locator('svg[role="img"]').count();
        }
        assert.ok(charts >= 8, `the pages drew ${charts} charts`);
        // The partner's page, from an invitation of the demo.
        await page.goto(h.server.url + "self-assessment?id=p-northwind");
        await page.getByLabel("Our contact e-mail (shown to the partner)").fill("partners@ledgerline.example");
        await page.getByRole("button", { name: "Create the invitation link" }).click();
        const link = page.getByLabel("Invitation link");
        await link.waitFor({ timeout: 15000 });
        await page.goto(await link.inputValue());
        for (const v of await audit(page)) found.push(`respond/: ${v}`);
        const scheme = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
        assert.equal(scheme, colorScheme === "dark");
        assert.deepEqual(found, [], `${found.length} accessibility problem(s) in the ${colorScheme} scheme`);
      },
      // axe is injected as a script, which the app's CSP would refuse.
      { context: { colorScheme, bypassCSP: true }, initScripts: [AXE] },
    ));
}

/**
 * Tab through a page from its top until the focus comes back round; every
 * visible control must be reached, and each focused element must show a
 * visible focus indicator (an outline or a box shadow).
 */
async function tabThrough(page) {
  const total = await page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll("a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"),
    ].filter((el) => el.checkVisibility() && el.getClientRects().length > 0);
    controls.forEach((el, i) => el.setAttribute("data-kb", String(i)));
    return controls.length;
  });
  const reached = new Set();
  const unfocused = [];
  await page.evaluate(() => document.activeElement?.blur());
  let first = null;
  // A date field takes one Tab per part (day, month, year): room for that.
  for (let i = 0; i < total * 4 + 20; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      // Not :focus while the focus is in the browser's own part of a
      // control (a date field's calendar button), which draws its own ring.
      const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none" || !el.matches(":focus");
      return { kb: el.getAttribute("data-kb"), ring, name: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.id).trim().slice(0, 40)}"` };
    });
    if (!at) continue;
    if (at.kb !== null && at.kb === first && reached.size > 1) break; // round the page once
    first ??= at.kb;
    if (at.kb !== null) reached.add(at.kb);
    if (!at.ring) unfocused.push(at.name);
  }
  const missed = await page.evaluate(
    (seen) => [...document.querySelectorAll("[data-kb]")].filter((el) => !seen.includes(el.getAttribute("data-kb"))).map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"`),
    [...reached],
  );
  return { total, missed, unfocused };
}

test("the keyboard reaches every control with a visible focus", () =>
  h.fresh(async (app, page) => {
    const found = [];
    for (const path of ["", "scorecard", "partner?id=p-northwind", "metrics", "program"]) {
      await page.goto(h.server.url + path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      const { total, missed, unfocused } = await tabThrough(page);
      assert.ok(total > 10, `/${path} has ${total} controls`);
      for (const m of missed) found.push(`/${path}: Tab never reaches ${m}`);
      for (const u of unfocused) found.push(`/${path}: no visible focus on ${u}`);
    }
    assert.deepEqual(found, []);
  }));
