// The participant's phone page: join by code, link or QR; answer; see the reveal and one's own standing.
// Everything on screen is redrawn from server state, so a reconnection (Rejoin) or a reload loses nothing.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc, focusUnlessTyping } from "./prefs.js";
import { Live, errorCode, secondsLeft } from "./live.js";
import { keyText, verdictOf, renderAnswers, mineText } from "./play-answers.js";
import { score, optionText } from "./format.js";
import { initReadAloud, spoken } from "./speech.js";
import { drawChoices, chosen, loadChoices } from "./join-choices.js";

const $ = id => document.getElementById(id);
const live = new Live({ messagePack: true });
const urlCode = new URLSearchParams(location.search).get("code")?.trim() ?? "";

const state = {
  joined: null,       // { contestId, participantId, nickname }
  room: null,         // RoomState
  question: null,     // QuestionView of the current question
  answered: false,    // the server holds an answer of ours for it
  ack: null,          // sending | accepted | duplicate | late | invalid | network
  ackReason: "",
  reveal: null,       // AnswerReveal of the current question
  standing: null,
  nextStanding: null, // a standing that arrived before its question's reveal, held until then
  selection: [],      // option ids, in tap order
  text: "",           // fill-in text
};

// Session and answers survive a reload: the token proves who we are, the answer id makes a resend harmless.
const session = {
  get: () => JSON.parse(localStorage.getItem("quiz.play") ?? "null"),
  set: value => localStorage.setItem("quiz.play", JSON.stringify(value)),
  clear: () => localStorage.removeItem("quiz.play"),
};
// A roster person's personal link, /play#contest=<id>&me=<personal code>: the code is their participant token. It
// sits after '#', so it never reaches a server log, and it leaves the address bar at once.
const personal = new URLSearchParams(location.hash.slice(1));
if (personal.get("contest") && personal.get("me")) {
  session.set({ contestId: personal.get("contest"), token: personal.get("me"), code: urlCode, nickname: "" });
  history.replaceState(null, "", location.pathname + location.search);
}
const answerKey = seq => `quiz.play.answer.${state.joined?.contestId}.${seq}`;
// The last standing shown survives a reload: while a question is open or awaits its reveal the server sends none.
const standingKey = () => `quiz.play.standing.${state.joined?.contestId}`;
function setStanding(standing) {
  state.standing = standing;
  if (standing && state.joined) localStorage.setItem(standingKey(), JSON.stringify(standing));
}
const savedAnswer = seq => JSON.parse(localStorage.getItem(answerKey(seq)) ?? "null");

live.onDown = () => { $("reconnecting").hidden = false; };
live.onUp = async () => {
  $("reconnecting").hidden = true;
  const saved = session.get();
  if (saved && (!urlCode || urlCode === saved.code)) {
    await rejoin(saved);
  } else {
    showJoin();
  }
};

live.on("RoomChanged", room => {
  if (state.question && room.seq !== state.question.seq) state.question = null;
  const paused = room.paused && !state.room?.paused;
  state.room = room;
  if (paused) toTop(); // "已暂停" shows at the top, where the countdown is
  if (room.status === "ended" && state.nextStanding) { setStanding(state.nextStanding); state.nextStanding = null; }
  render();
});
// Phones get no RoomChanged for open, close and reveal (see docs/protocol.md): the question events say it.
const moveTo = (status, extra = {}) => { state.room = { ...(state.room ?? {}), status, ...extra }; };
live.on("QuestionOpened", question => {
  const fresh = state.question?.seq !== question.seq;
  if (fresh) resetQuestion(question.seq);
  state.question = question;
  moveTo("open", { seq: question.seq, paused: false, opensAtMs: question.opensAtMs, closesAtMs: question.closesAtMs });
  render();
  if (fresh) toTop(); // the last question's reveal was scrolled; the new one's number and clock are at the top
});

