// The organizer's literacy-assessment dashboard (/assessment#contest=<id>): create an assessment round in one step,
// or make an existing online round an assessment, upload population margins (every bad row listed with its coded
// reason, in the page's language) or remove them, see the districts against their targets, export the same figures
// and the item analysis. Needs an organizer's login, like /admin.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc } from "./prefs.js";
import { api, authHeaders, token, wireLogin } from "./api.js";
import { loadReasons } from "./reasons.js";
import { caveatHtml, drawChart, legendHtml, reasonIn, suppressedHtml, tableHtml } from "./assessment-view.js";

const $ = id => document.getElementById(id);
let report = null;
let chart = null;
let marginErrors = []; // the last refused file's errors, drawn again when the language changes

const say = (text, kind = "ok") => { $("message").innerHTML = text ? `<div class="banner ${kind}">${esc(text)}</div>` : ""; };
const contest = () => $("contest").value.trim();
const base = () => `/api/assessments/${encodeURIComponent(contest())}`;

function draw() {
  $("caveat").innerHTML = caveatHtml(report);
  $("view").hidden = !report;
  if (!report) return;
  $("summary").textContent = t("as.summary", { r: report.recorded, x: report.excludedByAge, d: report.withoutDistrict });
  $("screen-link").href = `/assessment-screen?contest=${encodeURIComponent(report.contestId)}`;
  $("legend").innerHTML = legendHtml(report);
  chart ??= echarts.init($("chart"));
  drawChart(chart, report);
  $("suppressed").innerHTML = suppressedHtml(report);
  $("figures").innerHTML = tableHtml(report);
  $("remove-margins").hidden = !report.marginsLoaded;
}

/** Where an error is, as the organizer reads the file: row and column, the district, or the file. */
function whereText(error) {
  const row = /^row (\d+)(?: (\w+))?$/.exec(error.field ?? "");
  if (row) return t("as.where.row", { row: row[1], column: row[2] ? t(`as.col.${row[2]}`) : "" }).trim();
  if (error.field?.startsWith("district ")) return error.field.slice(9);
  return error.field === "file" ? t("as.where.file") : error.field ?? "";
}

function drawMarginErrors() {
  $("margin-errors").innerHTML = marginErrors.length === 0 ? ""
    : `<tr><th>${esc(t("as.margins.where"))}</th><th>${esc(t("import.reason"))}</th></tr>`
      + marginErrors.map(x => `<tr><td>${esc(whereText(x))}</td><td>${esc(x.code ? reasonIn(x) : x.message)}</td></tr>`).join("");
}

// Keeps the message on success: what the caller just said (margins loaded, removed) stays on screen.
async function load() {
  try {
    report = await api("GET", `${base()}/report`);
    history.replaceState(null, "", `#contest=${encodeURIComponent(contest())}`);
  } catch (error) {
    report = null;
    say(error.status === 404 ? t("as.notFound") : t("err.generic", { m: error.message }), "error");
  }
  draw();
}

$("pick").addEventListener("submit", e => { e.preventDefault(); say(""); load(); });

// One step: the online round on the questionnaire with the national split, made an assessment (POST /api/assessments).
const local = date => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
$("a-opens").value = local(new Date());
$("a-closes").value = local(new Date(Date.now() + 7 * 86400000));
$("create").addEventListener("submit", async e => {
  e.preventDefault();
  try {
    const created = await api("POST", "/api/assessments", {
      title: $("a-title").value.trim(), opensAt: new Date($("a-opens").value).toISOString(), closesAt: new Date($("a-closes").value).toISOString(),
      timeLimitSeconds: Math.round(Number($("a-limit").value) * 60), selfRegistration: $("a-self").checked,
    });
    const id = created.round.contestId;
    const link = `${location.origin}/round?c=${encodeURIComponent(id)}`;
    $("a-created").innerHTML = `<div class="banner ok"><p>${esc(t("as.created", { n: created.round.paperSize }))}</p><dl>
      <dt>${esc(t("c.id"))}</dt><dd>${esc(id)}</dd><dt>${esc(t("or.link"))}</dt><dd><a href="${esc(link)}" target="_blank">${esc(link)}</a></dd>
      <dt class="secret">${esc(t("c.hostKey"))}</dt><dd>${esc(created.round.hostKey)}</dd></dl></div>`;
    $("contest").value = id;
    await load();
  } catch (error) {
    say(t("err.generic", { m: error.message }), "error");
  }
});

$("setup").addEventListener("click", async () => {
  if (!contest()) return;
  try {
    await api("PUT", base(), {});
    say(t("as.setup.done"));
    await load();
  } catch (error) {
    say(t("err.generic", { m: error.message }), "error");
  }
});

$("margins").addEventListener("submit", async e => {
  e.preventDefault();
  const file = $("margins-file").files[0];
  if (!file) return;
  marginErrors = [];
  drawMarginErrors();
  try {
    const response = await fetch(`${base()}/margins`, { method: "PUT", headers: authHeaders({ "Content-Type": "text/csv" }), body: await file.arrayBuffer() });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      marginErrors = body.errors ?? (body.reason ? [{ field: "file", code: body.reason, args: body.args, message: body.title }] : []);
      drawMarginErrors();
      say(marginErrors.length ? t("as.margins.failed", { n: marginErrors.length }) : t("err.generic", { m: body.title ?? response.status }), "error");
      return;
    }
    const populations = Object.entries(body.populations ?? {}).map(([d, p]) => `${d} ${Math.round(p).toLocaleString()}`).join("、");
    say(t("as.margins.ok", { n: Object.keys(body.populations ?? {}).length, list: populations }));
    await load();
  } catch (error) {
    say(t("err.generic", { m: error.message }), "error");
  }
});

$("remove-margins").addEventListener("click", async () => {
  if (!confirm(t("as.margins.remove.confirm"))) return;
  const response = await fetch(`${base()}/margins`, { method: "DELETE", headers: authHeaders() });
  say(response.ok ? t("as.margins.removed") : response.status === 404 ? t("as.margins.none") : t("err.generic", { m: response.status }), response.ok ? "ok" : "error");
  marginErrors = [];
  drawMarginErrors();
  await load();
});

async function download(what, format) {
  const response = await fetch(`${base()}/${what}.${format}`, { headers: authHeaders() });
  if (!response.ok) { say(t("err.generic", { m: response.status }), "error"); return; }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = `assessment-${what === "items" ? "items-" : ""}${contest()}.${format}`;
  link.click();
  URL.revokeObjectURL(link.href);
}
$("export-csv").addEventListener("click", () => download("report", "csv"));
$("export-xlsx").addEventListener("click", () => download("report", "xlsx"));
$("export-items").addEventListener("click", () => download("items", "csv"));
$("export-items-xlsx").addEventListener("click", () => download("items", "xlsx"));

// ---- login, as on /admin: the token lives in sessionStorage and dies with the tab.
function showLogin(loggedIn) {
  $("login").hidden = loggedIn;
  $("dashboard").hidden = !loggedIn;
}

// The reason table is public (the big screen needs it too): fetched once, then anything already drawn is drawn again.
loadReasons("/api/assessments/reasons").then(() => { draw(); drawMarginErrors(); });

wireLogin(say, async () => {
  showLogin(true);
  if (contest()) await load();
});

initPrefs();
onLangChange(() => { draw(); drawMarginErrors(); });
window.addEventListener("resize", () => chart?.resize());
$("contest").value = new URLSearchParams(location.hash.slice(1)).get("contest") ?? "";
showLogin(!!token());
draw();
if (token() && contest()) load();
