// The online round page (/round?c=<round id>#code=<personal code>): enter with a personal code or register, start,
// answer with autosave, and see the time the server says is left. A reload or another device resumes the attempt, at
// the item it was on; the result, the boards and (where the round allows it) one's own paper appear once released.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc } from "./prefs.js";
import { renderItem, typeLabel, drawReview } from "./round-answers.js";
import { awaitRelease, drawBoards } from "./round-results.js";
import { initReadAloud, spoken } from "./speech.js";
import { optionText, score } from "./format.js";
import { drawChoices, chosen, loadChoices } from "./join-choices.js";

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const contestId = params.get("c") ?? "";
const tokenKey = `quiz.round.${contestId}`;
const placeKey = `quiz.round.${contestId}.at`; // the item on screen, so a reload comes back to it
const device = localStorage.getItem("quiz.device") ?? (() => {
  const id = crypto.randomUUID();
  localStorage.setItem("quiz.device", id);
  return id;
})();
const st = { info: null, view: null, offset: 0, current: 0, responses: new Map(), saves: new Map(), locked: false, timer: 0 };

async function call(method, path, body) {
  const headers = { "X-Device-Id": device };
  const token = localStorage.getItem(tokenKey);
  if (token) headers["X-Participant-Token"] = token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(`/api/rounds/${encodeURIComponent(contestId)}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    $("offline").hidden = false;
    throw Object.assign(new Error(t("err.network")), { code: "network" });
  }
  $("offline").hidden = true;
  const text = await response.text();
  const data = text && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : null;
  if (!response.ok) throw Object.assign(new Error(data?.title ?? String(response.status)), { status: response.status, code: data?.code ?? (response.status === 400 ? "invalid" : "") });
  return data;
}

const show = (...ids) => { for (const id of ["intro", "enter", "ready", "paper", "done", "boards", "review"]) $(id).hidden = !ids.includes(id); };
const fail = e => { $("error").textContent = t(`round.err.${e.code}`) !== `round.err.${e.code}` ? t(`round.err.${e.code}`) : e.message; $("error").hidden = false; };
const clearError = () => { $("error").hidden = true; };
const when = ms => new Date(ms).toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
const serverNow = () => Date.now() + st.offset;

function drawIntro() {
  const i = st.info;
  $("round-title").textContent = i.title;
  const item = (label, value) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  $("facts").innerHTML = item(t("round.opens"), when(i.opensAtMs)) + item(t("round.closes"), when(i.closesAtMs))
    + item(t("round.limit"), t("round.minutes", { n: Math.round(i.timeLimitSeconds / 60 * 10) / 10 })) + item(t("round.count"), t("round.items", { n: i.questions }));
  const status = $("intro-status");
  status.hidden = i.status === "open";
  status.className = "banner warn";
  status.textContent = i.status === "upcoming" ? t("round.upcoming", { at: when(i.opensAtMs) }) : t("round.closed");
  $("intro-caveat").hidden = !i.assessment;
}

async function enter() {
  show("intro");
  try {
    st.view = await call("GET", "/attempt");
    return st.view.status === "submitted" ? drawDone() : drawPaper();
  } catch (e) {
    if (e.status === 401) localStorage.removeItem(tokenKey);
    if (e.status === 404) return showReady();
    if (e.status !== 401) return fail(e);
  }
  show("intro", "enter");
  $("register-form").hidden = !st.info.selfRegistration;
}

/**
 * Not started yet: 开始答题 is live only while the window is open. Before it, the button waits (disabled, saying
 * when) and wakes at the opening; after it, there is nothing to start and the intro says the round has closed.
 */
function showReady() {
  const i = st.info;
  show("intro", ...(i.status === "closed" ? [] : ["ready"]));
  const button = $("start");
  button.disabled = i.status !== "open";
  button.textContent = i.status === "upcoming" ? t("round.startsAt", { at: when(i.opensAtMs) }) : t("round.start");
  if (i.status === "upcoming") {
    const wait = Math.min(2 ** 31 - 1, Math.max(1000, i.opensAtMs - i.serverNowMs));
    setTimeout(async () => { st.info = await call("GET", "").catch(() => st.info); drawIntro(); showReady(); }, wait);
  }
}

async function start() {
  clearError();
  $("start").disabled = true;
  try {
    st.view = await call("POST", "/attempt");
    drawPaper();
  } catch (e) {
    fail(e);
    if (["round_closed", "attempt_used", "round_not_open"].includes(e.code)) { // too late (or early): no live button
      st.info = await call("GET", "").catch(() => st.info);
      drawIntro();
      return showReady();
    }
    $("start").disabled = false;
  }
}

function drawPaper() {
  const v = st.view;
  st.offset = v.serverNowMs - Date.now();
  for (const a of v.answers) st.responses.set(a.index, { options: a.options, text: a.text }), st.saves.set(a.index, "saved");
  // Back where it was after a reload; on another device, at the first item not answered yet.
  const at = Number(localStorage.getItem(placeKey));
  const firstOpen = v.items.findIndex(i => !st.saves.has(i.index));
  st.current = localStorage.getItem(placeKey) !== null && at >= 0 && at < v.items.length ? at : Math.max(0, firstOpen);
  show("paper");
  drawItem();
  clearInterval(st.timer);
  st.timer = setInterval(tick, 250);
  tick();
}

function drawItem() {
  const v = st.view;
  const q = v.items[st.current];
  $("progress").textContent = t("q.progress", { n: st.current + 1, total: v.items.length });
  $("qtype").textContent = `${typeLabel(q)} · ${t("q.points", { p: q.points })}`;
  $("stem").textContent = q.stem;
  localStorage.setItem(placeKey, String(st.current));
  $("qimage").hidden = !q.imageUrl;
  if (q.imageUrl) $("qimage").src = q.imageUrl;
  renderItem($("answers"), q, st.responses.get(q.index), st.locked, (response, complete) => {
    st.responses.set(q.index, response);
    drawItem();
    if (complete) save(q.index);
  });
  $("prev").disabled = st.current === 0;
  $("next").disabled = st.current === v.items.length - 1;
  drawSaveState();
  $("map").innerHTML = v.items.map(i => `<button type="button" data-i="${i.index}" class="${st.saves.get(i.index) === "saved" ? "answered" : ""}"
    aria-current="${i.index === st.current}" aria-label="${esc(t("q.progress", { n: i.index + 1, total: v.items.length }))}">${i.index + 1}</button>`).join("");
  for (const b of $("map").querySelectorAll("button")) b.addEventListener("click", () => go(Number(b.dataset.i)));
  $("submit").disabled = st.locked;
}

function drawSaveState() {
  const state = st.saves.get(st.current);
  const el = $("save-state");
  el.textContent = state ? t(`round.save.${state}`) : t("round.save.none");
  el.classList.toggle("failed", state === "retrying");
}

const go = index => { st.current = Math.max(0, Math.min(st.view.items.length - 1, index)); drawItem(); };

/** Sends the latest response of an item; a network failure retries with the newest response, never an old one. */
async function save(index) {
  if (st.locked) return;
  st.saves.set(index, "saving");
  drawSaveState();
  const response = st.responses.get(index);
  try {
    await call("PUT", `/attempt/answers/${index}`, response);
    if (st.responses.get(index) === response) st.saves.set(index, "saved");
  } catch (e) {
    if (e.code === "network" || e.status >= 500) {
      st.saves.set(index, "retrying");
      setTimeout(() => save(index), 2000);
    } else if (e.code === "time_up" || e.code === "attempt_submitted") {
      return timeUp();
    } else {
      st.saves.set(index, "retrying");
      fail(e);
    }
  }
  if (index === st.current) drawItem();
}

function tick() {
  const left = Math.max(0, st.view.deadlineMs - serverNow());
  const s = Math.ceil(left / 1000);
  $("clock").textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  $("clock").parentElement.classList.toggle("low", s <= 60);
  if (left <= 0) timeUp();
}

/** The server submits at the deadline by itself; the page only waits until it has. */
async function timeUp() {
  if (st.locked) return;
  st.locked = true;
  clearInterval(st.timer);
  drawItem();
  $("save-state").textContent = t("round.timeUp");
  for (let i = 0; i < 60; i++) {
    await new Promise(r => setTimeout(r, 1500));
    try {
      st.view = await call("GET", "/attempt");
      if (st.view.status === "submitted") return drawDone();
    } catch { /* keep waiting */ }
  }
}

async function submit() {
  const open = st.view.items.length - [...st.saves.values()].filter(s => s === "saved").length;
  if (!confirm(open > 0 ? t("round.confirmOpen", { n: open }) : t("round.confirm"))) return;
  $("submit").disabled = true;
  try {
    st.view = { ...st.view, status: "submitted", result: await call("POST", "/attempt/submit") };
    st.locked = true;
    clearInterval(st.timer);
    drawDone();
  } catch (e) {
    if (e.code === "time_up" || e.code === "attempt_submitted") return timeUp();
    fail(e);
    $("submit").disabled = false;
  }
}

async function drawDone() {
  const r = st.view.result;
  show("done");
  $("done-title").textContent = r.automatic ? t("round.autoDone") : t("round.done");
  const item = (label, value) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  const used = Math.round(r.timeUsedMs / 1000);
  $("result").innerHTML = (r.released ? item(t("s.score"), `${score(r.score)} / ${score(r.maxScore)}`) + (r.rank ? item(t("s.rank"), t("s.rankOf", { r: r.rank, n: r.of })) : "") : "")
    + item(t("round.used"), t("round.usedValue", { m: Math.floor(used / 60), s: used % 60 }));
  $("done-note").textContent = r.released ? "" : t("round.later", { at: when(st.info.closesAtMs) });
  $("review-open").hidden = !(r.released && st.info.review);
  if (!r.released) {
    awaitRelease(call, info => info.status === "closed" || info.results === "immediately", async info => {
      const view = await call("GET", "/attempt");
      if (!view.result?.released) return false;
      st.info = { ...st.info, ...info, assessment: st.info.assessment };
      st.view = view;
      drawDone();
      return true;
    });
  }
  // An assessment asks for the optional profile once the paper is in; the token goes in the hash, never to a server log.
  $("assessment").hidden = !st.info.assessment;
  const token = localStorage.getItem(tokenKey);
  if (st.info.assessment && token) {
    $("profile-link").href = `/assessment-profile#contest=${encodeURIComponent(contestId)}&me=${encodeURIComponent(token)}`;
  }
  if (r.released) drawBoards(call, $("boards"), $("board-tables"));
}

