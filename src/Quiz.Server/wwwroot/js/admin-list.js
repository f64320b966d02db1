// The contest list: every contest and online round, newest first, with its join code and status, the links of the
// day (big screen, host console by account, participants' page), the results exports and the roster import.
import { t, onLangChange, dateTime } from "./i18n.js";
import { esc } from "./prefs.js";
import { api, me, isOrganizer } from "./api.js";
import { download } from "./download.js";
import { openRosterImport } from "./admin-roster.js";
import { loadReasons, errorText } from "./reasons.js";

let panel = null;
let contests = [];
let say = () => {};

/** Draws the list into #list and loads it; say shows a message at the top of the page. */
export async function showContestList(sayText) {
  say = sayText;
  panel = document.getElementById("list");
  if (!panel.querySelector("#contest-list")) {
    panel.innerHTML = `<div class="card"><div id="list-head"></div>
      <div class="scroll"><table id="contest-list" aria-labelledby="list-title"></table></div></div><div id="roster-box"></div>`;
    panel.querySelector("#list-head").addEventListener("click", e => { if (e.target.id === "list-refresh") load(); });
    panel.querySelector("#contest-list").addEventListener("click", act);
  }
  drawHead();
  await load();
}

function drawHead() {
  const phones = panel.querySelector("#list-phones")?.checked;
  panel.querySelector("#list-head").innerHTML = `<div class="row"><h2 class="grow" id="list-title">${esc(t("list.title"))}</h2>
      ${isOrganizer(me()) ? `<label class="inline"><input type="checkbox" id="list-phones" ${phones ? "checked" : ""}> ${esc(t("list.fullPhones"))}</label>` : ""}
      <button type="button" class="secondary" id="list-refresh">${esc(t("list.refresh"))}</button></div>
    <p class="muted">${esc(t("list.hostNote"))}</p>`;
}

async function load() {
  try {
    contests = await api("GET", "/api/contests");
    draw();
  } catch (error) {
    await loadReasons();
    say(t("err.generic", { m: errorText(error) }), "error");
  }
}

const statusText = c => c.kind === "online" ? t(`list.window.${c.status}`)
  : c.status === "lobby" || c.status === "ended" ? t(`status.${c.status}`)
  : `${t(`status.${c.status}`)} · ${t("q.progress", { n: c.seq + 1, total: c.questions })}`;

function draw() {
  const table = panel?.querySelector("#contest-list");
  if (!table) return;
  if (contests.length === 0) {
    table.innerHTML = `<tr><td>${esc(t("list.none"))}</td></tr>`;
    return;
  }
  const organizer = isOrganizer(me());
  table.innerHTML = `<thead><tr><th scope="col">${esc(t("c.title"))}</th><th scope="col">${esc(t("c.joinCode"))}</th><th scope="col">${esc(t("list.status"))}</th>
      <th scope="col">${esc(t("list.people"))}</th><th scope="col">${esc(t("list.created"))}</th><th scope="col">${esc(t("list.actions"))}</th></tr></thead>
    <tbody>${contests.map(c => `<tr data-contest="${esc(c.contestId)}">
      <td><strong translate="no">${esc(c.title)}</strong><br><span class="muted">${esc(t(`list.kind.${c.kind}`))} · <span class="contest-id">${esc(c.contestId)}</span></span></td>
      <td class="bigcell">${esc(c.joinCode)}</td><td>${esc(statusText(c))}</td><td>${c.participants}</td><td>${esc(dateTime(c.createdAt))}</td>
      <td><div class="actions">${links(c)}${organizer ? exports(c) : ""}
        ${organizer ? `<button type="button" class="secondary" data-roster="${esc(c.contestId)}">${esc(t("list.roster"))}</button>` : ""}</div></td></tr>`).join("")}</tbody>`;
}

// The host console opens in this tab on purpose: it takes the room with this tab's login (no key in the link).
function links(c) {
  if (c.kind === "online") return `<a class="button secondary" href="/round?c=${encodeURIComponent(c.contestId)}" target="_blank" rel="noopener">${esc(t("list.round"))}</a>`;
  const code = encodeURIComponent(c.joinCode);
  return `<a class="button secondary" href="/screen?code=${code}" target="_blank" rel="noopener">${esc(t("list.screen"))}</a>
    <a class="button secondary" href="/host#contest=${encodeURIComponent(c.contestId)}" data-host>${esc(t("list.host"))}</a>
    <a class="button secondary" href="/play?code=${code}" target="_blank" rel="noopener">${esc(t("list.play"))}</a>`;
}

function exports(c) {
  const files = c.kind === "online" ? ["results.csv", "results.xlsx", "questions.csv", "questions.xlsx"] : ["results.csv"];
  return files.map(f => `<button type="button" data-file="${f}">${esc(t(`list.export.${f.split(".")[0]}`))} (${f.split(".")[1]})</button>`).join("");
}

async function act(e) {
  const button = e.target.closest("button");
  const row = e.target.closest("[data-contest]");
  if (!button || !row) return;
  const contest = contests.find(c => c.contestId === row.dataset.contest);
  if (button.dataset.roster) {
    openRosterImport(panel.querySelector("#roster-box"), contest, load);
    return;
  }
  const file = button.dataset.file;
  const full = panel.querySelector("#list-phones")?.checked && file.startsWith("results");
  const base = contest.kind === "online" ? `/api/rounds/${encodeURIComponent(contest.contestId)}` : `/api/contests/${encodeURIComponent(contest.contestId)}`;
  try {
    await download(`${base}/${file}${full ? "?phones=full" : ""}`, `${contest.kind === "online" ? "round-" : ""}${file.replace(".", `-${contest.contestId}.`)}`);
    say(t("res.done"));
  } catch (error) {
    await loadReasons();
    say(t("err.generic", { m: errorText(error) }), "error");
  }
}

onLangChange(() => { if (panel?.querySelector("#contest-list")) { drawHead(); draw(); } });
