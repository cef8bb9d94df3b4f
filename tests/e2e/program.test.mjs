// Issue 13: the program view as a new user sees it on the demo workspace —
// the number against its target, the Pareto chart of partner revenue, the
// health check; one failing item fixed through its link, then passing; the
// rhythm downloaded as an iCalendar file.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { expect } from "./expect.mjs";
import { harness } from "./harness.mjs";

const h = harness();

test("program view: Pareto chart, health check fixed through its link, calendar download", () =>
  h.fresh(async (app, page) => {
    await page.clock.setFixedTime(new Date("2026-11-30T10:00:00"));
    await app.open();
    await app.go("Program");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Program");

    // The number against its target.
    await expect(page.getByTestId("program-number")).toContainText("2026 Q4");

    // The 80/20: the Pareto chart and who the top 20 % are.
    await expect(page.getByTestId("pareto").first()).toBeVisible();
    await expect(page.getByTestId("concentration")).toContainText("HHI");

    // The health check: no owner for the number yet.
    const owner = page.getByTestId("health-item").filter({ hasText: "owner for the number" });
    await expect(owner).toContainText("Fails");
    const before = await page.getByTestId("health-score").innerText();
    await owner.getByRole("link").click();
    const field = page.getByLabel("Owner of the number");
    await field.fill("Dana Whitfield");
    await field.press("Tab");
    await expect(owner).toContainText("Passes");
    await expect(page.getByTestId("health-score")).toNotContainText(before);

    // The rhythm as a calendar file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-calendar").click(),
    ]);
    assert.equal(download.suggestedFilename(), "ledgerline-partner-rhythm.ics");
    const text = await readFile(await download.path(), "utf8");
    assert.ok(text.startsWith("BEGIN:VCALENDAR\r\n"), text.slice(0, 80));
    assert.equal((text.match(/BEGIN:VEVENT/g) || []).length, 3, text);
    assert.ok(text.includes("RRULE:FREQ=WEEKLY;BYDAY=MO"), text);
    // What was typed a moment ago is in the file (unfolded: lines fold at 75 octets).
    assert.ok(text.replace(/\r\n /g, "").includes("Owner of the number: Dana Whitfield."), text);
  }));