/** Scrolls to the top of the page, where the question number, the countdown and the pause notice are. */
function toTop() { window.scrollTo({ top: 0, behavior: "instant" }); }
// An early close (the host's, or the last answer in) stops the countdown here too.
live.on("QuestionClosed", closed => {
  if (closed.seq === state.question?.seq) moveTo("closed");
  render();
});
live.on("AnswerRevealed", reveal => {
  if (reveal.seq !== state.question?.seq) return;
  state.reveal = reveal;
  moveTo("revealed");
  if (state.nextStanding?.seq === reveal.seq) { setStanding(state.nextStanding); state.nextStanding = null; }
  render();
});
// The server sends a standing with the reveal (or the board, or the end), never before: it tells right from
// wrong. One that overtakes the reveal event on its way here waits for it.
live.on("StandingUpdated", standing => {
  const early = standing.seq === state.question?.seq && state.reveal?.seq !== standing.seq && state.room?.status !== "ended";
  if (early && state.room?.status === "open") moveTo("closed");
  if (early) state.nextStanding = standing; else setStanding(standing);
  render();
});
live.on("Superseded", () => {
  $("superseded").hidden = false;
  $("question").hidden = true;
  live.stop();
});

function resetQuestion(seq) {
  state.answered = false;
  state.ack = null;
  state.reveal = null;
  const saved = state.joined ? savedAnswer(seq) : null;
  state.selection = saved?.options ?? [];
  state.text = saved?.text ?? "";
}

async function rejoin(saved) {
  try {
    const joined = await live.invoke("Rejoin", { contestId: saved.contestId, token: saved.token });
    onJoined(joined, saved.code);
  } catch (error) {
    const { code } = errorCode(error);
    if (code === "unknown_token" || code === "not_found") {
      session.clear();
      showJoin(t("err.unknown_token"));
    } else if (code === "unavailable" || code === "busy" || code === "network") {
      // The server or its store is not back yet: keep "reconnecting" up and try again; the entry is not lost.
      $("reconnecting").hidden = false;
      setTimeout(() => { if (live.connected) rejoin(saved); }, 2000);
    } else {
      showJoin(t("err.network"));
    }
  }
}

function onJoined(joined, code) {
  state.joined = { contestId: joined.contestId, participantId: joined.participantId, nickname: joined.nickname };
  session.set({ contestId: joined.contestId, token: joined.token, code, nickname: joined.nickname });
  const snapshot = joined.room;
  state.room = snapshot.state;
  const question = snapshot.question && snapshot.question.seq === snapshot.state.seq ? snapshot.question : null;
  if (question?.seq !== state.question?.seq) resetQuestion(question?.seq ?? -1);
  state.question = question;
  if (snapshot.state.status === "closed" && snapshot.standing?.seq === question?.seq) state.nextStanding = snapshot.standing;
  // In the lobby the standing is the one of joining (rank 1 of however many had joined then): nothing to show yet.
  else if (snapshot.state.status === "lobby") setStanding(null);
  else setStanding(snapshot.standing ?? state.standing ?? JSON.parse(localStorage.getItem(standingKey()) ?? "null"));
  state.answered = snapshot.answered;
  if (snapshot.answered) state.ack = "accepted";
  render();
  resendPending();
  if (question && snapshot.state.status === "revealed" && state.reveal?.seq !== question.seq) loadReveal(joined.contestId, question.seq);
}

/** After a reload past the reveal, the key comes from the REST read: the hub sent it only once, at the reveal. */
async function loadReveal(contestId, seq) {
  const response = await fetch(`/api/contests/${encodeURIComponent(contestId)}/questions/${seq}/reveal`);
  if (!response.ok || state.question?.seq !== seq) return;
  state.reveal = await response.json();
  render();
}

/** An answer that was sent but not acknowledged before the connection dropped goes again, with the same id. */
function resendPending() {
  const q = state.question;
  if (!q || state.answered || state.room?.status !== "open") return;
  const saved = savedAnswer(q.seq);
  if (saved?.pending) send(saved);
}

// ---- joining

