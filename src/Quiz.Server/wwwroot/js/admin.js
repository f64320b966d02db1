// The organizer's admin: banks (list, create, rename, delete, import with its per-row error report, search, edit,
// retire, export), the contest list with its links, exports and rosters (admin-list.js), contests (admin-contest.js)
// and online rounds (admin-round.js), after a login; on a store with no account, the first admin's setup instead.
import { t, onLangChange, dateTime } from "./i18n.js";
import { initPrefs, esc } from "./prefs.js";
import { api, token, wireLogin, wireSetup, me, isOrganizer } from "./api.js";
import { initContestForm } from "./admin-contest.js";
import { loadReasons, reasonText, errorText, errorTable } from "./reasons.js";
import { initRoundForm } from "./admin-round.js";
import { showContestList } from "./admin-list.js";
import { download } from "./download.js";
import { answerText } from "./question-text.js";

const $ = id => document.getElementById(id);
const TYPES = ["single", "multiple", "truefalse", "fill", "ordering"];
let banks = [];
let bank = null;
let page = 1;
let editing = null;
let shownReport = null; // redrawn in the other language when the organizer switches
let editError = null;

export function say(text, kind = "ok") {
  $("message").innerHTML = text ? `<div class="banner ${kind}">${esc(text)}</div>` : "";
}

/** A refused request, in the page's language when the server gave a reason code. */
async function sayFailed(error) {
  await loadReasons();
  say(t("err.generic", { m: errorText(error) }), "error");
}

// ---- tabs
const tabs = [["tab-banks", "banks"], ["tab-list", "list"], ["tab-contests", "contests"], ["tab-online", "online"]];
for (const [tab] of tabs) $(tab).addEventListener("click", () => { say(""); showTab(tab); });

function showTab(tab) {
  for (const [other, panel] of tabs) {
    $(other).setAttribute("aria-selected", String(other === tab));
    $(panel).hidden = other !== tab;
  }
  if (tab === "tab-list") showContestList(say);
  if (tab === "tab-contests") initContestForm(banks);
  if (tab === "tab-online") initRoundForm(banks);
}

// ---- banks
async function loadBanks() {
  banks = await api("GET", "/api/banks");
  $("bank-list").innerHTML = banks.length === 0 ? `<tr><td>${esc(t("bank.none"))}</td></tr>`
    : `<tr><th>${esc(t("bank.name"))}</th><th>${esc(t("bank.count"))}</th><th>${esc(t("bank.updated"))}</th><th></th></tr>` + banks.map(b => `
      <tr><td translate="no">${esc(b.name)}</td><td>${b.questionCount}</td><td>${esc(dateTime(b.updatedAt))}</td>
      <td><div class="row">
        <button type="button" data-open="${esc(b.id)}">${esc(t("bank.open"))}</button>
        <button type="button" class="secondary" data-rename="${esc(b.id)}">${esc(t("bank.rename"))}</button>
        <button type="button" class="danger" data-delete="${esc(b.id)}">${esc(t("bank.delete"))}</button>
        ${["xlsx", "csv", "json", "gift"].map(f => `<button type="button" class="secondary" data-export="${esc(b.id)}" data-format="${f}" aria-label="${esc(t("bank.export"))} ${f}">${f}</button>`).join("")}
      </div></td></tr>`).join("");
}

$("bank-list").addEventListener("click", async e => {
  const button = e.target.closest("button");
  if (!button) return;
  const find = id => banks.find(b => b.id === id);
  try {
    if (button.dataset.open) openBank(find(button.dataset.open));
    if (button.dataset.export) {
      await download(`/api/banks/${encodeURIComponent(button.dataset.export)}/export?format=${button.dataset.format}`, `bank.${button.dataset.format}`);
      return;
    }
    if (button.dataset.rename) {
      const name = prompt(t("bank.rename.prompt"), find(button.dataset.rename).name);
      if (name) { await api("PUT", `/api/banks/${button.dataset.rename}`, { name }); await loadBanks(); }
    }
    if (button.dataset.delete && confirm(t("bank.delete.confirm", { name: find(button.dataset.delete).name }))) {
      await api("DELETE", `/api/banks/${button.dataset.delete}`);
      if (bank?.id === button.dataset.delete) { bank = null; $("bank").hidden = true; }
      await loadBanks();
    }
  } catch (error) { await sayFailed(error); }
});

$("new-bank").addEventListener("submit", async e => {
  e.preventDefault();
  try {
    const created = await api("POST", "/api/banks", { name: $("bank-name").value.trim() });
    $("bank-name").value = "";
    await loadBanks();
    openBank(created);
  } catch (error) { await sayFailed(error); }
});

