// Issue 15: a private comparison between two fresh browser profiles (us and
// the partner), each importing its own CRM export; the three files go
// through downloads and uploads; both see the same matrix, the partner's
// figures land in our overlap assessment marked as privately computed, and
// the partner's profile never holds our account names.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();
const fixture = (name) => ({ name, mimeType: "text/csv", buffer: readFileSync(`tests/e2e/fixtures/${name}`) });

/** Click `button` and return the file it downloads, as bytes, with its name. */
async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  return { name: d.suggestedFilename(), mimeType: "application/octet-stream", buffer: readFileSync(await d.path()) };
}

async function importCsv(page, label, file) {
  await page.getByLabel(label).setInputFiles(fixture(file));
  await expect(page.getByTestId("csv-preview")).toContainText("will be imported");
  await page.getByRole("button", { name: "Import accounts" }).click();
  await expect(page.getByTestId("csv-done")).toContainText("Imported");
}

/**
 * Our side, from a fresh profile: an empty workspace, Northwind as a
 * partner, our HubSpot export imported, a request made on Northwind's
 * overlap page in `mode`; returns the request file and the section.
 */
async function ourRequest(us, page, mode = "Counts only") {
  await us.open();
  await us.confirmReset("Start an empty workspace");
  await us.addPartner("Northwind Integrations", "Services");
  await us.go("Accounts");
  await importCsv(page, "Import our accounts (CSV)", "ours-hubspot.csv");
  await page.getByRole("link", { name: "Northwind Integrations" }).click();
  const compare = page.getByTestId("private-compare");
  await compare.getByLabel("Our company, as the partner will see it").fill("Acme Software");
  await compare.getByRole("radio", { name: new RegExp(`^${mode}`) }).check();
  const request = await download(page, () => compare.getByRole("button", { name: "Create the request file" }).click());
  return { request, compare };
}

/** Every value in this profile's localStorage, as one text. */
const storedText = (page) =>
  page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join("\n"));