/** One's own paper with the key and 解析 of each item, where the round allows it, after release. */
async function openReview() {
  clearError();
  try {
    const review = await call("GET", "/attempt/review");
    drawReview($("review-items"), review);
    $("review").hidden = false;
    $("review-open").hidden = true;
    $("review").scrollIntoView();
  } catch (e) { fail(e); }
}

// Leaving the page is reported for the organizer (a signal, not a verdict), at most once per kind every 2 s.
const lastSignal = {};
function signal(kind) {
  if (!st.view || st.locked || st.view.status !== "open" || Date.now() - (lastSignal[kind] ?? 0) < 2000) return;
  lastSignal[kind] = Date.now();
  call("POST", "/attempt/signals", { kind }).catch(() => {});
}
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") signal("hidden"); });
window.addEventListener("blur", () => signal("blur"));

async function main() {
  initPrefs();
  $("start").addEventListener("click", start);
  $("prev").addEventListener("click", () => go(st.current - 1));
  $("next").addEventListener("click", () => go(st.current + 1));
  $("submit").addEventListener("click", submit);
  $("review-open").addEventListener("click", openReview);
  initReadAloud($("read-aloud"), () => {
    const q = st.view?.items[st.current];
    return q ? spoken(q.stem, q.type === "fill" ? [] : q.options.map(o => optionText(q, o))) : "";
  });
  $("code-form").addEventListener("submit", e => {
    e.preventDefault();
    if (!$("code").value.trim()) return;
    localStorage.setItem(tokenKey, $("code").value.trim());
    enter();
  });
  $("register-form").addEventListener("submit", async e => {
    e.preventDefault();
    clearError();
    try {
      const form = $("register-form");
      const reg = await call("POST", "/register", { name: $("name").value.trim(), unit: chosen(form, "unit"), district: chosen(form, "district") });
      localStorage.setItem(tokenKey, reg.token);
      enter();
    } catch (err) { fail(err); }
  });
  let groups = null;
  onLangChange(() => { drawChoices($("register-form"), groups); if (st.info) drawIntro(); if (!$("paper").hidden) drawItem(); if (!$("done").hidden) drawDone(); });
  if (!contestId) return fail({ code: "no_round" });
  // The personal code comes after '#' (never sent to a server, so never in its logs); links sent before that carried
  // it in the query and still work. Either way it leaves the address bar (and the history) at once.
  const personal = new URLSearchParams(location.hash.slice(1)).get("code") ?? params.get("code");
  if (personal) {
    localStorage.setItem(tokenKey, personal);
    history.replaceState(null, "", `${location.pathname}?c=${encodeURIComponent(contestId)}`);
  }
  try {
    st.info = await call("GET", "");
  } catch (e) {
    return fail(e.status === 404 ? { code: "no_round" } : e);
  }
  if (st.info.selfRegistration) {
    groups = await loadChoices(`/api/rounds/${encodeURIComponent(contestId)}/choices`);
    drawChoices($("register-form"), groups);
  }
  drawIntro();
  $("title").textContent = st.info.title;
  await enter();
}

main();
