// Partnerfit's service worker: the site works offline after one visit.
//
// web/hooks/service-worker.mjs writes two workers from this file after both
// builds: dist/sw.js for the workbench (scope: the site's directory) and
// dist/respond/sw.js for the partner's page (scope: respond/), filling in
// FILES (the app's files, relative to its directory), VERSION (a hash of
// their contents) and OTHER_APPS (directories another worker serves). A
// partner who opens an invitation thus caches only the small respond app,
// never the workbench.
//
// Update rule: a new deployment has a new VERSION, so the browser installs
// the new worker on the next visit, which caches the new files beside the
// old ones and then *waits*: the open pages keep the version they started
// with. They show "A new version is ready — reload"; only the user's click
// (the page's `skip-waiting` message) activates it, and the page reloads
// when it takes control. Activation deletes the older caches. Nothing is
// ever fetched from another origin; requests outside the site pass through.
const VERSION = "dev";
const FILES = /*FILES*/ [];
const OTHER_APPS = /*OTHER_APPS*/ [];
// Named by the worker's scope: the workbench's and the partner's page's
// workers (and deployments under other paths of the origin) share the
// origin's cache storage and must never delete each other's caches.
const PREFIX = `partnerfit ${self.registration.scope} `;
const CACHE = `${PREFIX}${VERSION}`;
const scope = () => new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload`: the files as deployed, never the HTTP cache's older copy.
      cache.addAll(FILES.map((f) => new Request(new URL(f, scope()), { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// Paths another app's worker serves (respond/ seen from the workbench's).
function otherApp(url) {
  const rest = url.pathname.slice(scope().pathname.length);
  return OTHER_APPS.some((dir) => rest.startsWith(dir));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope().pathname) || otherApp(url)) return;
  const cached =
    request.mode === "navigate"
      ? // A single-page app: every path shows its index.html.
        caches.match(new URL("index.html", scope()), { cacheName: CACHE })
      : caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  // Cache first; the network only for what the cache lacks (a file added
  // since, or a cache the browser evicted).
  event.respondWith(cached.then((hit) => hit ?? fetch(request)));
});