test("two profiles compare privately through three files and see the same matrix", () =>
  h.fresh((us, usPage) =>
    h.fresh(async (them, themPage) => {
      // Us: our accounts, a partner, a request in "shared accounts" mode.
      const { request, compare } = await ourRequest(us, usPage, "Shared accounts");
      assert.match(request.name, /^partnerfit-request-[0-9a-f]{8}\.psi$/);
      await expect(usPage.getByTestId("psi-pending")).toContainText("send partnerfit-request-");
      // A lost request file is made again, byte for byte.
      const again = await download(usPage, () => compare.getByRole("button", { name: "Download the request file again" }).click());
      assert.ok(again.buffer.equals(request.buffer), "the same request file again");

      // The partner: a fresh profile (told to leave the demo first), its own
      // export, the consent screen, the answer.
      await them.open("private-answer");
      await expect(themPage.getByTestId("psi-demo")).toContainText("demo workspace");
      await them.open();
      await them.confirmReset("Start an empty workspace");
      await them.go("Accounts");
      await themPage.getByRole("link", { name: "Answer a private comparison →" }).click();
      await themPage.getByLabel("Request file (.psi)").setInputFiles(request);
      const consent = themPage.getByTestId("psi-consent");
      await expect(consent).toContainText("Acme Software asks to compare account lists: Shared accounts.");
      await expect(consent).toContainText("Their list: 14 customers, 10 open opportunities, 16 prospects.");
      await importCsv(themPage, "Import your accounts (CSV)", "northwind-salesforce.csv");
      await themPage.getByLabel("Your company, as the requester will see it").fill("Northwind Integrations");
      const answer = await download(themPage, () => themPage.getByRole("button", { name: "Answer and download the answer file" }).click());
      assert.match(answer.name, /^partnerfit-answer-[0-9a-f]{8}\.psi$/);
      await expect(themPage.getByTestId("psi-answered")).toContainText("waiting for the result file");

      // Us: the answer gives the matrix, our shared accounts, the result file.
      const result = await download(usPage, () =>
        usPage.getByLabel("The partner's answer file (.psi)").setInputFiles(answer));
      assert.match(result.name, /^partnerfit-result-[0-9a-f]{8}\.psi$/);
      await expect(usPage.getByTestId("psi-done")).toContainText("Compared privately with Northwind Integrations");
      const ourMatrix = await usPage.getByTestId("psi-matrix").innerText();
      await expect(usPage.getByTestId("psi-shared")).toContainText("Nordhafen Logistik GmbH");
      await expect(usPage.getByTestId("overlap-assessment")).toContainText("privately computed");

      const theirs = readFileSync("tests/e2e/fixtures/northwind-salesforce.csv", "latin1");
      // The partner: the result gives the same matrix, its own shared names.
      await themPage.getByLabel("Result file (.psi)").setInputFiles(result);
      const theirMatrix = themPage.getByTestId("psi-matrix");
      await expect(theirMatrix).toBeVisible();
      assert.equal(await theirMatrix.innerText(), ourMatrix, "both sides see the same matrix");
      await expect(themPage.getByTestId("psi-shared")).toContainText("Nordhafen Logistik");
      for (const line of (await themPage.getByTestId("psi-shared").innerText()).split("\n")) {
        assert.ok(theirs.includes(line.split(" — ")[0]), `the partner sees its own names: ${line}`);
      }

      // None of our account names that the partner's list does not hold
      // ever reached the partner's profile.
      const ours = readFileSync("tests/e2e/fixtures/ours-hubspot.csv", "utf8")
        .trim().split("\n").slice(1).map((l) => l.split(",")[1]);
      const stored = await storedText(themPage);
      const leaked = ours.filter((n) => !theirs.includes(n) && stored.includes(n));
      assert.deepEqual(leaked, [], "our names are not in the partner's profile");
      assert.ok(stored.includes("Nordhafen Logistik"), "the partner's own list is stored");

      // Reloads keep both outcomes and the result file; a result read
      // again, or the request answered again, is refused by name.
      await usPage.reload();
      assert.equal(await usPage.getByTestId("psi-matrix").innerText(), ourMatrix);
      const resultAgain = await download(usPage, () => usPage.getByRole("button", { name: "Download the result file again" }).click());
      assert.ok(resultAgain.buffer.equals(result.buffer), "the same result file again");
      await themPage.reload();
      assert.equal(await themPage.getByTestId("psi-matrix").innerText(), ourMatrix);
      await themPage.getByLabel("Result file (.psi)").setInputFiles(result);
      await expect(themPage.getByRole("alert").filter({ hasText: "was read already" })).toBeVisible();
      await themPage.getByLabel("Request file (.psi)").setInputFiles(request);
      await themPage.getByLabel("Your company, as the requester will see it").fill("Northwind Integrations");
      await themPage.getByRole("button", { name: "Answer and download the answer file" }).click();
      await expect(themPage.getByRole("alert").filter({ hasText: "answered and its result read already" })).toBeVisible();
    })));

test("an altered or foreign file is refused with its reason and nothing kept changes", () =>
  h.fresh(async (us, page) => {
    const { request } = await ourRequest(us, page);
    const keptPsi = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":psi.")).map((k) => localStorage.getItem(k)).join("\n"));
    const kept = await keptPsi();
    assert.ok(kept.includes("seed"), "the request's secret is kept");

    // Our own request given as the answer: the wrong step.
    await page.getByLabel("The partner's answer file (.psi)").setInputFiles(request);
    await expect(page.getByTestId("psi-error")).toContainText("request");
    // One bit changed: refused as changed.
    const changed = Buffer.from(request.buffer);
    changed[changed.length - 40] ^= 1;
    await page.getByLabel("The partner's answer file (.psi)").setInputFiles({ ...request, buffer: changed });
    await expect(page.getByTestId("psi-error")).toContainText("changed");
    // A CSV: not a comparison file.
    await page.getByLabel("The partner's answer file (.psi)").setInputFiles(fixture("ours-hubspot.csv"));
    await expect(page.getByTestId("psi-error")).toContainText("This is not a Partnerfit");
    assert.equal(await keptPsi(), kept, "nothing kept changed");
    await expect(page.getByTestId("psi-pending")).toBeVisible();
    // What is kept, damaged, is shown as unreadable and left in place.
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(":psi.asked.")));
    await page.evaluate((k) => localStorage.setItem(k, "{damaged"), key);
    await page.reload();
    await expect(page.getByTestId("psi-unreadable")).toContainText("cannot be read");
    await expect(page.getByRole("button", { name: "Create the request file" })).toHaveCount(0);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), "{damaged", "left as it is");
  }));

