// What takes the space in a wasm file, by crate (twiggy is not installed
// on these machines): the code of every function, attributed to the crate
// its name starts with, and the data segments. Needs the name section:
// build with names kept and wasm-opt off, e.g.
//   sed 's/data-bin="partnerfit-web"\(.*\)data-wasm-opt="z"/data-bin="partnerfit-web" data-keep-debug\1data-wasm-opt="0"/' index.html > index-size.html
//   trunk build --release --dist /tmp/sizedist index-size.html
//   node tests/bench/wasm-size.mjs /tmp/sizedist/partnerfit-web-*_bg.wasm [TOP]
// Sizes are before wasm-opt and gzip: read them as shares, not as the
// shipped figure.
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node tests/bench/wasm-size.mjs FILE.wasm [TOP]");
  process.exit(2);
}
const bytes = readFileSync(file);
let at = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return result;
  }
};
const name = () => {
  const n = u32();
  const s = bytes.subarray(at, at + n).toString("utf8");
  at += n;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const end = at + size;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        u32();
        imported++;
      } else if (kind === 1) {
        at++;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 3) {
        at += 2;
      } else {
        u32();
        u32();
      }
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) {
      const len = u32();
      bodies.push(len);
      at += len;
    }
  } else if (id === 11) {
    data = size;
  } else if (id === 0) {
    const section = name();
    if (section === "name") {
      while (at < end) {
        const sub = bytes[at++];
        const len = u32();
        const subEnd = at + len;
        if (sub === 1) {
          for (let n = u32(); n > 0; n--) names.set(u32(), name());
        }
        at = subEnd;
      }
    }
  }
  at = end;
}
if (names.size === 0) {
  console.error(`${file} has no name section: build with names kept (see the top of this script)`);
  process.exit(1);
}

/** The crate a (demangled) function name belongs to. */
function crateOf(fn) {
  let s = fn.replace(/^(<|&mut |&|dyn |\(|\[)+/, "");
  const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  return m ? m[1] : "(other)";
}

const byCrate = new Map();
let code = 0;
bodies.forEach((len, i) => {
  const fn = names.get(imported + i) ?? "(unnamed)";
  const crate = crateOf(fn);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + len);
  code += len;
});
const top = Number(topArg ?? 25);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${file}: ${kb(bytes.length)} KB in all; code ${kb(code)} KB in ${bodies.length} functions; data ${kb(data)} KB`);
for (const [crate, len] of [...byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${kb(len)} KB ${((100 * len) / code).toFixed(1).padStart(5)} %  ${crate}`);
}
