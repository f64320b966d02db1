// The big screen: read-only, no secret. Watch(code) gives the whole room, so a reload redraws the same view.
// Everything fits 1920x1080 whatever the texts: fitScreen shrinks the type (down to the floors in docs/architecture.md,
// Pages) until nothing runs past the bottom, and only then clips what still cannot fit.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc, focusUnlessTyping } from "./prefs.js";
import { Live, errorCode, secondsLeft } from "./live.js";
import { phaseText, teamTiles, teamFinal } from "./stage-view.js";
import { score, mean, optionText } from "./format.js";

const $ = id => document.getElementById(id);
const LETTERS = "ABCDEFGH";
const live = new Live();
let code = new URLSearchParams(location.search).get("code")?.trim() ?? "";
let room = null, question = null, count = null, reveal = null, board = null, chart = null, stage = null, chartSeq = -1;

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
live.on("StageChanged", s => { if (!stage || s.version >= stage.version) { stage = s; render(); } });

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
    stage = await live.invoke("GetStage");
    render();
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
  drawStage();
  tick();
  fitScreen();
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
    return `<li class="${right && q.type !== "ordering" ? "right" : ""}"><span class="letter">${letter}</span><span class="text">${esc(optionText(q, o))}</span>${right && q.type !== "ordering" ? `<span class="mark">✓</span>` : ""}</li>`;
  }).join("");
  $("question").querySelector(".body").classList.toggle("revealed", revealed);
  $("chart-box").hidden = !revealed;
  const explanation = $("explanation");
  explanation.hidden = !revealed;
  if (revealed) {
    explanation.innerHTML = `<strong>${esc(t("r.key", { k: keyText(q) }))}</strong>${reveal.explanation ? `<span class="why">${esc(t("r.explanation"))}：${esc(reveal.explanation)}</span>` : ""}`;
    drawChart(q);
  }
  const answers = revealed ? reveal.answers : count?.answers;
  $("count").textContent = answers === undefined ? "" : t("screen.answered", { a: answers, n: count?.participants || room.participants });
}

/** The teams on stage, under everything the audience sees; absent for a contest of the audience only. At the end the final ranking shows them instead. */
function drawStage() {
  $("stage").hidden = !stage || room?.status === "ended";
  if (!stage) return;
  $("stage-phase").textContent = phaseText(stage);
  $("stage-teams").innerHTML = teamTiles(stage);
  $("stage-teams").classList.toggle("many", stage.teams.length > 8);
}

const keyText = q => q.type === "fill" ? reveal.accepted.join(" / ")
  : q.type === "ordering" ? reveal.options.map(id => optionText(q, q.options.find(o => o.id === id) ?? { id, text: "" })).join(" → ")
  : reveal.options.map(id => LETTERS[q.options.findIndex(o => o.id === id)]).join("");

/**
 * The answer spread as horizontal bars: one option per row, its label on its own line at the left, so labels never
 * meet however many options there are (vertical bars put five long labels side by side, where they overlapped).
 */
