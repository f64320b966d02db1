// A team's buzzer: takes the team's seat with its seat code (from the host, in the link after #), then buzzes.
// The server stamps each buzz when it arrives; this page's clock plays no part. Space or Enter buzzes too.
import { t, onLangChange } from "./i18n.js";
import { initPrefs } from "./prefs.js";
import { Live, errorCode } from "./live.js";
import { phaseText, teamTiles, teamName } from "./stage-view.js";

const $ = id => document.getElementById(id);
const live = new Live();
const fragment = new URLSearchParams(location.hash.slice(1));
let seat = fragment.get("contest") && fragment.get("seat") ? { contestId: fragment.get("contest"), code: fragment.get("seat") } : null;
let team = null, stage = null, result = "";

live.onDown = () => { $("reconnecting").hidden = false; };
live.onUp = async () => {
  $("reconnecting").hidden = true;
  if (seat) await takeSeat(); else showForm();
};
live.on("StageChanged", s => {
  if (stage && s.seq !== stage.seq) result = "";
  if (s.phase === "answering" && stage?.phase === "armed") result = s.turn === team ? t("buzz.won") : t("buzz.lost", { team: teamName(s, s.turn) });
  stage = s;
  render();
});

function showForm() {
  $("seat-form").hidden = false;
  $("seat").hidden = true;
  if (seat) $("contest-id").value = seat.contestId;
}

$("seat-form").addEventListener("submit", async e => {
  e.preventDefault();
  seat = { contestId: $("contest-id").value.trim(), code: $("seat-code").value.trim() };
  history.replaceState(null, "", `#contest=${encodeURIComponent(seat.contestId)}&seat=${encodeURIComponent(seat.code)}`);
  await takeSeat();
});

async function takeSeat() {
  try {
    await live.whenConnected();
    const seated = await live.invoke("TakeSeat", seat);
    team = seated.team;
    stage = seated.stage;
    $("seat-form").hidden = true;
    $("seat").hidden = false;
    showError("");
    render();
  } catch (error) {
    showError(describe(error));
    showForm();
  }
}

async function buzz() {
  if (team === null) return;
  try {
    const ack = await live.invoke("Buzz");
    result = ack.status === "early" ? t("buzz.early", { p: ack.penalty }) : t(`buzz.${ack.status}`);
    showError("");
  } catch (error) {
    showError(describe(error));
  }
  render();
}

$("buzz").addEventListener("click", buzz);
document.addEventListener("keydown", e => {
  if ((e.key === " " || e.key === "Enter") && !$("seat").hidden && !$("buzz").disabled && !e.target.closest("input")) { e.preventDefault(); buzz(); }
});

function describe(error) {
  const { code, detail } = errorCode(error);
  const known = t(`err.${code}`);
  return known === `err.${code}` ? t("err.generic", { m: detail || code }) : known;
}

function showError(message) {
  $("error").hidden = !message;
  $("error").textContent = message;
}

/**
 * How the button looks and what it says in each phase, so nobody mistakes a closed buzzer for an open one: open
 * (green, 抢答), reading (amber, 请勿抢答: a press now is early and costs points), ours to answer, and closed (grey,
 * disabled) with the reason in words.
 */
function buzzerLook() {
  const me = stage.teams[team];
  const eligible = !me?.out && (stage.segment !== "tiebreak" || stage.order.includes(team)) && !stage.buzzes.some(b => b.team === team);
  switch (stage.phase) {
    case "ready": return { look: "wait", text: t("buzz.state.wait"), enabled: true };
    case "armed": return eligible ? { look: "armed", text: t("buzz.button"), enabled: true } : { look: "off", text: t("buzz.state.notYou"), enabled: false };
    case "answering": return stage.turn === team ? { look: "ours", text: t("buzz.state.ours"), enabled: false }
      : { look: "off", text: t("buzz.state.other", { team: teamName(stage, stage.turn) }), enabled: false };
    default: return { look: "off", text: t("buzz.state.closed"), enabled: false };
  }
}

function render() {
  if (!stage || team === null) return;
  $("seat-name").textContent = t("buzz.seat", { team: teamName(stage, team) });
  $("phase").textContent = phaseText(stage) || t("ph.idle");
  const { look, text, enabled } = buzzerLook();
  const button = $("buzz");
  button.className = `buzz ${look}`;
  button.textContent = text;
  button.disabled = !enabled;
  button.dataset.phase = look;
  $("result").textContent = result;
  $("teams").innerHTML = teamTiles(stage);
}

initPrefs();
onLangChange(render);
live.start();
