// A static file server for the built site, like a plain static host: files
// under a sub-path (default /partnerfit/), a directory's index.html (and a
// redirect to the directory when the slash is missing), and for unknown paths
// the site's 404.html with status 404 (as GitHub Pages does); text and wasm
// are sent gzip-compressed to a browser that accepts it, as static hosts do
// (the throttled first-visit benchmark depends on it). Used by the end-to-end
// suite and the browser benchmark; listens on 127.0.0.1 only.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".dat": "text/plain; charset=utf-8",
  ".png": "image/png",
};

const COMPRESSED = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".dat", ".webmanifest"]);
const gzipped = new Map(); // path → { mtime, body }

/** The body of `file` for `req`: gzip when the browser takes it and the type compresses. */
async function body(req, file, mtime) {
  const raw = await readFile(file);
  if (!COMPRESSED.has(extname(file)) || !/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) return { raw };
  let hit = gzipped.get(file);
  if (hit?.mtime !== mtime) {
    hit = { mtime, body: gzipSync(raw, { level: 6 }) };
    gzipped.set(file, hit);
  }
  return { gzip: hit.body };
}

/** Start serving `root` under `prefix`; resolves to { url, close }. */
export async function serve(root, { prefix = "/partnerfit/", port = 0 } = {}) {
  root = resolve(root);
  let requests = 0;
  const server = createServer(async (req, res) => {
    requests += 1;
    const url = new URL(req.url, "http://127.0.0.1");
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    path = path.slice(prefix.length) || "index.html";
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        // Like a static host: a directory without the slash redirects to it,
        // with the slash it serves its index.html.
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, "index.html");
        s = await stat(file);
      }
      if (!s.isFile()) throw new Error("not a file");
      const { raw, gzip } = await body(req, file, s.mtimeMs);
      const type = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      res.writeHead(200, gzip ? { ...type, "content-encoding": "gzip", vary: "accept-encoding" } : type);
      res.end(gzip ?? raw);
    } catch {
      try {
        const body = await readFile(join(root, "404.html"));
        res.writeHead(404, { "content-type": TYPES[".html"] }).end(body);
      } catch {
        res.writeHead(404).end("not found");
      }
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}${prefix}`,
    close: () => new Promise((ok) => server.close(ok)),
    /** How many requests reached the server (none while a test is "offline"). */
    get requests() {
      return requests;
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8081);
  const { url } = await serve(root, { port });
  console.log(`serving ${root} at ${url}`);
}
