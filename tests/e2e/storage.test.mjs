// Issue 14: large workspaces persist. A new user maps two CRM exports of
// 100,000 accounts each; the workspace (far beyond localStorage) survives a
// reload and a browser restart, byte for byte as exported, and an edit made
// after the reload is kept too. localStorage holds the head, IndexedDB the
// accounts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { persistentPage } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { Workbench } from "./app.mjs";
import { expect } from "./expect.mjs";

const OURS = "target/e2e-ours100k.csv";
const THEIRS = "target/e2e-theirs100k.csv";
let server, profile;
before(async () => {
  if (!existsSync(OURS) || !existsSync(THEIRS)) {
    execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "partnerfit-benches", "--bin", "synthetic-workspace", "--", "accounts", "100000", OURS, THEIRS]);
  }
  server = await serve("dist", { prefix: "/partnerfit/" });
  profile = mkdtempSync(join(tmpdir(), "partnerfit-profile-"));
});
after(async () => {
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Run `body` in the browser of the kept profile, then close it (a restart follows). */
async function browser(body) {
  const { context, page, problems } = await persistentPage(profile, new URL(server.url).origin);
  page.setDefaultTimeout(120_000);
  try {
    await body(new Workbench(page, server.url), page);
    assert.deepEqual(problems, [], "no foreign request, CSP violation or app error");
  } finally {
    await context.close();
  }
}

/** The workspace as exported from the Workspace page. */
async function exported(app) {
  const { text } = await app.exportWorkspace();
  return text;
}

const accountsIn = (text) => JSON.parse(text).account_lists.map((l) => l.accounts.length);

test("a 100,000 × 100,000 workspace survives a reload and a browser restart", async () => {
  let before;
  await browser(async (app, page) => {
    await app.open("workspace");
    await page.getByRole("button", { name: "Start an empty workspace" }).first().click();
    await page.getByRole("button", { name: "Replace it" }).click();
    await app.go("Partners");
    await page.getByLabel("New partner name", { exact: true }).fill("Big Partner");
    await page.getByRole("button", { name: "Add partner" }).click();
    await page.getByTestId("partner-name").waitFor();
    await app.go("Accounts");
    await page.getByLabel("Import our accounts (CSV)").setInputFiles(OURS);
    await page.getByTestId("csv-preview").waitFor();
    await page.getByRole("button", { name: "Import accounts" }).click();
    await page.getByTestId("csv-done").waitFor();
    await page.getByRole("link", { name: "Big Partner" }).click();
    await page.getByLabel("Import their accounts (CSV)").setInputFiles(THEIRS);
    await page.getByTestId("csv-preview").waitFor();
    await page.getByRole("button", { name: "Import accounts" }).click();
    await page.getByText(/matched in \d+ ms/).waitFor();
    await app.saved();
    // localStorage holds a small head; the accounts are elsewhere.
    const head = await app.storedWorkspace();
    assert.ok(head.length < 1_000_000, `the head has ${head.length} characters`);
    assert.ok(JSON.parse(head).parts, "the head names its parts");
    before = await exported(app);
    assert.deepEqual(accountsIn(before), [100_000, 100_000]);

    await app.open(); // the ranking, loaded from storage
    await expect(app.rankingRows()).toHaveCount(1);
    assert.deepEqual(await app.rankingNames(), ["Big Partner"]);
    assert.equal(await exported(app), before, "the same workspace after a reload");

    // An edit after the reload writes the head only, and is kept.
    await app.go("ICP");
    await page.getByLabel("Company name").fill("Hundred Thousand Co");
    await app.saved();
    await page.reload();
    await app.go("ICP");
    await expect(page.getByLabel("Company name")).toHaveValue("Hundred Thousand Co");
  });
  // A browser restart: the same profile, a new browser.
  await browser(async (app) => {
    await app.open();
    assert.deepEqual(await app.rankingNames(), ["Big Partner"]);
    const after = JSON.parse(await exported(app));
    assert.equal(after.profile.name, "Hundred Thousand Co");
    after.profile.name = JSON.parse(before).profile.name;
    assert.deepEqual(after, JSON.parse(before), "the rest as it was");
  });
});

// Heavy work off the page: the matching of that workspace runs in a Web
// Worker with its own wasm, started only when the overlap page needs it;
// Cancel stops it at once and "Match again" runs it anew.
test("matching runs in a background worker loaded only for it, and can be cancelled", async () => {
  await browser(async (app, page) => {
    const workers = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    await app.open();
    await app.go("Accounts");
    assert.deepEqual(workers, [], "no worker for pages that do not need one");
    await app.open();
    await page.getByRole("link", { name: "Big Partner" }).first().click();
    await page.getByRole("link", { name: "Account mapping and overlap →" }).click();
    await page.getByRole("button", { name: "Cancel matching" }).click();
    await expect(page.getByText("Matching cancelled.")).toBeVisible();
    await expect(page.getByTestId("overlap-matrix")).toHaveCount(0);
    await page.getByRole("button", { name: "Match again" }).click();
    await page.getByText(/100,000 accounts of ours and 100,000 accounts of theirs matched in \d+ ms/).waitFor();
    await expect(page.getByTestId("overlap-matrix")).toBeVisible();
    assert.ok(workers.length >= 1, "the matching started a worker");
    for (const w of workers) assert.equal(w, "/partnerfit/partnerfit-worker-loader.js");
  });
});

// Leaving the page while a big list is being imported: the import still
// completes (the worker's accounts are checked and added without the page
// that started it), nothing fails, and the list is saved.
test("a 100,000-account import finishes after its page is left", async () => {
  await browser(async (app, page) => {
    await app.open();
    await page.getByRole("link", { name: "Big Partner" }).first().click();
    await page.getByRole("link", { name: "Account mapping and overlap →" }).click();
    await page.getByLabel("Import their accounts (CSV)").setInputFiles(THEIRS);
    await page.getByTestId("csv-preview").waitFor();
    await page.getByRole("button", { name: "Import accounts" }).click();
    await app.go("Partners");
    // The stored head names the file twice once the second list is saved.
    await page.waitForFunction(
      () => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").split("e2e-theirs100k.csv").length === 3,
      null,
      { timeout: 120_000 },
    );
    await app.saved();
    const lists = accountsIn(await exported(app));
    assert.deepEqual(lists, [100_000, 100_000, 100_000], "the third list was added");
  });
});
