// Synthetic data for the pilot and deal-import sections of the browser
// benchmark, made in node (no cargo): a workspace file whose Northwind pilot
// is at the issue's size, and a HubSpot-style deal export of any length.
// Both are deterministic (a seeded generator), so runs compare.
import { readFileSync } from "node:fs";

/** A small seeded generator (mulberry32): floats in [0, 1). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const at = (day) => Date.parse(`${day}T00:00:00Z`);

const PREFIXES = ["Nord", "Süd", "Elb", "Rhein", "Main", "Alpen", "Hafen", "Weser", "Oder", "Saale", "Mosel", "Harz", "Ems", "Isar", "Inn", "Ruhr", "Spree", "Havel"];
const TRADES = ["Logistik", "Großhandel", "Spedition", "Kühlhaus", "Baustoffe", "Getränke", "Agrar", "Metallbau", "Papier", "Textil", "Pharma Vertrieb", "Lager"];
const FORMS = ["GmbH", "AG", "KG", "GmbH & Co. KG", "SE"];
const slug = (s) =>
  s.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** A company name and domain, distinct for distinct `i` below 18 × 12 × 5 × k. */
function company(i) {
  const p = PREFIXES[i % PREFIXES.length];
  const t = TRADES[Math.floor(i / PREFIXES.length) % TRADES.length];
  const f = FORMS[Math.floor(i / (PREFIXES.length * TRADES.length)) % FORMS.length];
  const n = Math.floor(i / (PREFIXES.length * TRADES.length * FORMS.length));
  const name = `${p} ${t}${n ? ` ${n + 1}` : ""} ${f}`;
  return { name, domain: `${slug(`${p}-${t}${n ? `-${n + 1}` : ""}`)}.de` };
}

const PILOT_STAGES = ["qualification", "discovery", "solution", "proposal", "negotiation"];
const ACTIONS = ["Book the intro call", "Run the AP discovery workshop", "Send the current process map", "Share the ROI model", "Demo approval flows to the finance lead", "Get time with their IT lead", "Draft the joint proposal", "Agree the go-live date"];

/**
 * The demo workspace (core/src/demo_workspace.json) with Northwind's
 * current pilot at the issue's size: `accounts` pilot accounts (the demo's
 * 22 first, so the plays still name pilot accounts), `reviews` weekly
 * reviews within the pilot's dates (each with the stages it saw), and
 * `deals` opportunities attributed to Northwind (replacing the demo's),
 * created within the pilot, moved through stages in date order up to
 * `today`, some won or lost, with next actions on both sides. Returns the
 * file's text.
 */
