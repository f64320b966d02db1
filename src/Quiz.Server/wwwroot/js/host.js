// The host console: takes the room with the host key, moves it, and shows what the room is doing.
// The key comes in the URL fragment (#contest=…&key=…), which the browser never sends to the server.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc, focusUnlessTyping } from "./prefs.js";
import { Live, errorCode, secondsLeft } from "./live.js";
import { initStage, loadStage } from "./host-stage.js";
import { token } from "./api.js";
import { keyText } from "./play-answers.js";
import { optionText } from "./format.js";

const $ = id => document.getElementById(id);
const fragment = new URLSearchParams(location.hash.slice(1));
// Without a key in the link, an account logged in at /admin in this tab (host, organizer, or a judge) takes the room.
const accountToken = !fragment.get("key") && fragment.get("contest") ? token() : null;
const live = new Live({ accessToken: accountToken ? () => token() : null });
let credentials = fragment.get("contest") && (fragment.get("key") || accountToken) ? { contestId: fragment.get("contest"), hostKey: fragment.get("key") ?? "" } : null;
let room = null, question = null, count = null, reveal = null, board = null, key = null;

live.onDown = () => { $("reconnecting").hidden = false; };
live.onUp = async () => {
  $("reconnecting").hidden = true;
  if (credentials) await takeRoom();
  else showConnect();
};
live.on("RoomChanged", r => { room = r; if (question && r.seq !== question.seq) question = null; render(); });
live.on("QuestionOpened", q => { if (q.seq !== question?.seq) { reveal = null; count = null; key = null; } question = q; render(); loadKey(); });
live.on("QuestionClosed", c => { count = { answers: c.answers, participants: room?.participants ?? 0 }; render(); });
live.on("AnswerCountChanged", c => { count = c; render(); });
live.on("AnswerRevealed", r => { reveal = r; render(); });
live.on("LeaderboardShown", b => { board = b; render(); });

function showConnect() {
  $("connect").hidden = false;
  $("console").hidden = true;
  if (credentials) $("contest-id").value = credentials.contestId;
  focusUnlessTyping($("connect"), $("contest-id"));
}

$("connect").addEventListener("submit", async e => {
  e.preventDefault();
  credentials = { contestId: $("contest-id").value.trim(), hostKey: $("host-key").value.trim() };
  history.replaceState(null, "", `#contest=${encodeURIComponent(credentials.contestId)}&key=${encodeURIComponent(credentials.hostKey)}`);
  await takeRoom();
});

async function takeRoom() {
  try {
    await live.whenConnected();
    const session = await live.invoke("HostRoom", credentials);
    showError("");
    $("connect").hidden = true;
    $("console").hidden = false;
    $("join-code").textContent = session.joinCode;
    $("qr").src = `/api/join/${encodeURIComponent(session.joinCode)}/qr.svg`;
    $("qr").alt = `${t("screen.scan")} ${session.joinCode}`;
    $("screen-link").href = `/screen?code=${encodeURIComponent(session.joinCode)}`;
    room = session.room.state;
    question = session.room.question ?? null;
    render();
    await loadStage();
    await loadKey();
  } catch (error) {
    showError(describe(error));
    showConnect();
  }
}

/**
 * The key and 解析 of the question on screen, for the host and judges only (GetKey refuses everyone else): a judge
 * marks an oral answer before the reveal, so the console shows them as soon as the question opens.
 */
async function loadKey() {
  const seq = question?.seq;
  if (seq === undefined || key?.seq === seq) return;
  try {
    const value = await live.invoke("GetKey", seq);
    if (question?.seq === seq) { key = value; render(); }
  } catch { /* not allowed or not reachable: the reveal shows the key as before */ }
}

function describe(error) {
  const { code, detail } = errorCode(error);
  if (code === "invalid_move") return t("err.invalid_move") + detail;
  if (code === "invalid_stage_move") return t("err.invalid_stage_move") + detail;
  const known = t(`err.${code}`);
  return known === `err.${code}` ? t("err.generic", { m: detail || code }) : known;
}