function showJoin(message) {
  state.joined = null;
  render();
  const error = $("join-error");
  error.hidden = !message;
  error.textContent = message ?? "";
  if (urlCode && !$("code").value) $("code").value = urlCode;
  showChoices($("code").value.trim());
  const saved = session.get();
  if (saved?.nickname && !$("nickname").value) $("nickname").value = saved.nickname;
  focusUnlessTyping($("join-form"), $("code").value ? $("nickname") : $("code"));
}

// The contest's teams, units and districts, offered as choices once the code is known (from the link or typed).
const choices = { code: "", value: null };
async function showChoices(code) {
  if (!/^\d{6}$/.test(code) || code === choices.code) return;
  choices.code = code;
  const value = await loadChoices(`/api/join/${encodeURIComponent(code)}`);
  if (choices.code !== code) return;
  choices.value = value;
  drawJoinChoices();
}
function drawJoinChoices() {
  $("more").hidden = !drawChoices($("join-form"), choices.value);
  $("join-contest").hidden = !choices.value;
  $("join-contest").textContent = choices.value ? t("join.contest", { title: choices.value.title }) : "";
}
$("code").addEventListener("input", () => showChoices($("code").value.trim()));

/** Why a join was refused, in words: a field error names the field; a code the page knows reads as its text. */
function joinError(e) {
  const { code, detail } = errorCode(e);
  const field = /^(nickname|team|unit|district):/.exec(detail)?.[1];
  if (code === "invalid" && field) return t(`err.invalid.${field}`);
  return t(`err.${code}`) === `err.${code}` ? t("err.network") : t(`err.${code}`);
}

// "busy" is the server's admission control (a crowd joining at once): wait a moment, with some randomness so the
// crowd spreads out, and try again, without asking the person to tap again.
const BUSY_TRIES = 30;
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

$("join-form").addEventListener("submit", async event => {
  event.preventDefault();
  const code = $("code").value.trim();
  const nickname = $("nickname").value.trim();
  const error = $("join-error");
  if (!/^\d{6}$/.test(code)) { error.hidden = false; error.textContent = t("err.unknown_code"); $("code").focus(); return; }
  if (!nickname) { error.hidden = false; error.textContent = t("err.invalid.nickname"); $("nickname").focus(); return; }
  const button = $("join-button");
  button.disabled = true;
  button.textContent = t("join.busy");
  const form = $("join-form");
  const request = { code, nickname, team: chosen(form, "team"), unit: chosen(form, "unit"), district: chosen(form, "district") };
  try {
    for (let tries = 1; ; tries++) {
      try {
        await live.whenConnected();
        onJoined(await live.invoke("Join", request), code);
        break;
      } catch (e) {
        if (errorCode(e).code !== "busy" || tries >= BUSY_TRIES) throw e;
        await pause(500 + Math.random() * 1000);
      }
    }
  } catch (e) {
    error.hidden = false;
    error.textContent = joinError(e);
  } finally {
    button.disabled = false;
    button.textContent = t("join.submit");
  }
});

// ---- answering

function submit(options, text) {
  const q = state.question;
  if (!q || state.answered || state.ack === "sending") return;
  const saved = savedAnswer(q.seq);
  if (options) state.selection = options;
  if (text) state.text = text;
  const answer = { answerId: saved?.answerId ?? crypto.randomUUID().replaceAll("-", ""), seq: q.seq, options, text, pending: true };
  send(answer);
}

async function send(answer) {
  localStorage.setItem(answerKey(answer.seq), JSON.stringify(answer));
  state.ack = "sending";
  render();
  try {
    const ack = await live.invoke("SubmitAnswer", { answerId: answer.answerId, seq: answer.seq, options: answer.options ?? null, text: answer.text ?? null });
    localStorage.setItem(answerKey(answer.seq), JSON.stringify({ ...answer, pending: false }));
    if (ack.seq !== state.question?.seq) return;
    state.ack = ack.status;
    state.ackReason = ack.reason ?? "";
    state.answered = ack.status === "accepted" || ack.status === "duplicate";
  } catch (error) {
    // The connection dropped, or the store is unreachable: Rejoin (after the reconnection, or when the server says
    // the store is back) tells whether the server has it; if not, resendPending sends it again with the same id.
    if (errorCode(error).code === "unavailable") $("reconnecting").hidden = false;
    state.ack = "network";
  }
  render();
}

