// Issue 14: offline and installable. After one visit the workbench and the
// partner's page open and keep edits with the network off (nothing reaches
// the server), and a new deployment is offered on the next visit with a
// notice, never applied in the middle of an edit.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launch, freshPage } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { Workbench } from "./app.mjs";
import { expect } from "./expect.mjs";

// A deployment of its own (a copy of dist/): the update test redeploys it.
let site, server, browser;
before(async () => {
  site = mkdtempSync(join(tmpdir(), "partnerfit-offline-"));
  cpSync("dist", site, { recursive: true });
  server = await serve(site, { prefix: "/partnerfit/" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

async function fresh(body) {
  const { context, page, problems } = await freshPage(browser, new URL(server.url).origin);
  try {
    await body(new Workbench(page, server.url), page, context);
    assert.deepEqual(problems, [], "no foreign request, CSP violation or app error");
  } finally {
    await context.close();
  }
}

/** Wait until the page's service worker has cached the app and controls it. */
const controlled = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

/** Every URL the page's origin caches, relative to the site. */
const cachedFiles = (page) =>
  page.evaluate(async () => {
    const files = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) files.push(new URL(req.url).pathname);
    }
    return files;
  });

/** Run `steps` with the network off; assert that nothing reached the server. */
async function offline(context, steps) {
  const before = server.requests;
  await context.setOffline(true);
  try {
    await steps();
  } finally {
    await context.setOffline(false);
  }
  assert.equal(server.requests, before, "no request reached the server while offline");
}

test("after one visit the workbench opens, edits and keeps them with the network off", () =>
  fresh(async (app, page, context) => {
    await app.open();
    await controlled(page);
    const files = await cachedFiles(page);
    assert.ok(files.some((f) => /^\/partnerfit\/partnerfit-web-[0-9a-f]+_bg\.wasm$/.test(f)), files.join(" "));
    assert.ok(files.includes("/partnerfit/public_suffix_list.dat"), "the suffix list is cached for matching");
    assert.ok(files.includes("/partnerfit/free_email_domains.txt"), "the free-mail list is cached for matching");
    assert.ok(files.includes("/partnerfit/manifest.webmanifest"), "the manifest is cached");
    await offline(context, async () => {
      await page.reload();
      await app.go("ICP");
      await page.getByLabel("Company name").fill("Offline Ledgerline");
      await app.saved();
      await page.reload();
      await app.go("ICP");
      await expect(page.getByLabel("Company name")).toHaveValue("Offline Ledgerline");
      // Any address of the app opens offline, not only the one visited.
      await page.goto(`${server.url}program`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Program");
    });
  }));

test("the app is installable: a manifest with the app's name, scope and icons", () =>
  fresh(async (app, page) => {
    await app.open();
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await page.evaluate(async (u) => (await fetch(u)).json(), href);
    assert.equal(manifest.short_name, "Partnerfit");
    assert.equal(manifest.start_url, "./");
    assert.equal(manifest.display, "standalone");
    for (const size of ["192x192", "512x512"]) {
      const icon = manifest.icons.find((i) => i.sizes === size);
      assert.ok(icon, `an icon of ${size}`);
      const ok = await page.evaluate(async (u) => (await fetch(u)).ok, new URL(icon.src, page.url()).href);
      assert.ok(ok, `${icon.src} is served`);
    }
  }));

test("a partner who opened an invitation once answers it offline, caching only the partner's page", async () => {
  let invitation;
  await fresh(async (app, page) => {
    await app.open("self-assessment?id=p-northwind");
    await page.getByLabel("Our contact e-mail (shown to the partner)").fill("partners@ledgerline.example");
    await page.getByRole("button", { name: "Create the invitation link" }).click();
    const field = page.getByLabel("Invitation link");
    await field.waitFor({ timeout: 15000 });
    invitation = await field.inputValue();
  });
  await fresh(async (_app, page, context) => {
    const heading = "Ledgerline invites Northwind Integrations to a self-assessment";
    await page.goto(invitation);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await controlled(page);
    const files = await cachedFiles(page);
    assert.ok(files.length > 0 && files.every((f) => f.startsWith("/partnerfit/respond/")), files.join(" "));
    await offline(context, async () => {
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await page.getByLabel("Access to your target buyer roles", { exact: true }).selectOption("4");
      await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes(":respond.")));
      await page.reload();
      await expect(page.getByLabel("Access to your target buyer roles", { exact: true })).toHaveValue("4");
    });
  });
});

test("a new deployment is offered on the next visit and applied only when the user reloads", () =>
  fresh(async (app, page) => {
    await app.open();
    await controlled(page);
    const sw = join(site, "sw.js");
    const deployed = readFileSync(sw, "utf8");
    const version = deployed.match(/const VERSION = "([0-9a-f]{16})";/)?.[1];
    assert.ok(version, "the built worker carries its version");
    // Deploy: the same site with a new version of the workbench.
    writeFileSync(sw, deployed.replace(`const VERSION = "${version}";`, 'const VERSION = "e2e-next";'));
    try {
      await page.reload(); // the next visit
      await app.go("ICP");
      await page.getByLabel("Company name").fill("Mid-edit Ledgerline");
      const notice = page.getByTestId("update-notice");
      await expect(notice).toContainText("A new version of Partnerfit is ready.");
      // The new version waits: this page is not reloaded under the user.
      await page.evaluate(() => (window.__stillHere = true));
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => window.__stillHere), true, "no reload without the user");
      await expect(page.getByLabel("Company name")).toHaveValue("Mid-edit Ledgerline");
      await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload to update" }).click()]);
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      assert.equal(await page.evaluate(() => window.__stillHere ?? null), null, "reloaded");
      assert.deepEqual(await page.evaluate(() => caches.keys()), [`partnerfit ${server.url} e2e-next`], "the old version's cache is gone");
      await expect(page.getByTestId("update-notice")).toHaveCount(0);
      await app.go("ICP");
      await expect(page.getByLabel("Company name")).toHaveValue("Mid-edit Ledgerline");
    } finally {
      writeFileSync(sw, deployed);
    }
  }));
