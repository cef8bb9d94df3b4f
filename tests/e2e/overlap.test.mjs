// Issue 4: account mapping. CSV exports imported through the file picker,
// the overlap matrix, a cell's accounts, a confirmed match that survives a reload.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();
const fixture = (name) => ({ name, mimeType: "text/csv", buffer: readFileSync(`tests/e2e/fixtures/${name}`) });

test("two CRM exports become an overlap matrix; a confirmed match survives a reload", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.confirmReset("Start an empty workspace");
    await app.addPartner("Northwind Integrations", "Services");
    await page.getByRole("link", { name: "Account mapping and overlap →" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Account mapping: Northwind Integrations");
    await expect(page.getByText("Import our accounts first")).toBeVisible();

    // Our HubSpot export (UTF-8, commas), read in the background worker,
    // which starts only now.
    const workers = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    await app.go("Accounts");
    assert.deepEqual(workers, [], "no worker before a file is picked");
    await page.getByLabel("Import our accounts (CSV)").setInputFiles(fixture("ours-hubspot.csv"));
    await expect(page.getByTestId("csv-mapping")).toContainText("ours-hubspot.csv: 40 rows after the header on line 1 (UTF-8, comma separated).");
    await expect(page.getByTestId("csv-preview")).toContainText("40 accounts will be imported (14 customers, 10 open opportunities, 16 prospects).");
    assert.deepEqual(workers, ["/partnerfit/partnerfit-worker-loader.js"], "the file is read in the worker");
    await page.getByRole("button", { name: "Import accounts" }).click();
    await expect(page.getByTestId("csv-done")).toContainText("Imported 40 accounts from ours-hubspot.csv.");

    // Their Salesforce report (Windows-1252, semicolons, CRLF).
    await page.getByRole("link", { name: "Northwind Integrations" }).click();
    await page.getByLabel("Import their accounts (CSV)").setInputFiles(fixture("northwind-salesforce.csv"));
    await expect(page.getByTestId("csv-mapping")).toContainText("(Windows-1252, semicolon separated)");
    await page.getByRole("button", { name: "Import accounts" }).click();

    const matrix = page.getByTestId("overlap-matrix");
    await expect(matrix).toBeVisible();
    await expect(page.getByRole("button", { name: "Our customers × their customers: 3 accounts" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Greenfield customers: 7 accounts" })).toBeVisible();
    await page.getByRole("button", { name: "Our customers × their customers: 3 accounts" }).click();
    const pairs = page.getByTestId("pair");
    await expect(pairs).toHaveCount(3);
    await expect(pairs.first()).toContainText("Same domain (99%)");
    await page.getByRole("button", { name: "Confirm match Nordhafen Logistik" }).click();
    await expect(pairs.filter({ hasText: "Nordhafen" })).toContainText("confirmed");
    await page.getByRole("button", { name: "Use these figures in the verdict" }).click();
    await expect(page.getByText("These figures are the ones the verdict uses.")).toBeVisible();
    await page.getByRole("checkbox", { name: "Complementary entry points (IT vs finance, ops vs security)" }).check();
    await expect(page.getByTestId("overlap-assessment")).toContainText("Healthy overlap");
    await page.waitForFunction(() => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").includes("confirmed"));

    await page.reload();
    await expect(page.getByText("12 matches, 1 confirmed")).toBeVisible();
    await page.getByRole("button", { name: "Our customers × their customers: 3 accounts" }).click();
    await expect(page.getByTestId("pair").filter({ hasText: "Nordhafen" })).toContainText("confirmed");
    await expect(page.getByTestId("overlap-assessment")).toContainText("48% of their 25 accounts are in our lists");
    // The assessment reaches the verdict.
    await page.getByRole("link", { name: "Back to the partner" }).click();
    await expect(page.getByTestId("reasons")).toContainText("Healthy account overlap");
  }));

test("bad rows are reported by line and skipped; a file that is not a CSV is refused", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.go("Accounts");
    const input = page.getByLabel("Import our accounts (CSV)");
    await input.setInputFiles({ name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) });
    await expect(page.getByTestId("csv-error")).toContainText("this is not a CSV file: it contains binary data");
    const csv = "Account Name,Website,Type\nAcme,acme.com,Customer\n,,\nBeta,beta.io,Prospect,extra\n,,Customer\nGamma,gamma.de,Prospect\n";
    await input.setInputFiles({ name: "mixed.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByTestId("csv-preview")).toContainText("2 accounts will be imported");
    const bad = page.getByTestId("csv-bad-rows");
    await expect(bad).toContainText("line 4: has 4 fields, the header has 3");
    await expect(bad).toContainText("line 5: no company name and no domain");
    const lists = page.getByTestId("account-lists");
    const before = await lists.locator("tbody tr").count();
    await page.getByRole("button", { name: "Import accounts" }).click();
    await expect(lists.locator("tbody tr")).toHaveCount(before + 1);
    assert.ok((await lists.innerText()).includes("ours-hubspot.csv"), "the demo's list is untouched");
  }));
