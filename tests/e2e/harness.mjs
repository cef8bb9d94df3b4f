// Shared set-up for end-to-end test files: one server over dist/ under a
// sub-path and one browser per file; a fresh context (profile) per test that
// fails the test on any foreign request, CSP violation or app panic.
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { existsSync } from "node:fs";
import { launch, freshPage } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { Workbench } from "./app.mjs";

export function harness() {
  const h = { server: null, browser: null };
  before(async () => {
    assert.ok(existsSync("dist/index.html"), "build the site first (trunk build --release)");
    h.server = await serve("dist", { prefix: "/partnerfit/" });
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  /** Run `body(app, page, context)` in a fresh profile and check the promise held. */
  h.fresh = async (body, options = {}) => {
    const origin = new URL(h.server.url).origin;
    const { context, page, problems } = await freshPage(h.browser, origin, options.context);
    for (const script of options.initScripts ?? []) await page.addInitScript(script);
    try {
      const app = new Workbench(page, h.server.url);
      await body(app, page, context);
      assert.deepEqual(problems, [], "no foreign request, CSP violation or app error");
    } finally {
      await context.close();
    }
  };
  return h;
}
