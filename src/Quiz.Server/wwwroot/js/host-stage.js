// The host console's stage panel: team scores, the buzzer, judge buttons, stakes, corrections with a reason, and
// the teams' seat codes. Shown only for a contest with stage teams.
import { t, onLangChange } from "./i18n.js";
import { esc } from "./prefs.js";
import { phaseText, buzzOrder, teamTiles } from "./stage-view.js";

const $ = id => document.getElementById(id);
let live, ui, stage = null;

export function initStage(connection, handlers) {
  live = connection;
  ui = handlers;
  live.on("StageChanged", s => { if (!stage || s.version >= stage.version) { stage = s; render(); } });
  $("stage-arm").addEventListener("click", () => send({ move: "arm" }));
  $("judge-right").addEventListener("click", () => send({ move: "judge", correct: true }));
  $("judge-wrong").addEventListener("click", () => send({ move: "judge", correct: false }));
  // The server decides the buzz (or ends the window) by itself; this is for when the node that should have did not.
  $("stage-settle").addEventListener("click", () => send({ move: stage.buzzes.length ? "decide" : "expire" }));
  $("wager-buttons").addEventListener("click", e => {
    const value = e.target.closest("button")?.dataset.stake;
    if (value !== undefined) send({ move: "wager", team: stage.turn, value: Number(value) });
  });
  $("correct-form").addEventListener("submit", async e => {
    e.preventDefault();
    const request = { move: "correct", team: Number($("correct-team").value), value: Number($("correct-value").value), reason: $("correct-reason").value.trim() };
    $("correct-done").hidden = true;
    const done = await send(request);
    if (done) {
      // Said in words, with the new score: a correction changes a number on the big screen, so the console confirms it.
      $("correct-done").textContent = t("stage.corrected", { team: stage.teams[request.team]?.name ?? "", value: signed(request.value), score: stage.teams[request.team]?.score ?? "", reason: request.reason });
      $("correct-done").hidden = false;
      $("correct-value").value = "";
      $("correct-reason").value = "";
    }
  });
  $("seats-box").addEventListener("toggle", showSeats);
  onLangChange(render);
  setInterval(tick, 250);
}

/** After (re)taking the room: the stage as it stands, or nothing for a contest of the audience only. */
export async function loadStage() {
  try {
    stage = await live.invoke("GetStage");
  } catch {
    stage = null;
  }
  render();
}

async function send(request) {
  try {
    stage = await live.invoke("Stage", request);
    ui.showError("");
    render();
    return true;
  } catch (error) {
    ui.showError(ui.describe(error));
    return false;
  }
}

async function showSeats() {
  if (!$("seats-box").open || $("seats").innerHTML) return;
  try {
    const seats = await live.invoke("StageSeats");
    const contestId = stage.contestId;
    $("seats").innerHTML = seats.map(s => {
      const link = `${location.origin}/buzz#contest=${encodeURIComponent(contestId)}&seat=${encodeURIComponent(s.code)}`;
      return `<tr><td>${esc(s.name)}</td><td><code>${esc(s.code)}</code></td><td><a href="${esc(link)}" target="_blank" rel="noopener" data-i18n="host.stage.seatLink">${esc(t("host.stage.seatLink"))}</a></td></tr>`;
    }).join("");
  } catch (error) {
    ui.showError(ui.describe(error));
  }
}

const signed = v => (v > 0 ? `+${v}` : String(v));
const clock = ms => new Date(ms).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const byWhom = by => by?.startsWith("account:") ? by.slice("account:".length) : t("stage.byHost");

/** Every correction of the contest, newest first, as the stage keeps them (every console sees the same list). */
function drawCorrections() {
  const list = [...(stage.corrections ?? [])].reverse();
  $("corrections").innerHTML = list.length ? list.map(c => `<li>${esc(t("stage.correction", {
    time: clock(c.atMs), q: c.seq + 1, team: stage.teams[c.team]?.name ?? "", value: signed(c.value), reason: c.reason, by: byWhom(c.by) }))}</li>`).join("")
    : `<li class="muted empty">${esc(t("stage.noCorrections"))}</li>`;
}

function render() {
  $("stage").hidden = !stage;
  if (!stage) return;
  drawCorrections();
  $("stage-phase").textContent = phaseText(stage) || t("ph.idle");
  $("stage-teams").innerHTML = teamTiles(stage);
  $("buzz-order").innerHTML = buzzOrder(stage) || `<li class="muted">—</li>`;
  const buzzes = stage.segment === "buzz" || stage.segment === "tiebreak";
  $("stage-arm").disabled = !(buzzes && stage.phase === "ready");
  $("judge-right").disabled = $("judge-wrong").disabled = stage.phase !== "answering";
  const wagering = stage.phase === "wagering";
  $("wager-row").hidden = !wagering;
  if (wagering) {
    $("wager-buttons").innerHTML = [...stage.wagerValues, 0]
      .map(v => `<button type="button" data-stake="${v}" class="${v ? "" : "secondary"}">${v ? esc(v) : esc(t("stage.pass"))}</button>`).join("");
  }
  const select = $("correct-team");
  const chosen = select.value;
  select.innerHTML = stage.teams.map(team => `<option value="${team.index}">${esc(team.name)}</option>`).join("");
  if (chosen) select.value = chosen;
}

/** The buzzer's window or a rapid-fire team's clock, on the server's time. */
function tick() {
  if (!stage) return;
  const now = live.serverNow();
  const end = stage.phase === "armed" ? stage.windowEndsAtMs : stage.segment === "rapid" && stage.phase === "answering" ? stage.turnEndsAtMs : 0;
  $("stage-clock").textContent = end ? String(Math.max(0, Math.ceil((end - now) / 1000))) : "";
  const due = stage.phase === "armed" ? (stage.buzzes.length ? stage.decideAtMs : stage.windowEndsAtMs) : 0;
  $("stage-settle").hidden = !due || now < due + 2000;
}
