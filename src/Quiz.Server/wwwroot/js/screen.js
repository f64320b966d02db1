// The big screen: read-only, no secret. Watch(code) gives the whole room, so a reload redraws the same view.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc, focusUnlessTyping } from "./prefs.js";
import { Live, errorCode, secondsLeft } from "./live.js";
import { phaseText, teamTiles } from "./stage-view.js";

const $ = id => document.getElementById(id);
const LETTERS = "ABCDEFGH";
const live = new Live();
let code = new URLSearchParams(location.search).get("code")?.trim() ?? "";
let room = null, question = null, count = null, reveal = null, board = null, chart = null, stage = null;

live.onDown = () => { $("reconnecting").hidden = false; };
live.onUp = async () => {
  $("reconnecting").hidden = true;
  if (code) await watch(); else showEnter();
};
live.on("RoomChanged", r => {
  if (question && r.seq !== question.seq) { question = null; reveal = null; }
  room = r;
  if ((r.status === "board" || r.status === "ended") && !board) loadBoard();
  render();
});
live.on("QuestionOpened", q => { if (q.seq !== question?.seq) { reveal = null; count = null; } question = q; render(); });
live.on("QuestionClosed", c => { count = { ...count, answers: c.answers }; render(); });
live.on("AnswerCountChanged", c => { count = c; render(); });
live.on("AnswerRevealed", r => { reveal = r; render(); });
live.on("LeaderboardShown", b => { board = b; render(); });
live.on("StageChanged", s => { if (!stage || s.version >= stage.version) { stage = s; drawStage(); } });

function showEnter(message) {
  $("enter").hidden = false;
  $("error").hidden = !message;
  $("error").textContent = message ?? "";
  if (code) $("code").value = code; // the code from the link, or the one last entered
  focusUnlessTyping($("enter"), $("code"));
}

$("enter").addEventListener("submit", e => {
  e.preventDefault();
  code = $("code").value.trim();
  history.replaceState(null, "", `/screen?code=${encodeURIComponent(code)}`);
  watch();
});

async function watch() {
  try {
    await live.whenConnected();
    const snapshot = await live.invoke("Watch", code);
    $("enter").hidden = true;
    room = snapshot.state;
    question = snapshot.question ?? null;
    if (room.status === "board" || room.status === "ended") await loadBoard();
    if (room.status === "revealed" && question && reveal?.seq !== question.seq) await loadReveal();
    render();
    stage = await live.invoke("GetStage");
    drawStage();
  } catch (error) {
    const { code: reason } = errorCode(error);
    showEnter(reason === "unknown_code" ? t("err.unknown_code") : t("err.network"));
  }
}

/** After a reload on the board or at the end, the boards come from the REST read (the hub sends them only on the move). */
async function loadBoard() {
  const response = await fetch(`/api/contests/${encodeURIComponent(room.contestId)}/board?top=10`);
  if (response.ok) { board = await response.json(); render(); }
}

/** After a reload in the revealed state, the key and the answer spread (the chart) come from the REST read. */
async function loadReveal() {
  const response = await fetch(`/api/contests/${encodeURIComponent(room.contestId)}/questions/${question.seq}/reveal`);
  if (response.ok) reveal = await response.json();
}

function render() {
  if (!room) return;
  const status = room.status;
  $("title").textContent = room.title;
  $("meta").textContent = status === "lobby" || status === "ended" ? "" : t("q.progress", { n: room.seq + 1, total: room.questionCount });
  $("lobby").hidden = status !== "lobby";
  $("question").hidden = !question || !["open", "closed", "revealed"].includes(status);
  $("board").hidden = !["board", "ended"].includes(status);
  if (status === "lobby") drawLobby();
  if (!$("question").hidden) drawQuestion();
  if (!$("board").hidden) drawBoards(status === "ended");
  tick();
}

function drawLobby() {
  const joinCode = code;
  $("qr").src = `/api/join/${encodeURIComponent(joinCode)}/qr.svg`;
  $("qr").alt = `${t("screen.scan")}: ${location.origin}/play?code=${joinCode}`;
  $("code-big").textContent = joinCode;
  $("visit").textContent = t("screen.orvisit", { url: `${location.host}/play` });
  $("joined").textContent = t("screen.joined", { n: room.participants });
}

function drawQuestion() {
  const q = question;
  const shown = live.serverNow() >= q.opensAtMs || room.status !== "open";
  $("progress").textContent = t(`q.type.${q.type}`);
  $("stem").textContent = shown ? q.stem : t("q.ready");
  const revealed = !!reveal && reveal.seq === q.seq;
  $("options").innerHTML = !shown || q.type === "fill" ? "" : q.options.map((o, i) => {
    const right = revealed && reveal.options.includes(o.id);
    const letter = q.type === "ordering" && revealed ? reveal.options.indexOf(o.id) + 1 : LETTERS[i];
    return `<li class="${right && q.type !== "ordering" ? "right" : ""}"><span class="letter">${letter}</span><span>${esc(o.text)}</span>${right && q.type !== "ordering" ? `<span class="mark">✓</span>` : ""}</li>`;
  }).join("");
  $("question").querySelector(".body").classList.toggle("revealed", revealed);
  $("chart-box").hidden = !revealed;
  const explanation = $("explanation");
  explanation.hidden = !revealed;
  if (revealed) {
    explanation.textContent = `${t("r.key", { k: keyText(q) })}${reveal.explanation ? `　${t("r.explanation")}：${reveal.explanation}` : ""}`;
    drawChart(q);
  }
  const answers = revealed ? reveal.answers : count?.answers;
  $("count").textContent = answers === undefined ? "" : t("screen.answered", { a: answers, n: count?.participants || room.participants });
}