const actions = {
  choose: id => submit([id], null),
  toggle: id => {
    const i = state.selection.indexOf(id);
    state.selection = i >= 0 ? state.selection.filter(x => x !== id) : [...state.selection, id];
    render(`[data-id="${id}"]`);
  },
  pick: id => {
    if (!state.selection.includes(id)) state.selection = [...state.selection, id];
    render(state.selection.length === state.question.options.length ? "#confirm" : `[data-id="${id}"]`);
  },
  reset: () => { state.selection = []; render(".answer"); },
  confirm: () => submit(state.selection, null),
  text: value => { state.text = value; },
  fill: () => { if (state.text.trim()) submit(null, state.text.trim()); },
};

// ---- drawing

function render(focusSelector) {
  const { joined, room, question } = state;
  $("join").hidden = !!joined;
  if (!joined) {
    for (const id of ["lobby", "question", "ended", "standing"]) $(id).hidden = true;
    return;
  }
  $("title").textContent = room?.title || t("app");
  const status = room?.status ?? "lobby";
  $("lobby").hidden = status !== "lobby";
  $("hello").textContent = t("lobby.hello", { name: joined.nickname });
  // Phones hear of no joins (a citywide lobby would flood them), so the lobby tells what comes next, not a head count
  // that would stand still: the big screen shows the count.
  $("lobby-count").textContent = t("lobby.next");
  $("ended").hidden = status !== "ended";
  $("question").hidden = !question || status === "lobby" || status === "ended";
  if (question && !$("question").hidden) drawQuestion(status, focusSelector);
  drawStanding();
  tick();
}

function isOpenNow() {
  const { room, question } = state;
  // Unlock only once the server's clock has surely reached the opening: a tap on a clock estimated a little ahead
  // would otherwise reach the server "not open yet" and the person would have to tap again.
  return room?.status === "open" && !room.paused && question && live.surelyPast(question.opensAtMs) && live.serverNow() < question.closesAtMs;
}

function drawQuestion(status, focusSelector) {
  const { question: q, room, reveal } = state;
  $("progress").textContent = t("q.progress", { n: q.seq + 1, total: room.questionCount });
  $("points").textContent = t("q.points", { p: q.points });
  const shown = live.serverNow() >= q.opensAtMs || status !== "open";
  $("qtype").textContent = shown ? t(`q.type.${q.type}`) : "";
  $("stem").textContent = shown ? q.stem : t("q.ready");
  $("read-aloud").dataset.shown = String(shown);
  updateReadAloud();
  const image = $("qimage");
  image.hidden = !shown || !q.imageUrl;
  if (shown && q.imageUrl) image.src = q.imageUrl;
  const locked = state.answered || state.ack === "sending" || !isOpenNow();
  const answers = $("answers");
  answers.hidden = !shown;
  answers.classList.toggle("locked", locked);
  if (shown) renderAnswers(answers, { ...state, locked }, actions);
  if (focusSelector) answers.querySelector(focusSelector)?.focus();

  const ack = $("ack");
  const ackText = {
    sending: t("q.sending"), accepted: t("q.acked"), duplicate: t("q.duplicate"), late: t("q.late"),
    invalid: t("q.invalid", { r: state.ackReason }), network: t("q.sending"),
  }[state.ack] ?? (status !== "open" && !reveal && shown ? t("q.closed") : "");
  ack.hidden = !ackText || !!reveal;
  ack.textContent = ackText;
  ack.className = `banner ${state.ack === "accepted" || state.ack === "duplicate" ? "ok" : state.ack === "late" || state.ack === "invalid" ? "error" : "warn"}`;

  const verdict = $("verdict");
  verdict.hidden = !reveal;
  if (reveal) {
    const v = verdictOf(state);
    const points = state.standing?.seq === reveal.seq && v !== "none" ? `<p>${esc(t("r.points", { p: score(state.standing.lastPoints) }))}</p>` : "";
    verdict.className = `verdict ${v === "right" ? "right" : v === "none" ? "" : "wrong"}`;
    const mine = mineText(state);
    verdict.innerHTML = `<p class="headline">${v === "right" ? "✓ " : v === "none" ? "" : "✗ "}${esc(t(`r.${v}`))}</p>
      ${mine ? `<p class="mine-line">${esc(t("r.yours", { k: mine }))}</p>` : ""}
      <p class="key">${esc(t("r.key", { k: keyText(q, reveal) }))}</p>${points}
      <p class="muted">${esc(t("r.correct", { c: reveal.correct, a: reveal.answers }))}</p>
      ${reveal.explanation ? `<div class="explanation"><strong>${esc(t("r.explanation"))}：</strong>${esc(reveal.explanation)}</div>` : ""}`;
  }
}

