// Issue 11: one door for every edit. Removing a category with ratings is one
// step a user can undo with the keyboard and redo with the button; a
// snapshot taken before an import brings the workspace back; every state
// survives a reload.
import assert from "node:assert/strict";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();

const undoButton = (page) => page.getByTestId("history").getByRole("button", { name: /^Undo/ });
const redoButton = (page) => page.getByTestId("history").getByRole("button", { name: /^Redo/ });
const ops = (page) => page.locator(".category-editor legend", { hasText: "Operational readiness" });

test("remove a category, undo with the keyboard, redo with the button, restore a snapshot from before an import, reload", () =>
  h.fresh(async (app, page) => {
    await app.open();
    await app.go("Scorecard");
    await expect(ops(page)).toHaveCount(1);
    await page.getByRole("button", { name: "Remove the category Operational readiness" }).click();
    await expect(ops(page)).toHaveCount(0);
    await expect(undoButton(page)).toMatchText(/^Undo: remove category Operational readiness — \d+ ratings$/);
    const ratings = Number(/— (\d+) ratings/.exec(await undoButton(page).innerText())[1]);
    assert.ok(ratings > 0, "the category had ratings");

    // Undo from the keyboard brings the category and its ratings back.
    await page.keyboard.press("Control+z");
    await expect(ops(page)).toHaveCount(1);
    await expect(redoButton(page)).toMatchText(/^Redo: remove category Operational readiness/);
    await app.go("Partners");
    await page.getByRole("link", { name: "Northwind Integrations" }).click();
    await expect(page.getByLabel("Responsiveness and follow-through during evaluation", { exact: true })).toNotHaveValue("");

    // Redo with the button, from another page: the history follows the session.
    await redoButton(page).click();
    await expect(page.getByLabel("Responsiveness and follow-through during evaluation", { exact: true })).toHaveCount(0);
    await app.saved();

    // Import a file over it; a snapshot of the workspace before is kept.
    const mine = await app.exportWorkspace();
    const theirs = JSON.parse(mine.text);
    theirs.profile.name = "Imported Co";
    await app.importFile("imported.json", JSON.stringify(theirs));
    await page.getByRole("button", { name: "Replace my workspace" }).click();
    await expect(page.getByText("Replaced the workspace with imported.json.")).toBeVisible();
    const snapshot = page.getByTestId("snapshot").filter({ hasText: "Before: import imported.json" });
    await expect(snapshot).toHaveCount(1);
    await snapshot.getByRole("button", { name: /^What changed since/ }).click();
    await expect(snapshot).toContainText("Our company changed (name)");

    // Restore it: the workspace as it was before the import.
    await snapshot.getByRole("button", { name: /^Restore the snapshot/ }).click();
    await expect(undoButton(page)).toMatchText(/^Undo: restore the snapshot of /);
    await app.go("ICP");
    await expect(page.getByLabel("Company name")).toHaveValue("Ledgerline");
    await app.saved();

    // After a reload: the restored workspace, without the removed category,
    // and the snapshots are still there.
    await page.reload();
    await app.go("ICP");
    await expect(page.getByLabel("Company name")).toHaveValue("Ledgerline");
    await app.go("Scorecard");
    await expect(ops(page)).toHaveCount(0);
    await expect(page.locator(".category-editor")).toHaveCount(3);
    await app.go("Workspace");
    await expect(page.getByTestId("snapshot").filter({ hasText: "Before: import imported.json" })).toHaveCount(1);
    await expect(page.getByTestId("snapshot").filter({ hasText: "Before: restore the snapshot of" })).toHaveCount(1);
    // The history is of the session: after a reload there is nothing to undo.
    await expect(undoButton(page)).toBeDisabled();
  }));
