// Issue 6: self-assessment by link, in two separate browser profiles: we
// create the invitation, the partner opens it, answers and sends back; we
// import the response and see the comparison.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";
import { freshPage } from "./browser.mjs";

const h = harness();
const XSS = `<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>`;

/** A second, separate profile (the partner's browser); resolves to the wasm files it loaded. */
async function partnerBrowser(run) {
  const origin = new URL(h.server.url).origin;
  const { context, page, problems } = await freshPage(h.browser, origin);
  const wasm = [];
  page.on("request", (req) => {
    if (req.url().endsWith(".wasm")) wasm.push(new URL(req.url()).pathname);
  });
  try {
    await run(page);
    assert.deepEqual(problems, [], "the partner's page: no foreign request, CSP violation or error");
  } finally {
    await context.close();
  }
  return wasm;
}

async function createInvitation(app, page, { passphrase, rules = true } = {}) {
  await app.open("partner?id=p-northwind");
  await page.getByRole("link", { name: "Self-assessment by link →" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Self-assessment: Northwind Integrations");
  await page.getByLabel("Our contact e-mail (shown to the partner)").fill("partners@ledgerline.example");
  await page.getByLabel("Answer by (optional)").fill("2099-12-31");
  if (passphrase) {
    // A short passphrase creates nothing; a generated one is offered.
    await page.getByLabel("Passphrase (optional)").fill("otter");
    await page.getByRole("button", { name: "Create the invitation link" }).click();
    await expect(page.getByRole("alert")).toContainText("the passphrase has 5 characters; use at least 12");
    await page.getByRole("button", { name: "Generate a passphrase" }).click();
    assert.match(await page.getByLabel("Passphrase (optional)").inputValue(), /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    await page.getByLabel("Passphrase (optional)").fill(passphrase);
  }
  if (!rules) await page.getByLabel("Include the rules-of-engagement one-pager").uncheck();
  await page.getByRole("button", { name: "Create the invitation link" }).click();
  const field = page.getByLabel("Invitation link");
  await field.waitFor({ timeout: 15000 });
  return field.inputValue();
}

test("invite, answer in another browser, send back, import, compare, adopt", () =>
  h.fresh(async (app, page) => {
    const invitation = await createInvitation(app, page, { rules: false });
    assert.match(invitation, /\/respond\/#pf2\.ip\./);
    assert.ok(invitation.length <= 2000, `invitation link is ${invitation.length} characters`);
    await expect(page.getByTestId("invitations").locator("tbody tr")).toHaveCount(2); // the demo's and ours

    let responseLink, responseFile;
    const loaded = await partnerBrowser(async (p) => {
      await p.goto(invitation);
      await expect(p.getByRole("heading", { level: 1 })).toHaveText("Ledgerline invites Northwind Integrations to a self-assessment");
      await expect(p.getByTestId("icp-brief")).toContainText("Not a fit — please do not send");
      await expect(p.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      await p.getByLabel("Your name and role").fill(XSS);
      await p.getByLabel("Density in your priority verticals", { exact: true }).selectOption("5");
      await p.getByLabel("Evidence: Density in your priority verticals").fill(XSS);
      await p.getByLabel("Access to your target buyer roles", { exact: true }).selectOption("1");
      await p.getByLabel("What problem do you solve, in your customer's words?").fill("Invoice approvals that take weeks.");
      // The draft survives a reload, under its own key; no workspace is created.
      await p.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("partnerfit@/partnerfit/:respond.")));
      await p.reload();
      await expect(p.getByLabel("Access to your target buyer roles", { exact: true })).toHaveValue("1");
      await expect(p.getByLabel("Your name and role")).toHaveValue(XSS);
      assert.equal(await p.evaluate(() => localStorage.getItem("partnerfit@/partnerfit/:workspace")), null);
      await expect(p.getByTestId("respond-missing")).toContainText("10 questions without a rating");

      await p.getByRole("button", { name: "Prepare the response" }).click();
      const link = p.getByLabel("Response link");
      await link.waitFor();
      responseLink = await link.inputValue();
      assert.ok(responseLink.startsWith(`${h.server.url}response#pf1.rp.`), responseLink);
      const mail = await p.getByRole("link", { name: "E-mail it to partners@ledgerline.example" }).getAttribute("href");
      assert.ok(mail.startsWith("mailto:partners%40ledgerline.example?subject="), mail);
      assert.ok(decodeURIComponent(mail).includes(responseLink), "the e-mail carries the link");
      const [download] = await Promise.all([
        p.waitForEvent("download"),
        p.getByRole("button", { name: "Download the response file" }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^partnerfit-response-inv-.*\.json$/);
      responseFile = readFileSync(await download.path(), "utf8");
      assert.equal(await p.evaluate(() => window.__pwned ?? null), null);
      // Sent: the draft no longer stays in the partner's browser.
      await expect(p.getByTestId("draft-forgotten")).toBeVisible();
      await p.waitForFunction(() => !Object.keys(localStorage).some((k) => k.includes(":respond.")));
    });
    // The partner downloaded only the small respond app, never the workbench.
    assert.ok(loaded.length > 0, "the partner's page loaded its wasm");
    for (const path of loaded) assert.match(path, /\/respond\/partnerfit-respond-[0-9a-f]+_bg\.wasm$/);

    // Back in our browser: paste the link the partner sent.
    await page.getByLabel("Paste the response link").fill(responseLink);
    await page.getByRole("button", { name: "Open the response", exact: true }).click();
    await expect(page.getByTestId("verification")).toHaveText("Matches the link, not verified: anyone holding the invitation link could have made it");
    await page.getByRole("button", { name: "Add to Northwind Integrations's self-assessments" }).click();
    const gaps = page.getByTestId("self-assessment-gaps");
    await expect(gaps).toContainText("They rate “Access to your target buyer roles” 1, we rate it 4.");
    const table = page.getByTestId("self-assessment");
    await expect(table).toContainText(XSS); // shown as text…
    assert.equal(await page.locator("main img").count(), 0, "…never as markup");
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);

    // The response file dropped on the import area opens the same response,
    // recognised as one imported before.
    const dt = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "response.json", { type: "application/json" }));
      return dt;
    }, responseFile);
    await page.getByTestId("response-dropzone").dispatchEvent("drop", { dataTransfer: dt });
    await expect(page.getByTestId("verification")).toHaveText("Matches the link, not verified: anyone holding the invitation link could have made it");
    await expect(page.getByTestId("response-import-result")).toContainText("This response was imported before");

    // Adopting is explicit: a confirmation, then our rating changes.
    const row = table.locator("tr", { hasText: "Density in your priority verticals" });
    await expect(row.locator("td").nth(2)).toHaveText("5");
    await page.getByRole("button", { name: "Adopt their 1 for Access to your target buyer roles" }).click();
    await page.getByRole("group", { name: "Confirm adopting their rating for Access to your target buyer roles" }).getByRole("button", { name: "Adopt" }).click();
    const buyer = table.locator("tr", { hasText: "Access to your target buyer roles" });
    await expect(buyer.locator("td").nth(2)).toHaveText("1");
    await page.waitForFunction(() => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").includes("Self-assessed by"));
    await page.reload();
    await expect(page.getByTestId("self-assessment")).toContainText(XSS);
    // The adopted evidence says the response was not verified.
    await page.waitForFunction(() => (localStorage.getItem("partnerfit@/partnerfit/:workspace") ?? "").includes("not verified: matches the link"));

    // Revoked, the invitation's responses are refused.
    const revoke = page.getByRole("button", { name: /^Revoke invitation inv-/ });
    await expect(revoke).toHaveCount(2);
    await revoke.first().click();
    await expect(revoke).toHaveCount(1);
    await page.getByLabel("Paste the response link").fill(responseLink);
    await page.getByRole("button", { name: "Open the response", exact: true }).click();
    await expect(page.getByTestId("response-error")).toContainText("which was revoked on");
  }));

test("a passphrase protects both ways; wrong passphrases and damaged links are named", () =>
  h.fresh(async (app, page) => {
    const invitation = await createInvitation(app, page, { passphrase: "river otter 42" });
    assert.match(invitation, /#pf2\.ie\./);

    let responseLink;
    await partnerBrowser(async (p) => {
      // The same link without the slash still opens (hosts redirect to the
      // directory, keeping the fragment).
      await p.goto(invitation.replace("/respond/#", "/respond#"));
      await expect(p.getByRole("heading", { level: 1 })).toHaveText("A protected invitation");
      // A link cut off by an e-mail program: named at once, no passphrase asked.
      await p.goto(invitation.slice(0, -40));
      await expect(p.getByTestId("respond-error")).toContainText("The link is incomplete");
      await expect(p.getByLabel("Passphrase")).toHaveCount(0);
      // A character changed: plain words, the technical detail behind "Details".
      await p.goto(`${invitation.slice(0, -10)}~${invitation.slice(-9)}`);
      const error = p.getByTestId("respond-error");
      await expect(error).toContainText("The link is damaged: it contains a character no Partnerfit link has");
      await expect(p.getByLabel("Passphrase")).toHaveCount(0);
      await expect(error.getByTestId("error-detail")).toBeHidden();
      await error.getByText("Details", { exact: true }).click();
      await expect(error.getByTestId("error-detail")).toContainText("U+007E");
      // Pasting the whole link into the same tab opens it (only the
      // fragment changed), and so does a reload.
      await p.goto(invitation);
      await expect(p.getByRole("heading", { level: 1 })).toHaveText("A protected invitation");
      await p.reload();
      await expect(p.getByRole("heading", { level: 1 })).toHaveText("A protected invitation");
      await p.getByLabel("Passphrase").fill("river otter 41");
      await p.getByRole("button", { name: "Open the invitation" }).click();
      await expect(p.getByRole("alert")).toContainText("Wrong passphrase");
      await p.getByLabel("Passphrase").fill("river otter 42");
      await p.getByRole("button", { name: "Open the invitation" }).click();
      await expect(p.getByRole("heading", { level: 1 })).toHaveText("Ledgerline invites Northwind Integrations to a self-assessment");
      await p.getByText("The proposed rules of engagement").click();
      await expect(p.getByTestId("one-pager")).toContainText("Ledgerline × Northwind Integrations: rules of engagement");
      await p.getByLabel("Your name and role").fill("Mara Lindqvist");
      await p.getByLabel("Willingness to use deal registration or a basic tracking process", { exact: true }).selectOption("5");
      await p.getByRole("button", { name: "Prepare the response" }).click();
      const link = p.getByLabel("Response link");
      await link.waitFor({ timeout: 15000 });
      responseLink = await link.inputValue();
      assert.match(responseLink, /#pf1\.re\./, "the response is sealed with the same passphrase");
    });

    // Opened at its own address in our workbench.
    await page.goto(responseLink);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A partner's self-assessment");
    await expect(page.getByTestId("response-import-result")).toContainText("protected by the invitation's passphrase");
    await page.getByLabel("Passphrase of the invitation").fill("river otter 42");
    await page.getByRole("button", { name: "Open the response", exact: true }).click();
    await expect(page.getByTestId("verification")).toHaveText("Verified: answers our sealed invitation (only someone with its passphrase could have made it)");
    await page.getByRole("button", { name: "Add to Northwind Integrations's self-assessments" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Self-assessment: Northwind Integrations");
    await expect(page.getByTestId("self-assessment")).toContainText("Willingness to use deal registration");

    // A damaged response link is named before any passphrase is asked for.
    await page.goto(`${responseLink}AB`);
    const error = page.getByTestId("response-error");
    await expect(error).toContainText("The link is damaged: part of it is missing or changed.");
    await expect(page.getByLabel("Passphrase of the invitation")).toHaveCount(0);
    await error.getByText("Details", { exact: true }).click();
    await expect(error.getByTestId("error-detail")).toContainText("its header announces");
  }));