function openBank(b) {
  bank = b;
  $("bank").hidden = false;
  $("bank-title").textContent = b.name;
  $("report").innerHTML = "";
  shownReport = null;
  page = 1;
  $("import").reset(); // a file chosen for one bank must not be imported into the next
  $("search").reset();
  search();
  showDue();
  $("bank-title").scrollIntoView({ block: "start" });
}

// Date-bound questions whose review-by date has come: counted on opening a bank, listed by the 到期待复核 filter.
async function showDue() {
  const due = await api("GET", `/api/banks/${bank.id}/questions?reviewDue=true&pageSize=1`);
  $("due-notice").hidden = due.total === 0;
  $("due-count").textContent = t("due.notice", { n: due.total });
  $("due-count").dataset.n = due.total;
}

$("due-show").addEventListener("click", () => { $("s-due").checked = true; page = 1; search(); });

// ---- import and its report
$("import").addEventListener("submit", async e => {
  e.preventDefault();
  const file = $("import-file").files[0];
  if (!file) {
    shownReport = null;
    $("report").innerHTML = `<div class="banner error" role="alert">${esc(t("import.nofile"))}</div>`;
    return;
  }
  const form = new FormData();
  form.append("file", file, file.name);
  const dry = $("dry-run").checked;
  let report;
  try {
    report = await api("POST", `/api/banks/${bank.id}/import?dryRun=${dry}`, form);
  } catch (error) {
    await loadReasons();
    if (!error.data?.errors || error.data.ok !== false) {
      shownReport = null;
      $("report").innerHTML = `<div class="banner error" role="alert">${esc(t("err.generic", { m: errorText(error) }))}</div>`;
      return;
    }
    report = error.data;
  }
  showReport(report);
  if (report.ok && !report.dryRun) { await loadBanks(); search(); showDue(); }
});

function showReport(report) {
  shownReport = report;
  const counts = { a: report.added, u: report.updated, c: report.unchanged };
  if (report.ok) {
    $("report").innerHTML = `<div class="banner ok">${esc(t(report.dryRun ? "import.dryok" : "import.ok", counts))}</div>`;
    return;
  }
  $("report").innerHTML = `<div class="banner error" role="alert">${esc(t("import.failed", { n: report.errors.length }))}</div>
    ${errorTable("import-errors", t("import.title"), report.errors)}`;
}

// ---- search, paging, edit, retire
function fillTypes() {
  const options = TYPES.map(type => `<option value="${type}">${esc(t(`type.${type}`))}</option>`).join("");
  const keep = [$("s-type").value, $("e-type").value];
  $("s-type").innerHTML = `<option value="">${esc(t("search.any"))}</option>` + options;
  $("e-type").innerHTML = options;
  [$("s-type").value, $("e-type").value] = keep;
}

$("search").addEventListener("submit", e => { e.preventDefault(); page = 1; search(); });

async function search() {
  if (!bank) return;
  const q = new URLSearchParams({ page, pageSize: 20 });
  for (const [key, id] of [["text", "s-text"], ["type", "s-type"], ["category", "s-category"], ["difficulty", "s-difficulty"]]) if ($(id).value) q.set(key, $(id).value);
  if ($("s-retired").checked) q.set("includeRetired", "true");
  if ($("s-due").checked) q.set("reviewDue", "true");
  const result = await api("GET", `/api/banks/${bank.id}/questions?${q}`);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const today = new Date().toLocaleDateString("sv"); // YYYY-MM-DD on this device; the server decides what is due
  $("results").innerHTML = `<p class="muted">${esc(t("search.total", { n: result.total }))}</p>
    ${result.items.length === 0 ? `<p class="banner warn" id="no-hits">${esc(t("search.none"))}</p>` : ""}
    <table><tr><th>${esc(t("search.type"))}</th><th>${esc(t("q.stem"))}</th><th>${esc(t("q.answer"))}</th><th>${esc(t("search.category"))}</th><th></th></tr>
    ${result.items.map(item => `<tr><td>${esc(t(`type.${item.type}`))}</td><td><span translate="no">${esc(item.stem)}</span>${item.retired ? ` <strong>(${esc(t("q.retired"))})</strong>` : ""}</td>
      <td ${item.type === "truefalse" ? "" : 'translate="no"'}>${esc(answerText(item))}</td><td><span translate="no">${esc(item.category)}</span>${item.reviewBy ? ` <span class="${item.reviewBy <= today ? "due" : "muted"}">${esc(t("q.reviewBy", { d: item.reviewBy }))}</span>` : ""}</td>
      <td><div class="row"><button type="button" data-edit="${esc(item.id)}">${esc(t("q.edit"))}</button>
      ${item.retired ? "" : `<button type="button" class="secondary" data-retire="${esc(item.id)}">${esc(t("q.retire"))}</button>`}</div></td></tr>`).join("")}</table>
    <div class="pager"><button type="button" class="secondary" id="prev" ${page <= 1 ? "disabled" : ""}>${esc(t("search.prev"))}</button>
      <span>${esc(t("search.page", { p: page, n: pages }))}</span>
      <button type="button" class="secondary" id="next" ${page >= pages ? "disabled" : ""}>${esc(t("search.next"))}</button></div>`;
  $("prev").addEventListener("click", () => { page--; search(); });
  $("next").addEventListener("click", () => { page++; search(); });
  for (const b of $("results").querySelectorAll("[data-edit]")) b.addEventListener("click", () => edit(result.items.find(i => i.id === b.dataset.edit)));
  for (const b of $("results").querySelectorAll("[data-retire]")) b.addEventListener("click", async () => {
    await api("POST", `/api/banks/${bank.id}/questions/${b.dataset.retire}/retire`);
    search();
  });
}