// The command line and the browser read each other's files: a browser
// request answered by `partnerfit psi answer`, finished in the browser and
// read by `partnerfit psi finish`; then a CLI request answered in the
// browser. Both sides end with the same matrix.
const cli = (args) =>
  execFileSync("cargo", ["run", "--quiet", "-p", "partnerfit-cli", "--", ...args], { encoding: "utf8" });

/** The matrix the page shows, as numbers per row ("—": not taking part). */
const shown = async (page) =>
  (await page.getByTestId("psi-matrix").locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll("td")].map((c) => c.innerText))));

const asShown = (json) =>
  json.matrix.map((row, i) => row.map((n, j) =>
    json.requester_sizes[i] !== null && json.responder_sizes[j] !== null ? String(n) : "—"));

test("the browser and the command line interoperate both ways", () =>
  h.fresh((us, usPage) =>
    h.fresh(async (them, themPage) => {
      const dir = mkdtempSync(join(tmpdir(), "pf-psi-"));
      const save = (f) => { const p = join(dir, f.name); writeFileSync(p, f.buffer); return p; };
      // Browser → CLI → browser → CLI.
      const request = save((await ourRequest(us, usPage)).request);
      cli(["psi", "answer", request, "--ours", "tests/e2e/fixtures/northwind-salesforce.csv", "--from", "Northwind CLI",
        "-o", join(dir, "answer.psi"), "--state", join(dir, "partner")]);
      const answer = { name: "answer.psi", mimeType: "application/octet-stream", buffer: readFileSync(join(dir, "answer.psi")) };
      const result = save(await download(usPage, () => usPage.getByLabel("The partner's answer file (.psi)").setInputFiles(answer)));
      const partner = JSON.parse(cli(["psi", "finish", result, "--json", "--state", join(dir, "partner")]));
      assert.deepEqual(await shown(usPage), asShown(partner), "the CLI partner sees the browser's matrix");

      // CLI → browser → CLI → browser.
      cli(["psi", "start", "--ours", "tests/e2e/fixtures/ours-hubspot.csv", "--from", "Acme CLI", "--mode", "accounts",
        "-o", join(dir, "request2.psi"), "--state", join(dir, "us")]);
      await them.open();
      await them.confirmReset("Start an empty workspace");
      await them.open("private-answer");
      await themPage.getByLabel("Request file (.psi)").setInputFiles(join(dir, "request2.psi"));
      await expect(themPage.getByTestId("psi-consent")).toContainText("Acme CLI asks to compare account lists: Shared accounts.");
      await importCsv(themPage, "Import your accounts (CSV)", "northwind-salesforce.csv");
      await themPage.getByLabel("Your company, as the requester will see it").fill("Northwind Integrations");
      const answer2 = save(await download(themPage, () => themPage.getByRole("button", { name: "Answer and download the answer file" }).click()));
      const ours = JSON.parse(cli(["psi", "finish", answer2, "--json", "-o", join(dir, "result2.psi"), "--state", join(dir, "us")]));
      await themPage.getByLabel("Result file (.psi)").setInputFiles(join(dir, "result2.psi"));
      await expect(themPage.getByTestId("psi-matrix")).toBeVisible();
      assert.deepEqual(await shown(themPage), asShown(ours), "the browser partner sees the CLI's matrix");
      assert.deepEqual(asShown(ours), asShown(partner), "the same lists give the same matrix either way");
    })));
