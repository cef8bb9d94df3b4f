// After both builds (./dev.sh build): write the two service workers from
// web/service-worker/sw.js, each listing its app's files and a version that
// changes whenever any of them does (a new deployment):
//   dist/sw.js          the workbench: every file outside respond/
//   dist/respond/sw.js  the partner's page: the files in respond/
// Files are listed relative to the worker's directory, so the site keeps
// working from any sub-path.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dist = process.argv[2] ?? "dist";
// Not cached: the workers themselves, the host's header file, and the 404
// page (the workbench's worker answers unknown paths with the app itself).
const SKIP = new Set(["sw.js", "_headers", "404.html"]);
const template = readFileSync(new URL("../service-worker/sw.js", import.meta.url), "utf8");

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function write(dir, otherApps) {
  const root = join(dist, dir);
  const files = walk(root)
    .map((path) => relative(root, path).split(sep).join("/"))
    .filter((f) => !SKIP.has(f) && !otherApps.some((other) => f.startsWith(other)))
    .sort();
  if (!files.includes("index.html")) {
    console.error(`service-worker: ${root} has no index.html (build both apps first)`);
    process.exit(1);
  }
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update("\0").update(readFileSync(join(root, f))).update("\0");
  const version = hash.digest("hex").slice(0, 16);
  const out = template
    .replace('const VERSION = "dev";', `const VERSION = ${JSON.stringify(version)};`)
    .replace("/*FILES*/ []", JSON.stringify(files, null, 2))
    .replace("/*OTHER_APPS*/ []", JSON.stringify(otherApps));
  if ([version, "/*FILES*/", "/*OTHER_APPS*/"].some((m, i) => out.includes(m) !== (i === 0))) {
    console.error("service-worker: a marker (VERSION, FILES, OTHER_APPS) is missing from the template");
    process.exit(1);
  }
  writeFileSync(join(root, "sw.js"), out);
  console.log(`service-worker: ${join(root, "sw.js")}: ${files.length} files, version ${version}`);
}

write("", ["respond/"]);
write("respond", []);