function edit(item) {
  editing = item;
  $("e-type").value = item.type;
  $("e-stem").value = item.stem;
  $("e-options").value = item.options.join("\n");
  $("e-answer").value = item.answer;
  $("e-explanation").value = item.explanation;
  $("e-category").value = item.category;
  $("e-tags").value = item.tags.join(", ");
  $("e-difficulty").value = item.difficulty;
  $("e-excludes").value = item.excludes.join(", ");
  $("e-review").value = item.reviewBy ?? "";
  $("edit-error").hidden = true;
  editError = null;
  $("editor").showModal();
}

$("edit-cancel").addEventListener("click", () => $("editor").close());
$("edit-form").addEventListener("submit", async e => {
  e.preventDefault();
  const type = $("e-type").value;
  const body = {
    key: editing.key, type, stem: $("e-stem").value.trim(), answer: $("e-answer").value.trim(),
    options: type === "fill" || type === "truefalse" ? [] : $("e-options").value.split("\n").map(s => s.trim()).filter(Boolean),
    explanation: $("e-explanation").value, category: $("e-category").value.trim(),
    tags: $("e-tags").value.split(/[,，、;]/).map(s => s.trim()).filter(Boolean), difficulty: Number($("e-difficulty").value) || null,
    imageUrl: editing.imageUrl, source: editing.source,
    excludes: $("e-excludes").value.split(/[,，|]/).map(s => s.trim()).filter(Boolean), reviewBy: $("e-review").value || null,
  };
  try {
    await api("PUT", `/api/banks/${bank.id}/questions/${editing.id}`, body);
    $("editor").close();
    say(t("edit.saved"));
    search();
    showDue();
  } catch (error) {
    await loadReasons();
    editError = error;
    $("edit-error").hidden = false;
    $("edit-error").textContent = errorText(error);
  }
});

// ---- login (or the first admin's setup): the organizer's pages stay hidden until the server has issued a token.
function showLoggedIn(loggedIn, setup = false) {
  const who = loggedIn ? me() : null;
  $("login").hidden = loggedIn || setup;
  $("setup").hidden = loggedIn || !setup;
  document.querySelector(".tabs").hidden = !loggedIn;
  $("accounts-link").hidden = !who?.roles.includes("admin");
  // Hosts and judges see the contest list only: from it they reopen a host console by account.
  for (const tab of ["tab-banks", "tab-contests", "tab-online"]) $(tab).hidden = !isOrganizer(who);
  if (!loggedIn) for (const [, panel] of tabs) $(panel).hidden = true;
  else showTab(isOrganizer(who) ? "tab-banks" : "tab-list");
}

async function loggedIn() {
  showLoggedIn(true);
  if (isOrganizer(me())) await loadBanks();
}

wireLogin(say, loggedIn);
wireSetup(say, loggedIn, () => showLoggedIn(false));

async function start() {
  if (!token()) {
    const setup = await api("GET", "/api/setup").catch(() => ({ needed: false }));
    showLoggedIn(false, setup.needed);
    return;
  }
  try {
    await loggedIn();
  } catch (error) {
    if (error.status === 401) showLoggedIn(false);
    else await sayFailed(error);
  }
}

initPrefs();
fillTypes();
onLangChange(() => {
  say(""); // a message says what just happened, in the language it happened in; it is not redrawn
  fillTypes();
  if (shownReport) showReport(shownReport);
  if (editError) $("edit-error").textContent = errorText(editError);
  if ($("due-count").dataset.n) $("due-count").textContent = t("due.notice", { n: $("due-count").dataset.n });
  if (token() && isOrganizer(me())) { loadBanks(); search(); }
});
start();
