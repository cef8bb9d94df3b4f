// The background worker's entry (web/src/worker): loads its wasm, keeping
// messages that arrive meanwhile; a failed load becomes an uncaught error,
// which the page receives as the worker's "error" event.
"use strict";
const early = [];
self.onmessage = (e) => early.push(e);
importScripts("./partnerfit-worker.js");
wasm_bindgen("./partnerfit-worker_bg.wasm").then(
  () => {
    for (const e of early) self.onmessage(e);
  },
  (e) => setTimeout(() => { throw e; }),
);
