// Issue 12: a 60-day pilot as a new user runs it. Start it from the account
// map, take in a week-1 and a week-3 CRM deal export (the second moves and
// adds deals), see the stuck deal and the partner's share of next actions,
// open the pilot at day 60 (the clock is set by the test), read the
// recommendation and its reasons, record the decision, and find the
// partner's status changed after a reload.
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();
const fixture = (name) => readFile(new URL(`./fixtures/${name}`, import.meta.url));
const at = (day) => new Date(`${day}T10:00:00`);

test("start a pilot, take in two weekly exports, review, judge it at day 60, decide", () =>
  h.fresh(async (app, page) => {
    await page.clock.setFixedTime(at("2026-11-02"));
    await app.open();
    // The demo's Northwind, before its pilot: no pilot, no deals.
    const mine = JSON.parse((await app.exportWorkspace()).text);
    const northwind = mine.partners.find((p) => p.id === "p-northwind");
    northwind.pilots = [];
    northwind.status_history = northwind.status_history.filter((s) => s.status !== "pilot");
    mine.pipeline = { expected_days: {}, opportunities: [], imports: [] };
    await app.importFile("before-the-pilot.json", JSON.stringify(mine));
    await page.getByRole("button", { name: "Replace my workspace" }).click();
    await expect(page.getByText("Replaced the workspace with before-the-pilot.json.")).toBeVisible();

    // Start the pilot from the partner's page, with the account map's accounts.
    await app.go("Partners");
    await page.getByRole("link", { name: "Northwind Integrations" }).click();
    await page.getByRole("link", { name: "Pilot →", exact: true }).click();
    await page.getByRole("button", { name: "Start the 60-day pilot" }).click();
    await expect(page.getByTestId("pilot-state").getByRole("heading")).toHaveText("How it is going: day 1 of 60");
    await page.getByRole("button", { name: /^Add the account map's 3 accounts$/ }).click();
    await expect(page.getByTestId("pilot-accounts-warning")).toContainText("3 accounts picked: a pilot needs 20 to 50 accounts");
    await page.getByRole("button", { name: "Add an account by hand" }).click();
    await page.getByLabel("Account 4", { exact: true }).fill("Elbe Containerdienst GmbH");
    await page.getByLabel("Website of account 4").fill("elbe-container.de");
    await expect(page.getByTestId("pilot-accounts-warning")).toContainText("4 accounts picked");

    // Week 1's export: four deals taken in, the bad row named by its line.
    await page.clock.setFixedTime(at("2026-11-09"));
    await app.go("Deals");
    await page.getByLabel("CRM deal export (CSV)").setInputFiles({ name: "deals-week1.csv", mimeType: "text/csv", buffer: await fixture("deals-week1.csv") });
    await page.getByLabel("Day the export was taken").fill("2026-11-09");
    await expect(page.getByTestId("deal-bad-rows")).toContainText("line 6: \"12k\" is not an amount");
    await page.getByRole("button", { name: "Take in the deals" }).click();
    await expect(page.getByTestId("deal-import-done")).toHaveText("Take in deals-week1.csv — new: 4 deals, updated: 0 deals.");

    // Week 3's: two deals moved, one added.
    await page.clock.setFixedTime(at("2026-11-23"));
    await page.getByLabel("CRM deal export (CSV)").setInputFiles({ name: "deals-week3.csv", mimeType: "text/csv", buffer: await fixture("deals-week3.csv") });
    await page.getByLabel("Day the export was taken").fill("2026-11-23");
    await page.getByRole("button", { name: "Take in the deals" }).click();
    await expect(page.getByTestId("deal-import-done")).toHaveText("Take in deals-week3.csv — new: 1 deal, updated: 2 deals.");
    await expect(page.getByTestId("deal")).toHaveCount(5);
    await page.getByText("Exports taken in (2)").click();
    await expect(page.getByTestId("exports-taken")).toContainText("deals-week3.csv (2026-11-23): 1 new, 2 updated, 2 unchanged");

    // Attribution is editable: a direct deal the partner worked on.
    const loire = page.getByTestId("deal").filter({ hasText: "Loire Primeurs AP" });
    await loire.getByLabel("Edit the deal Loire Primeurs AP").click();
    await loire.getByLabel("Whose deal of Loire Primeurs AP").selectOption({ label: "Partner-influenced by Northwind Integrations" });
    await expect(loire).toContainText("Partner-influenced (Northwind Integrations)");

    // The weekly review: what moved, the stuck deal; a next action the partner owns.
    await app.go("Partners");
    await page.getByRole("link", { name: "Northwind Integrations" }).click();
    await page.getByRole("link", { name: "Pilot →", exact: true }).click();
    const review = page.getByTestId("weekly-review");
    await expect(review.getByTestId("review-moved")).toContainText("Elbe AP rollout");
    await expect(review.getByTestId("review-stuck")).toContainText("Oder approvals (Qualification, 18 days of 14 expected)");
    // Deals are linked to the pilot's accounts by the mapping's matching
    // (the account map brought Oder Agrar Handel GmbH; Elbe was added by hand).
    await expect(page.getByTestId("deals-on-accounts")).toHaveText("2 of 5 deals on the pilot's accounts.");
    await expect(page.getByTestId("pilot-deal").filter({ hasText: "Oder approvals" })).toContainText("on the pilot account Oder Agrar Handel GmbH");
    await expect(page.getByTestId("pilot-deal").filter({ hasText: "Elbe AP rollout" })).toContainText("on the pilot account Elbe Containerdienst GmbH");
    const elbe = page.getByTestId("pilot-deal").filter({ hasText: "Elbe AP rollout" });
    // The motion's definition of qualified stands beside each judgment.
    await expect(elbe.getByTestId("qualified-means")).toContainText("Qualified means: ICP industry, 100 to 1,000 employees; More than 2,000 supplier invoices a month;");
    await elbe.getByText("Next actions (0, 0 the partner's)").click();
    await elbe.getByRole("button", { name: "Add a next action" }).click();
    await elbe.getByLabel("Next action 1", { exact: true }).fill("Run the discovery workshop");
    await elbe.getByLabel("Owner of next action 1").selectOption({ label: "The partner" });
    await elbe.getByRole("button", { name: "Add a next action" }).click();
    await elbe.getByLabel("Owner of next action 2").selectOption({ label: "Us" });
    await expect(page.getByTestId("criterion").filter({ hasText: "Mutual work" })).toContainText("the partner owned 1 of 2 next actions and completed 0");
    await page.getByLabel("Notes of this review").fill("Elbe moving; Oder waiting on their CFO.");
    await page.getByRole("button", { name: "Record the review of 2026-11-23" }).click();
    await expect(review.getByText("Since the review of 2026-11-23")).toBeVisible();
    await app.saved();

    // Day 60: the recommendation and its reasons.
    await page.clock.setFixedTime(at("2027-01-01"));
    await page.reload();
    await expect(page.getByTestId("pilot-state").getByRole("heading")).toHaveText("How it is going: day 60 of 60");
    await expect(page.getByTestId("recommendation")).toHaveText("Recommendation: Reset");
    await expect(page.getByTestId("recommendation-reasons")).toContainText("qualified opportunities of the 5 targeted");
    await expect(page.getByTestId("recommendation-fixes")).toContainText("one-sided effort: the partner owned 1 of 2 next actions and completed 0");

    // Decide to exit instead; the partner is exited, after a reload too.
    await page.getByLabel("Your decision").selectOption({ label: "Exit" });
    await page.getByLabel("Reason for the decision").fill("Two of five qualified deals and one-sided effort.");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await expect(page.getByTestId("pilot-history")).toContainText("Exit on 2027-01-01 — Two of five qualified deals and one-sided effort.");
    await app.saved();
    await page.reload();
    await app.go("Partners");
    await expect(page.getByRole("row").filter({ hasText: "Northwind Integrations" })).toContainText("Exited");
  }));
