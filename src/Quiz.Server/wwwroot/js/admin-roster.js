// Roster import from a spreadsheet (.xlsx or .csv) for one contest or online round: a dry run or the import, the
// errors by row and column in the page's language, then each person's personal link (shown only now) to download.
import { t, onLangChange } from "./i18n.js";
import { esc } from "./prefs.js";
import { api } from "./api.js";
import { loadReasons, errorText, errorTable } from "./reasons.js";

let box = null;
let contest = null;
let report = null; // the last answer, redrawn in the other language on a switch
let failure = null;
let onImported = () => {};

/** Opens the import for contest ({ contestId, title, kind }) in container; onDone runs after people were added. */
export function openRosterImport(container, target, onDone = () => {}) {
  box = container;
  contest = target;
  onImported = onDone;
  report = failure = null;
  draw();
  box.querySelector("#roster-heading").focus();
}

/** A person's own link: the live page enters with the code after #, the online round with it in the link it was sent. */
export const personalLink = (target, code) => target.kind === "online"
  ? `${location.origin}/round?c=${encodeURIComponent(target.contestId)}#code=${encodeURIComponent(code)}`
  : `${location.origin}/play#contest=${encodeURIComponent(target.contestId)}&me=${encodeURIComponent(code)}`;

function draw() {
  box.innerHTML = `<section class="card" id="roster-panel" aria-labelledby="roster-heading">
      <h2 id="roster-heading" tabindex="-1">${esc(t("roster.title"))} <span translate="no">${esc(contest.title)}</span></h2>
      <p class="muted">${esc(t("roster.help"))} <a href="/api/contests/roster-template.xlsx">roster-template.xlsx</a> · <a href="/api/contests/roster-template.csv">roster-template.csv</a></p>
      <form id="roster-form" class="row">
        <label for="roster-file">${esc(t("roster.file"))}</label>
        <input id="roster-file" type="file" accept=".xlsx,.csv" required class="grow">
        <label class="inline"><input id="roster-dry" type="checkbox"> <span>${esc(t("import.dry"))}</span></label>
        <button type="submit">${esc(t("roster.go"))}</button>
        <button type="button" class="secondary" id="roster-close">${esc(t("roster.close"))}</button>
      </form>
      <div id="roster-report" aria-live="polite">${drawReport()}</div>
    </section>`;
  box.querySelector("#roster-form").addEventListener("submit", send);
  box.querySelector("#roster-close").addEventListener("click", () => { box.innerHTML = ""; contest = null; });
  const links = box.querySelector("#roster-links");
  if (links) links.href = URL.createObjectURL(new Blob([linksCsv()], { type: "text/csv" }));
}

async function send(e) {
  e.preventDefault();
  const file = box.querySelector("#roster-file").files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file, file.name);
  const dry = box.querySelector("#roster-dry").checked;
  report = failure = null;
  try {
    report = await api("POST", `/api/contests/${encodeURIComponent(contest.contestId)}/roster/import?dryRun=${dry}`, form);
    if (!report.dryRun && report.added > 0) onImported();
  } catch (error) {
    if (error.data?.ok === false) report = error.data;
    else failure = error;
  }
  await Promise.all([loadReasons(), loadReasons("/api/contests/roster-reasons")]);
  box.querySelector("#roster-report").innerHTML = drawReport();
  const links = box.querySelector("#roster-links");
  if (links) links.href = URL.createObjectURL(new Blob([linksCsv()], { type: "text/csv" }));
}

function drawReport() {
  if (failure) return `<div class="banner error" role="alert">${esc(t("err.generic", { m: errorText(failure) }))}</div>`;
  if (!report) return "";
  if (!report.ok) {
    return `<div class="banner error" role="alert">${esc(t("roster.failed", { n: report.errors.length }))}</div>
      ${errorTable("roster-errors", t("roster.title"), report.errors)}`;
  }
  const counts = { a: report.added, s: report.skipped };
  if (report.dryRun) return `<div class="banner ok">${esc(t("roster.dryok", counts))}</div>`;
  return `<div class="banner ok">${esc(t("roster.ok", counts))}</div>
    <p>${esc(t("roster.links"))} <a id="roster-links" download="roster-links-${esc(contest.contestId)}.csv">roster-links.csv</a></p>
    <div class="scroll"><table id="roster-people"><thead><tr><th scope="col">${esc(t("import.row"))}</th><th scope="col">${esc(t("round.name"))}</th>
      <th scope="col">${esc(t("or.staffId"))}</th><th scope="col">${esc(t("or.link"))}</th></tr></thead>
    <tbody>${report.people.map(p => `<tr><td>${p.row}</td><td translate="no">${esc(p.name)}</td><td translate="no">${esc(p.staffId)}</td>
      <td>${p.code ? `<a href="${esc(personalLink(contest, p.code))}" target="_blank" rel="noopener">${esc(personalLink(contest, p.code))}</a>` : esc(t("roster.skipped"))}</td></tr>`).join("")}</tbody></table></div>`;
}

// Quoted, formulas defused, with a BOM so Excel reads the Chinese names.
const cell = value => { const text = String(value); return `"${(/^[=+\-@]/.test(text) ? "'" + text : text).replace(/"/g, '""')}"`; };
const linksCsv = () => "\uFEFF" + [[t("round.name"), t("or.staffId"), t("or.link")],
  ...report.people.filter(p => p.code).map(p => [p.name, p.staffId, personalLink(contest, p.code)])].map(r => r.map(cell).join(",")).join("\r\n");

onLangChange(() => { if (contest && box?.isConnected) draw(); });
