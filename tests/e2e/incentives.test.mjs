// Issue 5: a new user sets a referral plan, changes the meeting fee, sees the
// partner's quarterly earnings and our margin change, and prints the
// rules-of-engagement one-pager (one page, no internal scores).
import assert from "node:assert/strict";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();

/** The field (label, control, error) holding the control labelled `label`. */
function fieldOf(page, label) {
  return page.locator(".field").filter({ has: page.getByLabel(label, { exact: true }) });
}

/** The cells of quarter `q`'s row in the quarterly table, by column name. */
async function quarter(page, q) {
  const table = page.getByTestId("quarters");
  const heads = await table.locator("thead th").allInnerTexts();
  const cells = await table.locator("tbody tr").nth(q - 1).locator("td").allInnerTexts();
  return Object.fromEntries(heads.map((h, i) => [h, cells[i]]));
}

test("a referral plan: the meeting fee moves the partner's earnings and our margin; the one-pager prints on one page", () =>
  h.fresh(async (app, page) => {
    await page.addInitScript(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
    });
    await app.open();
    await app.confirmReset("Start an empty workspace");
    await app.addPartner("Brightpath Advisory", "Referral");
    await page.getByRole("link", { name: "Incentives →" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Incentives: Brightpath Advisory");
    // No plan yet: the page offers the starter plan of the partner's type.
    await expect(page.getByTestId("no-plan")).toContainText("Brightpath Advisory has no incentive plan yet");
    await page.getByRole("button", { name: "Start the referral plan" }).click();
    await expect(page.getByRole("heading", { name: "Referral terms" })).toBeVisible();

    // Starter assumptions: 10 submissions × 60% qualified = 6 meetings a quarter at 500.00.
    const before = await quarter(page, 1);
    assert.equal(before["Partner earns"], "3,000.00 EUR");
    const summaryBefore = await page.getByTestId("model-summary").innerText();

    await page.getByLabel("Fee per ICP-qualified meeting with the required stakeholders (EUR)").fill("750");
    await expect(page.getByTestId("quarters").locator("tbody tr").first()).toContainText("4,500.00 EUR");
    const after = await quarter(page, 1);
    assert.equal(after["Partner earns"], "4,500.00 EUR");
    assert.notEqual(after["Contribution"], before["Contribution"], "our contribution changes with the fee");
    const summaryAfter = await page.getByTestId("model-summary").innerText();
    const margin = (s) => Number(/\(([-\d.]+)% margin\)/.exec(s)[1]);
    assert.ok(margin(summaryAfter) < margin(summaryBefore), `margin falls: ${summaryBefore} → ${summaryAfter}`);

    // Bad input: a rate over 100 % is refused with a message; the saved plan keeps its value.
    await page.getByLabel("If more are rejected than (%)").fill("140");
    await expect(fieldOf(page, "If more are rejected than (%)")).toContainText("140% is over 100%");
    // Closed-won pays a second, larger amount: 10% of 24,000.00 = 2,400.00 is not more than a 3,000.00 fee.
    const fee = "Fee per ICP-qualified meeting with the required stakeholders (EUR)";
    await page.getByLabel(fee).fill("3000");
    await expect(fieldOf(page, fee)).toContainText("pays 2,400.00 EUR per won deal, not more than the meeting fee (3,000.00 EUR)");
    await page.waitForFunction(() => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").includes("75000"));
    await page.reload();
    await expect(page.getByLabel("Fee per ICP-qualified meeting with the required stakeholders (EUR)")).toHaveValue("750.00");
    await expect(page.getByLabel("If more are rejected than (%)")).toHaveValue("50");

    // Scale and levers are shown.
    await expect(page.getByTestId("scale").locator("tbody tr")).toHaveCount(4);
    await expect(page.getByRole("img", { name: /Tornado/ })).toBeVisible();

    // A second plan, resell: a floor above the list price is named, and nothing is lost.
    await page.getByLabel("New plan type", { exact: true }).selectOption({ label: "Resell" });
    await page.getByRole("button", { name: "Add a plan" }).click();
    await expect(page.getByRole("heading", { name: "Resell terms" })).toBeVisible();
    await page.getByLabel("Price floor (EUR)").fill("30000");
    await expect(fieldOf(page, "Price floor (EUR)")).toContainText("Price floor: the price floor is above the list price");
    await page.getByLabel("Price floor (EUR)").fill("20000");
    await expect(fieldOf(page, "Price floor (EUR)").locator(".error")).toBeEmpty();
    // A tier table out of order is refused where it was typed; removing the tier is one step.
    await page.getByRole("button", { name: "Add a tier" }).click();
    await page.getByLabel("Tier 4 deals per quarter from", { exact: true }).fill("2");
    await expect(fieldOf(page, "Tier 4 deals per quarter from")).toContainText("Tier 4 deals per quarter from: tier table out of order");
    await page.getByRole("button", { name: "Remove tier 4" }).click();
    await expect(page.getByLabel("Tier 4 deals per quarter from", { exact: true })).toHaveCount(0);
    await expect(page.getByTestId("compare-plans")).toContainText("Referral plan");
    await expect(page.getByTestId("compare-verdict")).toContainText("more contribution than");

    // The one-pager.
    await page.getByRole("link", { name: "Rules of engagement" }).click();
    await expect(page.getByTestId("motion-gaps")).toContainText("No dispute rule: ambiguity creates conflict.");
    await page.getByLabel("How direct-versus-partner disputes are resolved").fill("The first registration with a held meeting wins.");
    await page.getByLabel("Discovery led by").selectOption({ label: "Partner" });
    await expect(page.getByTestId("motion-gaps")).toNotContainText("No dispute rule");
    const pager = page.getByTestId("one-pager");
    await expect(pager).toContainText("Disputes: The first registration with a held meeting wins.");
    await expect(pager.getByRole("row", { name: /Discovery/ })).toContainText("Brightpath Advisory");

    await page.getByRole("button", { name: "Print the one-pager" }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print the one-pager" })).toBeHidden();
    await expect(pager).toBeVisible();
    const printed = (await pager.innerText()).toLowerCase();
    for (const internal of ["score", "verdict", "overlap"]) assert.ok(!printed.includes(internal), `${internal} on the one-pager`);
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 1, "the one-pager prints on one page");

    // Exported as Markdown too.
    await page.emulateMedia({ media: "screen" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download as Markdown" }).click(),
    ]);
    const { readFile } = await import("node:fs/promises");
    const md = await readFile(await download.path(), "utf8");
    assert.match(md, /^# Us × Brightpath Advisory: rules of engagement\n/);
    assert.match(md, /\| Discovery \| Brightpath Advisory \| To agree \|/);
  }));

test("a services plan: the package's price and scope, tiers on health and adoption, co-marketing only with demand generation", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.confirmReset("Start an empty workspace");
    await app.addPartner("Northwind Integrations", "Services");
    await page.getByRole("link", { name: "Incentives →" }).click();
    await page.getByRole("button", { name: "Start the services plan" }).click();
    await expect(page.getByRole("heading", { name: "Services terms" })).toBeVisible();
    await expect(page.getByTestId("package")).toContainText("the partner bills 15,000.00 EUR per deal");
    await page.getByLabel("What the package includes", { exact: true }).fill("Migration and training");
    await expect(page.getByTestId("package")).toContainText("it includes: Migration and training");
    // The starter partner does not run demand generation: co-marketing is not paid, and the model says so.
    await expect(page.getByTestId("flags")).toContainText("Co-marketing funds (2,500.00 EUR per quarter) are not paid");
    const q1 = async () => (await quarter(page, 1))["We pay"];
    assert.equal(await q1(), "0.00 EUR");
    await page.getByLabel(/The partner runs demand generation/).check();
    await expect(page.getByTestId("quarters").locator("tbody tr").first()).toContainText("2,500.00 EUR");
    await expect(page.getByText(/Co-marketing funds .* are not paid/)).toHaveCount(0);
    // Tiers need adoption as well as health: Healthy wants 40%, the assumption is 60%.
    await expect(page.getByLabel("Tier 1 minimum adoption (%)")).toHaveValue("40");
    await page.getByLabel("Tier 1 minimum adoption (%)").fill("70");
    await expect(fieldOf(page, "Tier 1 minimum adoption (%)")).toContainText("tier table out of order");
  }));
