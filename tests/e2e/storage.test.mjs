// Issue 14: large workspaces persist. A new user maps two CRM exports of
// 100,000 accounts each; the workspace (far beyond localStorage) survives a
// reload and a browser restart, byte for byte as exported, and an edit made
// after the reload is kept too. localStorage holds the head, IndexedDB the
// accounts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

// Importing and exporting that workspace's file (three lists of 100,000
// accounts): the file is read, checked and written in the background
// worker; the page assembles it a piece at a time. The replacement keeps the
// workspace as it was (or says why it could not), and survives a reload.
test("a 300,000-account workspace file is imported and exported through the background worker", async () => {
  await browser(async (app, page) => {
    const workers = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    await app.open();
    const file = JSON.parse(await exported(app));
    file.profile.name = "Imported Big Co";
    // A damaged one first: refused with where, and nothing changes.
    const stored = await app.storedWorkspace();
    const damaged = structuredClone(file);
    damaged.account_lists[2].accounts[99_999].name = 7;
    // Over Playwright's 50 MB for a buffer: handed over as files.
    const dir = mkdtempSync(join(tmpdir(), "partnerfit-files-"));
    const pick = async (name, value) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(value));
      await app.go("Workspace");
      await page.getByLabel("Workspace file (.json)").setInputFiles(path);
    };
    await pick("damaged.json", damaged);
    await expect(page.getByTestId("import-errors")).toContainText("account_lists[2].accounts[99999].name");
    await expect(page.getByTestId("import-errors")).toContainText("Nothing in your workspace changed");
    assert.equal(await app.storedWorkspace(), stored, "the stored workspace is untouched");
    await pick("big.json", file);
    const preview = page.getByTestId("import-preview");
    await expect(preview).toContainText("big.json is valid");
    assert.deepEqual([...new Set(workers)], ["/partnerfit/partnerfit-worker-loader.js"], "written and read in the worker");
    await page.getByRole("button", { name: "Replace my workspace" }).click();
    // Said once the snapshot of the workspace as it was is kept, or not.
    await page.getByText(/Replaced the workspace with big\.json\. Undo takes it back(; the workspace as it was is also kept| \(no snapshot could be kept)/).waitFor();
    await app.saved();
    await page.reload();
    await app.open();
    const back = JSON.parse(await exported(app));
    assert.deepEqual(back, file, "the imported workspace, whole, after a reload");
    rmSync(dir, { recursive: true, force: true });
  });
});