export function pilotWorkspace({ accounts = 50, deals = 200, reviews = 8, today = "2026-12-30" } = {}) {
  const ws = JSON.parse(readFileSync(new URL("../../core/src/demo_workspace.json", import.meta.url), "utf8"));
  const partner = ws.partners.find((p) => p.id === "p-northwind");
  const pilot = partner.pilots.at(-1);
  if (pilot.decided !== null) throw new Error("the demo's Northwind pilot is decided");
  const random = rng(42);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];

  const names = new Set(pilot.accounts.map((a) => a.name));
  for (let i = 0; pilot.accounts.length < accounts; i++) {
    const c = company(i);
    if (names.has(c.name)) continue;
    names.add(c.name);
    pilot.accounts.push({ name: c.name, domain: c.domain, source: "shared" });
  }
  pilot.accounts.length = accounts;

  const start = at(pilot.start);
  const end = Math.min(at(pilot.end), at(today));
  pilot.reviews = [];
  for (let i = 0; i < reviews; i++) {
    const date = iso(start + (7 * (i + 1)) * DAY);
    pilot.reviews.push({ date, notes: `Week ${i + 1}: ${Math.floor(random() * 20)} deals moved; chase the stuck ones.`, seen: {} });
  }
  if (pilot.reviews.some((r) => at(r.date) > at(pilot.end))) throw new Error("too many weekly reviews for the pilot's dates");

  const others = ws.pipeline.opportunities.filter((o) => o.partner !== "p-northwind");
  const mine = [];
  for (let i = 0; i < deals; i++) {
    const account = pilot.accounts[i % pilot.accounts.length];
    const created = start + Math.floor(random() * ((end - start) / DAY)) * DAY;
    // Stages forward from qualification, each some days after the last;
    // some deals end won or lost.
    const history = [{ stage: "qualification", date: iso(created) }];
    let day = created;
    let rank = 0;
    while (rank < PILOT_STAGES.length - 1 && random() < 0.55) {
      day += (2 + Math.floor(random() * 12)) * DAY;
      if (day > end) break;
      rank += 1;
      history.push({ stage: PILOT_STAGES[rank], date: iso(day) });
    }
    let close = null;
    const fate = random();
    if (rank >= 2 && fate < 0.25 && day + 5 * DAY <= end) {
      day += 5 * DAY;
      history.push({ stage: fate < 0.15 ? "won" : "lost", date: iso(day) });
      close = iso(day);
    }
    const next_actions = [];
    const n = Math.floor(random() * 4);
    for (let k = 0; k < n; k++) {
      const owner = pick(["partner", "partner", "ours", "unassigned"]);
      const due = random() < 0.3 ? null : iso(created + (3 + Math.floor(random() * 30)) * DAY);
      next_actions.push({ text: pick(ACTIONS), owner, due, done: random() < 0.4 });
    }
    const q = random();
    mine.push({
      id: `o-bench-${i + 1}`,
      crm_id: `HS-B${String(i + 1).padStart(5, "0")}`,
      name: `${account.name.split(" ")[0]} — AP automation ${i + 1}`,
      account: account.name,
      domain: account.domain,
      partner: "p-northwind",
      partner_text: "Northwind Integrations",
      source: "Partner",
      attribution: "partner_sourced",
      type: "new",
      amount_minor: (5 + Math.floor(random() * 40)) * 100_000,
      created: iso(created),
      close,
      stage_history: history,
      qualified: q < 0.6 ? null : q < 0.85,
      next_actions,
    });
  }
  // What each review saw, as recording it in the app does: the stage of
  // every deal created by then (so the page lists what moved since the
  // last review, not all 200 as new).
  for (const r of pilot.reviews) {
    for (const o of mine) {
      const entered = o.stage_history.filter((e) => e.date <= r.date);
      if (entered.length) r.seen[o.id] = entered.at(-1).stage;
    }
  }
  ws.pipeline.opportunities = [...others, ...mine];
  return JSON.stringify(ws);
}

const HUBSPOT_STAGES = ["Appointment scheduled", "Qualified to buy", "Presentation scheduled", "Decision maker bought-in", "Contract sent", "Closed won", "Closed lost"];

/**
 * A HubSpot deal export of `rows` deals, every `partnerEvery`th one from
 * Northwind Integrations (Lead Source "Partner"); created in 2026, closed
 * ones with a close date. Returns the CSV text.
 */
export function hubspotDeals(rows, { partnerEvery = 10 } = {}) {
  const random = rng(7);
  const out = ["Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Associated Company,Lead Source,Partner,Deal Type"];
  const year = at("2026-01-01");
  for (let i = 0; i < rows; i++) {
    const c = company(Math.floor(random() * 20_000));
    const stage = HUBSPOT_STAGES[Math.floor(random() * HUBSPOT_STAGES.length)];
    const created = year + Math.floor(random() * 320) * DAY;
    const closed = stage.startsWith("Closed");
    const close = closed || random() < 0.5 ? iso(created + (10 + Math.floor(random() * 90)) * DAY) : "";
    const partner = i % partnerEvery === 0;
    const name = `${c.name.split(" ")[0]} — ${pick3(random)} ${i + 1}`;
    const amount = (2 + Math.floor(random() * 60)) * 1000;
    const quoted = (s) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    out.push(
      [
        String(500_000 + i),
        quoted(name),
        stage,
        String(amount),
        iso(created),
        close,
        quoted(c.name),
        partner ? "Partner" : random() < 0.5 ? "Website" : "Outbound",
        partner ? "Northwind Integrations" : "",
        random() < 0.8 ? "newbusiness" : "existingbusiness",
      ].join(","),
    );
  }
  return out.join("\n") + "\n";
}

function pick3(random) {
  const what = ["invoice capture", "AP automation", "approvals", "supplier portal", "expense rollout"];
  return what[Math.floor(random() * what.length)];
}
