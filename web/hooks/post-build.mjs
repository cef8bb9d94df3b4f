// Trunk post_build hook: make the strict Content-Security-Policy of the built
// page allow exactly the inline scripts Trunk generated (its wasm loader, and
// in `trunk serve` its auto-reload script), by their SHA-256. For the
// workbench (the root index.html), also copy the page to 404.html so static
// hosts that serve 404.html on unknown paths (GitHub Pages, Netlify,
// Cloudflare Pages, S3 error documents) reload any page. The partner's page
// (web/respond/index.html, built into dist/respond/) needs no fallback.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");

const sha = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
// `trunk serve` fills its auto-reload script's placeholders when it serves the
// page (the address the browser used, and the base path): allow the script as
// `./dev.sh serve` serves it (http://127.0.0.1:8080/ or http://localhost:8080/).
const DEV_ADDRESSES = ["127.0.0.1:8080", "localhost:8080"];
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  const script = m[1];
  if (script.includes("{{__TRUNK_ADDRESS__}}")) {
    for (const address of DEV_ADDRESSES) {
      hashes.push(sha(script.replace("{{__TRUNK_ADDRESS__}}", address).replace("{{__TRUNK_WS_BASE__}}", "/")));
    }
  } else {
    hashes.push(sha(script));
  }
}
const marker = "script-src 'self' 'wasm-unsafe-eval'";
if (!html.includes(marker)) {
  console.error(`post-build: the CSP in index.html must contain "${marker}"`);
  process.exit(1);
}
html = html.replace(marker, [marker, ...hashes].join(" "));
writeFileSync(file, html);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const source = resolve(process.env.TRUNK_HTML_FILE ?? join(root, "index.html"));
if (source === join(root, "index.html")) {
  writeFileSync(join(dir, "404.html"), html);
  console.log(`post-build: CSP allows ${hashes.length} inline script(s); wrote 404.html`);
} else {
  // Every page carries the workbench's policy: refuse to build one that drifted.
  const csp = (text) => text.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  const ours = csp(readFileSync(source, "utf8"));
  const workbench = csp(readFileSync(join(root, "index.html"), "utf8"));
  if (ours !== workbench) {
    console.error(`post-build: the CSP of ${source} differs from index.html's`);
    process.exit(1);
  }
  console.log(`post-build: CSP allows ${hashes.length} inline script(s)`);
}