function drawChart(q) {
  const styles = getComputedStyle(document.documentElement);
  const color = name => styles.getPropertyValue(name).trim();
  const byOption = q.type !== "fill" && q.type !== "ordering";
  const short = text => text.length > 14 ? text.slice(0, 14) + "…" : text;
  const bars = byOption
    ? q.options.map((o, i) => ({ name: `${LETTERS[i]}. ${short(optionText(q, o))}`, value: reveal.distribution[String(o.id)] ?? 0, right: reveal.options.includes(o.id) }))
    : [["right", "screen.right"], ["partial", "screen.partialAns"], ["wrong", "screen.wrongAns"]]
        .map(([key, label]) => ({ name: t(label), value: reveal.distribution[key] ?? 0, right: key === "right" }));
  $("chart").setAttribute("aria-label", bars.map(b => `${b.name}: ${b.value}`).join("，"));
  chart ??= echarts.init($("chart"));
  // Labels as large as the rows allow (a tight screen gives the chart little height), so no two ever meet.
  const rowHeight = $("chart").clientHeight / bars.length;
  const size = Math.max(10, Math.min(parseFloat(styles.fontSize), rowHeight / 1.8));
  const first = chartSeq !== reveal.seq;
  chartSeq = reveal.seq;
  chart.setOption({
    animationDuration: first ? 600 : 0,
    grid: { left: 10, right: size * 3, top: 10, bottom: 10, containLabel: true },
    yAxis: { type: "category", inverse: true, data: bars.map(b => b.name), axisLabel: { fontSize: size * 1.1, color: color("--text"), interval: 0 }, axisTick: { show: false } },
    xAxis: { type: "value", minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    series: [{
      type: "bar", barMaxWidth: size * 2.4,
      data: bars.map(b => ({ value: b.value, itemStyle: { color: b.right ? color("--ok") : color("--muted"), borderRadius: [0, 8, 8, 0] } })),
      label: { show: true, position: "right", fontSize: size * 1.3, fontWeight: "bold", color: color("--text") },
    }],
  }, true);
  chart.resize();
}

// Cells: [text, kind], kind "num" (right-aligned figures), "name" (one line, "…" when too long; the type shrinks first)
// or none (the rank).
const row = cells => `<tr>${cells.map(([v, kind]) => `<td${kind ? ` class="${kind}"` : ""}${kind === "name" ? ` title="${esc(v)}"` : ""}>${esc(v)}</td>`).join("")}</tr>`;
const head = cells => `<tr>${cells.map(([v, kind]) => `<th class="${kind || "rank"}">${esc(v)}</th>`).join("")}</tr>`;
const label = key => t(key).split("（")[0].split(" (")[0];

function drawBoards(ended) {
  const b = board ?? { persons: [], teams: [], districts: [] };
  const staged = !!stage;
  // At the end the top three stand on the podium; the table goes on from the fourth.
  const listed = ended ? b.persons.slice(3) : b.persons;
  $("col-persons").hidden = ended && listed.length === 0;
  $("persons").innerHTML = listed.length ? head([["#"], [label("join.nickname"), "name"], [t("screen.score"), "num"]]) + listed.map(p => row([[p.rank], [p.name, "name"], [score(p.score), "num"]])).join("")
    : `<tr><td class="muted">${esc(t("screen.noboard"))}</td></tr>`;
  const groups = (id, rows, key) => {
    // A column with nothing in it (an audience that gave no team or district) is left out; the others take its room.
    $(`col-${id}`).hidden = rows.length === 0;
    $(id).innerHTML = head([["#"], [label(key), "name"], [t("screen.people"), "num"], [t("screen.perhead"), "num"]]) + rows.map(g => row([[g.rank], [g.name, "name"], [g.participants, "num"], [mean(g.meanPerHead), "num"]])).join("");
  };
  groups("teams", b.teams, "join.team");
  groups("districts", b.districts, "join.district");
  // The persons' column is the widest (nicknames up to 20 characters), the group columns share the rest.
  $("columns").style.gridTemplateColumns = ["persons", "teams", "districts"].filter(id => !$(`col-${id}`).hidden)
    .map(id => id === "persons" ? "minmax(0, 2.4fr)" : "minmax(0, 1fr)").join(" ");
  // At the end: a stage contest names its winning teams first (冠军, 亚军, 季军), then the audience's podium.
  $("final").hidden = !ended;
  $("team-final").hidden = !(ended && staged);
  $("columns").hidden = ended && staged;
  $("board").classList.toggle("ended", ended);
  if (ended && staged) {
    const { podium, rest } = teamFinal(stage);
    $("team-podium").innerHTML = podium;
    $("team-rest").innerHTML = rest;
  }
  if (ended) {
    $("podium-title").textContent = t(staged ? "screen.audiencePodium" : "screen.podium");
    const step = (p, place) => p ? `<div class="step p${place}"><div class="name">${esc(p.name)}</div><div class="score">${esc(score(p.score))} ${esc(t("screen.score"))}</div><div class="block">${place}</div></div>` : "";
    $("podium").innerHTML = b.persons.length ? step(b.persons[1], 2) + step(b.persons[0], 1) + step(b.persons[2], 3) : `<p class="muted">${esc(t("screen.noboard"))}</p>`;
  }
}

// Boxes whose content must fit inside them: a flex box that holds its height spills over its neighbours when its
// content is taller, without the page getting any taller; a clamped text ("…") would rather be shown whole.
const FIT_BOXES = "#lobby, #question, .body, .options, .chart-box, .boards, .columns, .final, .explanation, .stem, .options .text, .podium .name, #persons td.name";

/**
 * Shrinks the type (the --fit factor every size on this page is multiplied by) until nothing spills, down to 0.6 (the
 * floors stated in docs/architecture.md). If even that is too much (a question at every length limit above sixteen
 * teams), the screen goes "tight": fewer lines per text, and at the reveal the chart alone names the options; then it
 * shrinks again. What still does not fit is cut by its box, never by the edge of the screen.
 */
function fitScreen() {
  const main = $("screen");
  const root = document.documentElement;
  const spills = () => main.scrollHeight > main.clientHeight + 1
    || [...main.querySelectorAll(FIT_BOXES)].some(e => e.offsetParent && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1));
  const shrink = () => {
    let fit = 1;
    root.style.setProperty("--fit", "1");
    while (fit > 0.6 && spills()) {
      fit = Math.round((fit - 0.05) * 100) / 100;
      root.style.setProperty("--fit", String(fit));
    }
  };
  main.classList.remove("tight");
  $("persons").style.height = "";
  shrink();
  if (spills()) {
    main.classList.add("tight");
    shrink();
  }
  spreadBoard(main);
  chart?.resize();
  if (reveal && question && reveal.seq === question.seq && !$("chart-box").hidden) drawChart(question); // its labels follow its new height
}

