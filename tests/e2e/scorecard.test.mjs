// Issue 3: ICP, registry, alignment, the gated scorecard and its verdicts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();

const CRITERIA = {
  icp: ["Density in your priority verticals", "Access to your target buyer roles", "Clear use cases that match your highest-win scenarios"],
  gtm: ["Similar sales cycle length and procurement path", "Similar or adjacent deal sizes", "Clear delivery handoffs if services are involved"],
  revenue: ["A named internal champion with authority", "Evidence they can prioritize you (not just “interested”)", "A realistic target for opportunities per quarter"],
  ops: ["Willingness to use deal registration or a basic tracking process", "Ability to share deal stages, stakeholders, and next steps", "Responsiveness and follow-through during evaluation"],
};

test("a new user builds an ICP, scores a partner and sees the verdict cross a gate", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.confirmReset("Start an empty workspace");
    await expect(app.rankingRows()).toHaveCount(0);

    await app.go("ICP");
    await expect(page.getByTestId("icp-gaps")).toContainText("No disqualifiers yet — partners will send anything that gets them paid.");
    await page.getByLabel("Company name").fill("Acme Analytics");
    await page.getByLabel("Industries").fill("Logistics\nWholesale");
    await page.getByLabel("Employees from").fill("50");
    await page.getByLabel("Employees to").fill("500");
    await page.getByRole("button", { name: "Add a disqualifier" }).click();
    await page.getByLabel("Disqualifier 1", { exact: true }).fill("Public sector");
    await expect(page.getByTestId("icp-gaps")).toBeVisible();
    assert.ok(!(await page.getByTestId("icp-gaps").innerText()).includes("No disqualifiers yet"));

    await app.addPartner("Bravo Referrals", "Referral");
    await expect(page.getByTestId("type-expectations")).toContainText("Introduces qualified opportunities and steps back");
    // The seed's example: ICP fit 3, everything else 5.
    for (const c of CRITERIA.icp) await app.rate(c, 3);
    for (const c of [...CRITERIA.gtm, ...CRITERIA.revenue, ...CRITERIA.ops]) await app.rate(c, 5);
    await page.getByLabel("Do their answers map to our story?").selectOption({ label: "Maps cleanly" });
    await expect(app.verdict()).toHaveText("Do not onboard");
    await expect(page.getByTestId("reasons")).toContainText("Market and ICP fit 3 is below the gate of 4 (short by 1)");
    // Raise ICP fit across the gate.
    for (const c of CRITERIA.icp) await app.rate(c, 4);
    await expect(app.verdict()).toHaveText("Onboard to pilot");
    await expect(page.getByTestId("reasons")).toContainText("Market and ICP fit 4 meets the gate of 4");
    await page.getByLabel(`Evidence: ${CRITERIA.icp[0]}`).fill("9 of 20 clients are 3PLs");
    await page.waitForFunction(() => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").includes("9 of 20 clients"));

    await page.reload();
    await expect(app.verdict()).toHaveText("Onboard to pilot");
    await expect(page.getByLabel(CRITERIA.icp[0], { exact: true })).toHaveValue("4");
    await expect(page.getByLabel(`Evidence: ${CRITERIA.icp[0]}`)).toHaveValue("9 of 20 clients are 3PLs");
    await app.go("Ranking");
    await expect(app.rankingRows()).toHaveCount(1);
    await expect(app.rankingRows().first()).toContainText("Onboard to pilot");
  }));

test("gates are minimums: the demo's highest score fails a gate and ranks below every partner that passes", () =>
  h.fresh(async (app, page) => {
    await app.open();
    const rows = app.rankingRows();
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toContainText("Northwind Integrations");
    const brightpath = rows.filter({ hasText: "Brightpath Advisory" });
    await expect(brightpath).toContainText("4.5");
    await expect(brightpath).toContainText("fails a gate");
    // Only the two partners failing a gate sit at the bottom, Brightpath first (higher score).
    await expect(rows.nth(3)).toContainText("Brightpath Advisory");
    await expect(rows.nth(4)).toContainText("Kestrel ERP Consulting");
    await expect(page.getByTestId("ranking").getByText("fails a gate")).toHaveCount(2);
  }));

test("the registry sorts, filters, archives and undoes a delete", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.go("Partners");
    const rows = page.getByTestId("registry").locator("tbody tr");
    await expect(rows).toHaveCount(5);
    await page.getByLabel("Sort by", { exact: true }).selectOption({ label: "Score (high first)" });
    await expect(rows.first()).toContainText("Brightpath Advisory");
    const typeFilter = page.locator(".filters").getByLabel("Type", { exact: true });
    await typeFilter.selectOption({ label: "Services" });
    await expect(rows).toHaveCount(2);
    await typeFilter.selectOption({ label: "All" });
    await page.getByRole("button", { name: "Delete Kestrel ERP Consulting" }).click();
    await expect(rows).toHaveCount(4);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(rows).toHaveCount(5);
    await rows.filter({ hasText: "Atlas Software Distribution" }).getByRole("button", { name: "Archive" }).click();
    await expect(rows).toHaveCount(4);
    await app.go("Ranking");
    await expect(app.rankingRows()).toHaveCount(4);
  }));

test("partners compare side by side with SVG charts drawn by the app", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.rankingRows().filter({ hasText: "Northwind" }).getByRole("checkbox").check();
    await app.rankingRows().filter({ hasText: "Kestrel" }).getByRole("checkbox").check();
    await page.getByRole("link", { name: "Compare selected (2)" }).click();
    await expect(page.getByTestId("compare-table")).toContainText("GTM compatibility");
    assert.equal(await page.locator("svg.radar polygon.series").count(), 2);
    assert.equal(await page.locator("svg.bars rect").count(), 8);
  }));

test("bad scorecard input gets clear messages and nothing saved is lost", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.go("Scorecard");
    const gate = page.getByLabel("Market and ICP fit gate for Resell", { exact: true });
    await gate.fill("6");
    await expect(page.locator("[data-testid=gates]")).toContainText("6 is outside 1–5");
    await page.getByLabel(/^Category \d+ weight$/).first().fill("-1");
    await expect(page.locator(".category-editor").first()).toContainText("-1 is negative: weights are 0 or more");
    // Every weight at zero would make the scorecard unusable: the last one
    // is refused where it was typed, and what is saved stays readable.
    const weights = await page.getByLabel(/^Category \d+ weight$/).all();
    for (const w of weights) await w.fill("0");
    await expect(page.locator(".category-editor").last()).toContainText("the category weights sum to zero");
    await app.saved();
    await page.reload();
    await app.go("Scorecard");
    await expect(page.getByLabel("Market and ICP fit gate for Resell", { exact: true })).toHaveValue("4");
    await expect(page.getByLabel(/^Category \d+ weight$/).first()).toHaveValue("0");
    await expect(page.getByLabel(/^Category \d+ weight$/).last()).toHaveValue("1");
  }));

test("the ICP brief prints on one page", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.go("ICP brief");
    await expect(page.getByTestId("icp-brief")).toContainText("Not a fit — please do not send");
    for (const format of ["A4", "Letter"]) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, `${format}: ${pages} pages`);
    }
  }));
