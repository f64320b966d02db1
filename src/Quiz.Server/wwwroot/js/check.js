// /check: an organizer sends this link to a venue. It holds a live connection to the hub (WebSockets, as the pages
// use) for a minute (?seconds= to change it), measures the round trip and this device's clock against the server's
// once a second, and says plainly whether the network will do (js/check-verdict.js holds the thresholds).
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc } from "./prefs.js";
import { Live } from "./live.js";
import { verdict, percentile } from "./check-verdict.js";

const $ = id => document.getElementById(id);
const seconds = Math.min(600, Math.max(5, Number(new URLSearchParams(location.search).get("seconds")) || 60));
const PROBE_TIMEOUT_MS = 5000;
let run = null;

// The one place the hub is used: a Sync round trip (its reply carries the server's clock).
async function probe(live) {
  const sent = Date.now();
  const reply = await Promise.race([live.invoke("Sync", sent), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), PROBE_TIMEOUT_MS))]);
  const back = Date.now();
  return { trip: back - sent, offset: reply.serverTimeMs - (sent + back) / 2 };
}

function start() {
  run?.live.stop();
  const live = new Live();
  const state = { live, connected: false, up: false, trips: [], offsets: [], sent: 0, pending: 0, drops: 0, startedAt: performance.now(), done: false };
  run = state;
  live.onUp = () => { state.connected = state.up = true; };
  live.onDown = () => { if (state.up) state.drops++; state.up = false; };
  live.start();
  const tick = setInterval(async () => {
    const elapsed = (performance.now() - state.startedAt) / 1000;
    if (elapsed >= seconds) {
      clearInterval(tick);
      state.done = true;
      draw();
      live.stop();
      return;
    }
    if (state.up) {
      state.sent++;
      state.pending++;
      try {
        const { trip, offset } = await probe(live);
        if (!state.done) { state.trips.push(trip); state.offsets.push({ trip, offset }); }
      } catch {
        // unanswered within 5 s, or the connection fell: lost
      }
      state.pending--;
    }
    draw();
  }, 1000);
  draw();
}

function figures(state) {
  const best = state.offsets.reduce((a, b) => (!a || b.trip < a.trip ? b : a), null);
  return {
    median: percentile(state.trips, 50), p95: percentile(state.trips, 95), max: state.trips.length ? Math.max(...state.trips) : NaN,
    offsetMs: best ? best.offset : null, uncertainty: best ? Math.ceil(best.trip / 2) : null,
  };
}

// Probes still on their way when the check ends are neither answered nor lost: they are left out.
const answered = state => state.sent - state.pending;

const ms = value => Number.isFinite(value) ? t("check.ms", { n: Math.round(value) }) : "—";

function draw() {
  if (!run) return;
  const state = run;
  const f = figures(state);
  const elapsed = Math.min(seconds, Math.floor((performance.now() - state.startedAt) / 1000));
  $("progress").max = seconds;
  $("progress").value = state.done ? seconds : elapsed;
  $("progress-text").textContent = state.done ? t("check.finished") : t(state.up ? "check.running" : "check.connecting", { n: elapsed, of: seconds });
  $("figures").innerHTML = [
    ["check.trip.median", ms(f.median)], ["check.trip.p95", ms(f.p95)], ["check.trip.max", ms(f.max)],
    ["check.offset", f.offsetMs === null ? "—" : t("check.offsetValue", { ms: Math.round(f.offsetMs), pm: f.uncertainty })],
    ["check.drops", String(state.drops)], ["check.lost", `${answered(state) - state.trips.length} / ${answered(state)}`],
  ].map(([key, value]) => `<tr><th scope="row">${esc(t(key))}</th><td data-figure="${key}">${esc(value)}</td></tr>`).join("");
  const box = $("verdict");
  box.hidden = !state.done;
  if (!state.done) return;
  const result = verdict({ connected: state.connected, trips: state.trips, sent: answered(state), drops: state.drops, offsetMs: f.offsetMs });
  box.dataset.level = result.level;
  box.className = `card verdict ${result.level}`;
  box.innerHTML = `<h2 id="verdict-title">${esc(t(`check.level.${result.level}`))}</h2>
    <p>${esc(t(`check.level.${result.level}.say`))}</p>
    ${result.reasons.length ? `<ul>${result.reasons.map(r => `<li>${esc(t(r.key, r.vars))}</li>`).join("")}</ul>` : ""}
    ${result.notes.map(n => `<p class="muted">${esc(t(n.key, n.vars))}</p>`).join("")}`;
  $("again").hidden = false;
}

initPrefs();
$("duration").textContent = t("check.intro", { n: seconds });
onLangChange(() => { $("duration").textContent = t("check.intro", { n: seconds }); draw(); });
$("again").addEventListener("click", () => { $("again").hidden = true; start(); });
start();