/** The teams on stage, under everything the audience sees; absent for a contest of the audience only. */
function drawStage() {
  $("stage").hidden = !stage;
  if (!stage) return;
  $("stage-phase").textContent = phaseText(stage);
  $("stage-teams").innerHTML = teamTiles(stage);
}

const keyText = q => q.type === "fill" ? reveal.accepted.join(" / ")
  : q.type === "ordering" ? reveal.options.map(id => q.options.find(o => o.id === id)?.text).join(" → ")
  : reveal.options.map(id => LETTERS[q.options.findIndex(o => o.id === id)]).join("");

function drawChart(q) {
  const styles = getComputedStyle(document.documentElement);
  const color = name => styles.getPropertyValue(name).trim();
  const byOption = q.type !== "fill" && q.type !== "ordering";
  const bars = byOption
    ? q.options.map((o, i) => ({ name: `${LETTERS[i]}. ${o.text.length > 10 ? o.text.slice(0, 10) + "…" : o.text}`, value: reveal.distribution[String(o.id)] ?? 0, right: reveal.options.includes(o.id) }))
    : [["right", "screen.right"], ["partial", "screen.partialAns"], ["wrong", "screen.wrongAns"]]
        .map(([key, label]) => ({ name: t(label), value: reveal.distribution[key] ?? 0, right: key === "right" }));
  $("chart").setAttribute("aria-label", bars.map(b => `${b.name}: ${b.value}`).join("，"));
  chart ??= echarts.init($("chart"));
  const size = parseFloat(getComputedStyle(document.documentElement).fontSize);
  chart.setOption({
    animationDuration: 600,
    grid: { left: "3%", right: "3%", top: 40, bottom: 10, containLabel: true },
    xAxis: { type: "category", data: bars.map(b => b.name), axisLabel: { fontSize: size * 1.1, color: color("--text"), interval: 0 } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: size, color: color("--muted") }, splitLine: { lineStyle: { color: color("--line") } } },
    series: [{
      type: "bar", barMaxWidth: 140,
      data: bars.map(b => ({ value: b.value, itemStyle: { color: b.right ? color("--ok") : color("--muted"), borderRadius: [8, 8, 0, 0] } })),
      label: { show: true, position: "top", fontSize: size * 1.4, fontWeight: "bold", color: color("--text") },
    }],
  }, true);
  chart.resize();
}

const row = cells => `<tr>${cells.map(([v, num]) => `<td${num ? ' class="num"' : ""}>${esc(v)}</td>`).join("")}</tr>`;
const head = cells => `<tr>${cells.map(([v, num]) => `<th${num ? ' class="num"' : ""}>${esc(v)}</th>`).join("")}</tr>`;

function drawBoards(ended) {
  const empty = `<tr><td class="muted">${esc(t("screen.noboard"))}</td></tr>`;
  const b = board ?? { persons: [], teams: [], districts: [] };
  $("persons").innerHTML = b.persons.length ? head([["#"], [t("join.nickname").split("（")[0].split(" (")[0]], [t("screen.score"), 1]]) + b.persons.map(p => row([[p.rank], [p.name], [p.score, 1]])).join("") : empty;
  $("teams").innerHTML = b.teams.length ? head([["#"], [t("join.team").split("（")[0].split(" (")[0]], [t("screen.people"), 1], [t("screen.perhead"), 1]]) + b.teams.map(g => row([[g.rank], [g.name], [g.participants, 1], [round(g.meanPerHead), 1]])).join("") : empty;
  $("districts").innerHTML = b.districts.length ? head([["#"], [t("join.district").split("（")[0].split(" (")[0]], [t("screen.people"), 1], [t("screen.perhead"), 1]]) + b.districts.map(g => row([[g.rank], [g.name], [g.participants, 1], [round(g.meanPerHead), 1]])).join("") : empty;
  const podium = $("podium");
  podium.hidden = !ended || b.persons.length === 0;
  if (ended) {
    const step = (p, place) => p ? `<div class="step p${place}"><div class="name">${esc(p.name)}</div><div class="score">${esc(p.score)} ${esc(t("screen.score"))}</div><div class="block">${place}</div></div>` : "";
    podium.innerHTML = `<h2 class="sr-only">${esc(t("screen.podium"))}</h2>` + step(b.persons[1], 2) + step(b.persons[0], 1) + step(b.persons[2], 3);
  }
}
const round = v => Math.round(v * 10) / 10;

// Joins are not broadcast (a citywide lobby would flood every screen), so the lobby asks for the count now and then.
setInterval(async () => {
  if (room?.status !== "lobby" || !live.connected) return;
  try {
    const snapshot = await live.invoke("Watch", code);
    if (room?.status === "lobby") { room = snapshot.state; render(); }
  } catch { /* the next poll or the reconnection tries again */ }
}, 3000);

function tick() {
  const c = $("countdown");
  if (!room || !question || room.status !== "open") { c.textContent = ""; return; }
  const now = live.serverNow();
  if (now < question.opensAtMs && $("stem").textContent !== t("q.ready")) drawQuestion();
  if (now >= question.opensAtMs && $("stem").textContent === t("q.ready")) drawQuestion();
  const s = room.paused ? Math.ceil(room.remainingMs / 1000) : secondsLeft(question.closesAtMs, Math.max(now, question.opensAtMs));
  c.textContent = room.paused ? t("q.paused") : String(s);
  c.classList.toggle("low", s <= 5);
}
setInterval(tick, 250);
window.addEventListener("resize", () => chart?.resize());
window.addEventListener("quiz:contrast", render);

initPrefs();
onLangChange(() => { render(); drawStage(); });
live.start();