function drawStanding() {
  const s = state.standing;
  // Before the first reveal every score is 0 and every rank a tie: nothing worth showing yet.
  $("standing").hidden = !s || (s.score === 0 && s.lastCorrect == null && state.room?.status === "lobby");
  if (!s) return;
  const item = (label, value, wide) => `<div${wide ? ' class="wide"' : ""}><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  // Words, not an emoji: phones without a colour-emoji font draw 🔥 as an empty box.
  $("stats").innerHTML = item(t("s.score"), score(s.score), true) + item(t("s.rank"), t("s.rankOf", { r: s.rank, n: s.participants }), true)
    + (s.teamRank ? item(t("s.team"), s.teamRank) : "") + (s.unitRank ? item(t("s.unit"), s.unitRank) : "")
    + (s.districtRank ? item(t("s.district"), s.districtRank) : "") + (s.streak > 1 ? item(t("s.streak"), t("s.streakValue", { n: s.streak })) : "");
}

// The countdown runs from the server's closesAtMs through the synced offset; announcements at 10 and 5 seconds.
let wasShown = false;
let announced = null;
function tick() {
  const { question: q, room } = state;
  if (!q || !room || $("question").hidden) return;
  const now = live.serverNow();
  const shown = now >= q.opensAtMs || room.status !== "open";
  if (shown !== wasShown) { wasShown = shown; render(); return; }
  const total = Math.max(1, q.closesAtMs - q.opensAtMs);
  let left = room.status === "open" ? (room.paused ? room.remainingMs : q.closesAtMs - Math.max(now, q.opensAtMs)) : 0;
  left = Math.max(0, left);
  const seconds = Math.ceil(left / 1000);
  const countdown = $("countdown");
  countdown.textContent = room.paused ? t("q.paused") : room.status === "open" ? (shown ? (seconds > 0 ? t("q.left", { s: seconds }) : t("q.timeUp")) : t("q.ready"))
    : room.status === "closed" ? t("q.timeUp") : "";
  countdown.classList.toggle("low", seconds <= 5 && room.status === "open");
  $("timer-bar").style.width = `${Math.min(100, (left / total) * 100)}%`;
  $("timer-bar").classList.toggle("low", seconds <= 5);
  if (room.status === "open" && !room.paused && (seconds === 10 || seconds === 5) && announced !== `${q.seq}:${seconds}`) {
    announced = `${q.seq}:${seconds}`;
    $("live").textContent = t("q.left", { s: seconds });
  }
  const lockedNow = !isOpenNow();
  if (lockedNow !== $("answers").classList.contains("locked") && !state.answered && state.ack !== "sending") render();
}
setInterval(tick, 250);

const updateReadAloud = initReadAloud($("read-aloud"), () => {
  const q = state.question;
  return q ? spoken(q.stem, q.type === "fill" ? [] : q.options.map(o => optionText(q, o))) : "";
});

initPrefs();
onLangChange(() => { drawJoinChoices(); render(); });
if (urlCode) $("code").value = urlCode;
showChoices(urlCode);
render();
live.start();