/**
 * The persons' board takes the height the screen has (its rows spread, up to 2.6 lines each) rather than sitting in the
 * top half when long nicknames made the type smaller.
 */
function spreadBoard(main) {
  const table = $("persons");
  if ($("board").hidden || room?.status === "ended" || $("col-persons").hidden || !table.rows.length) return;
  const space = main.getBoundingClientRect().bottom - parseFloat(getComputedStyle(main).paddingBottom) - table.getBoundingClientRect().top;
  const most = table.rows.length * parseFloat(getComputedStyle(table).fontSize) * 2.6;
  table.style.height = `${Math.max(table.offsetHeight, Math.min(space - 2, most))}px`;
}

// Joins are not broadcast (a citywide lobby would flood every screen), so the lobby asks for the count now and then.
setInterval(async () => {
  if (room?.status !== "lobby" || !live.connected) return;
  try {
    const snapshot = await live.invoke("Watch", code);
    if (room?.status === "lobby" && snapshot.state.participants !== room.participants) { room = snapshot.state; render(); }
  } catch { /* the next poll or the reconnection tries again */ }
}, 3000);

function tick() {
  const c = $("countdown");
  c.classList.remove("low", "over");
  if (!room || !question) { c.textContent = ""; return; }
  if (room.status === "closed") { c.textContent = t("screen.timeUp"); c.classList.add("over"); return; }
  if (room.status !== "open") { c.textContent = ""; return; }
  const now = live.serverNow();
  if (now < question.opensAtMs && $("stem").textContent !== t("q.ready")) { drawQuestion(); fitScreen(); }
  if (now >= question.opensAtMs && $("stem").textContent === t("q.ready")) { drawQuestion(); fitScreen(); }
  const s = room.paused ? Math.ceil(room.remainingMs / 1000) : secondsLeft(question.closesAtMs, Math.max(now, question.opensAtMs));
  c.textContent = room.paused ? t("q.paused") : s === 0 ? t("screen.timeUp") : String(s);
  c.classList.toggle("low", s <= 5 && s > 0);
  c.classList.toggle("over", s === 0 && !room.paused);
}
setInterval(tick, 250);
window.addEventListener("resize", fitScreen);
window.addEventListener("quiz:contrast", render);

initPrefs();
onLangChange(render);
live.start();
