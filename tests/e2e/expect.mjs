// A small retrying expect for locators (Playwright's own lives in @playwright/test,
// which this suite does not use: playwright-core plus node:test is enough).
import assert from "node:assert/strict";

const TIMEOUT = 5000;

async function until(check, describe) {
  const end = Date.now() + TIMEOUT;
  let last;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      assert.fail(`${await describe()}${last ? ` (${last.message})` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function expect(locator) {
  return {
    async toHaveText(text) {
      await until(
        async () => (await locator.innerText()).trim() === text,
        async () => `expected text ${JSON.stringify(text)}, got ${JSON.stringify(await locator.innerText().catch(() => "(none)"))}`,
      );
    },
    async toContainText(text) {
      await until(
        async () => (await locator.innerText()).includes(text),
        async () => `expected to contain ${JSON.stringify(text)}, got ${JSON.stringify(await locator.innerText().catch(() => "(none)"))}`,
      );
    },
    async toHaveCount(n) {
      await until(
        async () => (await locator.count()) === n,
        async () => `expected ${n} elements, got ${await locator.count()}`,
      );
    },
    async toHaveValue(v) {
      await until(
        async () => (await locator.inputValue()) === v,
        async () => `expected value ${JSON.stringify(v)}, got ${JSON.stringify(await locator.inputValue().catch(() => "(none)"))}`,
      );
    },
    async toBeVisible() {
      await until(() => locator.isVisible(), () => "expected to be visible");
    },
    async toNotContainText(text) {
      await until(
        async () => !(await locator.innerText()).includes(text),
        async () => `expected not to contain ${JSON.stringify(text)}, got ${JSON.stringify(await locator.innerText().catch(() => "(none)"))}`,
      );
    },
    async toMatchText(re) {
      await until(
        async () => re.test((await locator.innerText()).trim()),
        async () => `expected text matching ${re}, got ${JSON.stringify(await locator.innerText().catch(() => "(none)"))}`,
      );
    },
    async toNotHaveValue(v) {
      await until(
        async () => (await locator.inputValue()) !== v,
        async () => `expected a value other than ${JSON.stringify(v)}`,
      );
    },
    async toBeDisabled() {
      await until(() => locator.isDisabled(), () => "expected to be disabled");
    },
    async toBeEmpty() {
      await until(
        async () => (await locator.innerText()).trim() === "",
        async () => `expected no text, got ${JSON.stringify(await locator.innerText().catch(() => "(none)"))}`,
      );
    },
    async toBeHidden() {
      await until(async () => !(await locator.isVisible()), () => "expected to be hidden");
    },
  };
}