function showError(message) {
  $("error").hidden = !message;
  $("error").textContent = message;
}

async function move(name) {
  if (!room) return;
  if (name === "pause" && room.paused) name = "resume";
  if (name === "end" && !confirm(t("host.end.confirm"))) return;
  try {
    room = await live.invoke("Control", { move: name });
    showError("");
    render();
  } catch (error) {
    showError(describe(error));
  }
}

for (const button of document.querySelectorAll("#moves button")) button.addEventListener("click", () => move(button.dataset.move));

// Single-key shortcuts, except while typing in a field or with a modifier held.
document.addEventListener("keydown", e => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, textarea, select") || $("console").hidden) return;
  const key = e.key.toLowerCase();
  const button = document.querySelector(`#moves button[data-key="${key}"], #stage:not([hidden]) #stage-moves button[data-key="${key}"]`);
  if (button && !button.disabled) { e.preventDefault(); button.click(); }
});

function allowed(name) {
  const s = room?.status;
  const hasNext = room && room.seq + 1 < room.questionCount;
  return {
    start: s === "lobby",
    next: ["closed", "revealed", "board"].includes(s) && hasNext,
    close: s === "open" && !room.paused,
    reveal: s === "closed",
    board: s === "closed" || s === "revealed",
    pause: s !== "ended",
    end: s !== "ended",
  }[name];
}

function render() {
  if (!room) return;
  $("title").textContent = `${t("host.title")} · ${room.title}`;
  $("status").textContent = t(`status.${room.status}`) + (room.paused ? ` (${t("q.paused")})` : "");
  $("participants").textContent = room.participants;
  $("answers").textContent = count && room.seq === (count.seq ?? room.seq) ? `${count.answers} / ${count.participants || room.participants}` : "–";
  for (const button of document.querySelectorAll("#moves button")) button.disabled = !allowed(button.dataset.move);
  $("pause-label").textContent = room.paused ? t("move.resume") : t("move.pause");
  $("q-progress").textContent = room.seq >= 0 ? t("q.progress", { n: room.seq + 1, total: room.questionCount }) : "";
  $("q-stem").textContent = question ? `${t(`q.type.${question.type}`)} · ${question.stem}` : "";
  const known = key && question && key.seq === question.seq ? key : reveal && question && reveal.seq === question.seq ? reveal : null;
  $("q-options").innerHTML = question ? question.options.map(o => `<li>${esc(optionText(question, o))}${known?.options.includes(o.id) ? " ✓" : ""}</li>`).join("") : "";
  $("q-key").hidden = !known;
  if (known) {
    $("q-key-text").textContent = t("r.key", { k: keyText(question, known) });
    $("q-key-why").textContent = known.explanation ? `${t("r.explanation")}：${known.explanation}` : "";
  }
  // The same words and numbers as the phones and the big screen: right answers of all the answers given.
  $("q-result").innerHTML = reveal && question && reveal.seq === question.seq
    ? `<p><strong>${esc(t("r.correct", { c: reveal.correct, a: reveal.answers }))}</strong></p>` : "";
  $("top").innerHTML = board ? board.persons.map(p => `<li>${esc(p.name)} — ${esc(p.score)}</li>`).join("") : "";
  tick();
}

// Joins are not broadcast, so the lobby asks for the participant count now and then.
setInterval(async () => {
  if (room?.status !== "lobby" || !live.connected || !credentials) return;
  try {
    const session = await live.invoke("HostRoom", credentials);
    if (room?.status === "lobby") { room = session.room.state; render(); }
  } catch { /* the next poll tries again */ }
}, 3000);

function tick() {
  if (!room) return;
  const c = $("countdown");
  if (room.status === "open" && question) {
    c.textContent = room.paused ? t("q.paused") : t("q.left", { s: secondsLeft(question.closesAtMs, Math.max(live.serverNow(), question.opensAtMs)) });
  } else c.textContent = "";
}
setInterval(tick, 500);

initStage(live, { showError, describe });
initPrefs();
onLangChange(render);
live.start();
