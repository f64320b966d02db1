// Online rounds in the admin: create one (window, limit, bank and blueprint rules, points, release of results,
// self-registration), import its roster (personal links, shown once), and download results and question statistics.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";
import { api, authHeaders } from "./api.js";

const TYPES = ["single", "multiple", "truefalse", "fill", "ordering"];
const local = date => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
let panel;
let rules = [{ count: 20, type: "", difficulty: "", category: "" }];
let created = null;

export function initRoundForm(banks) {
  panel = document.getElementById("online");
  const now = new Date();
  panel.innerHTML = `<form id="round-form" class="card">
      <h2>${esc(t("or.title"))}</h2>
      <div class="rules">
        <div><label for="o-title">${esc(t("c.title"))}</label><input id="o-title" required maxlength="200"></div>
        <div><label for="o-bank">${esc(t("c.bank"))}</label><select id="o-bank">${banks.map(b => `<option value="${esc(b.id)}">${esc(b.name)} (${b.questionCount})</option>`).join("")}</select></div>
        <div><label for="o-opens">${esc(t("or.opens"))}</label><input id="o-opens" type="datetime-local" value="${local(now)}" required></div>
        <div><label for="o-closes">${esc(t("or.closes"))}</label><input id="o-closes" type="datetime-local" value="${local(new Date(now.getTime() + 7 * 86400000))}" required></div>
        <div><label for="o-limit">${esc(t("or.limit"))}</label><input id="o-limit" type="number" min="1" max="1440" value="30" required></div>
        <div><label for="o-points">${esc(t("c.pointsPer"))}</label><input id="o-points" type="number" min="1" max="1000" value="5" required></div>
        <div><label for="o-results">${esc(t("or.results"))}</label><select id="o-results"><option value="AtClose">${esc(t("or.atClose"))}</option><option value="Immediately">${esc(t("or.immediately"))}</option></select></div>
      </div>
      <div class="row"><label class="inline"><input id="o-partial" type="checkbox"> ${esc(t("c.partial"))}</label>
        <label class="inline"><input id="o-self" type="checkbox"> ${esc(t("or.self"))}</label>
        <label class="inline"><input id="o-review" type="checkbox"> ${esc(t("or.review"))}</label></div>
      <h3>${esc(t("c.mode.blueprint"))}</h3>
      <div id="o-rules"></div>
      <div class="row"><button type="button" class="secondary" id="o-add-rule">${esc(t("c.addRule"))}</button><button type="submit">${esc(t("or.create"))}</button></div>
      <div id="o-error" class="banner error" role="alert" hidden></div>
    </form>
    <div id="o-created"></div>
    <form id="o-export" class="card"><h2>${esc(t("or.exports"))}</h2>
      <label for="o-id">${esc(t("c.id"))}</label><input id="o-id" required>
      <div class="row">${["results.csv", "results.xlsx", "questions.csv", "questions.xlsx"].map(f => `<button type="button" class="secondary" data-file="${f}">${esc(t(`or.export.${f.split(".")[0]}`))} (${f.split(".")[1]})</button>`).join("")}</div>
    </form>`;
  drawRules();
  panel.querySelector("#o-add-rule").addEventListener("click", () => { rules.push({ count: 5, type: "", difficulty: "", category: "" }); drawRules(); });
  panel.querySelector("#round-form").addEventListener("submit", create);
  for (const b of panel.querySelectorAll("[data-file]")) b.addEventListener("click", () => download(panel.querySelector("#o-id").value.trim(), b.dataset.file));
}

function drawRules() {
  const box = panel.querySelector("#o-rules");
  box.innerHTML = rules.map((rule, j) => `<div class="row" data-rule-row="${j}">
    <label class="inline">${esc(t("c.rule.count"))} <input type="number" min="1" max="500" data-bp="count" value="${rule.count}" style="width:6rem"></label>
    <label class="inline">${esc(t("search.type"))} <select data-bp="type"><option value="">${esc(t("search.any"))}</option>${TYPES.map(x => `<option value="${x}" ${rule.type === x ? "selected" : ""}>${esc(t(`type.${x}`))}</option>`).join("")}</select></label>
    <label class="inline">${esc(t("search.difficulty"))} <select data-bp="difficulty"><option value="">${esc(t("search.any"))}</option>${[1, 2, 3, 4, 5].map(d => `<option ${String(rule.difficulty) === String(d) ? "selected" : ""}>${d}</option>`).join("")}</select></label>
    <label class="inline">${esc(t("search.category"))} <input data-bp="category" value="${esc(rule.category)}"></label></div>`).join("");
  box.addEventListener("change", e => { const row = e.target.closest("[data-rule-row]"); if (row) rules[Number(row.dataset.ruleRow)][e.target.dataset.bp] = e.target.value; });
}

async function create(e) {
  e.preventDefault();
  const v = id => panel.querySelector(id).value;
  const error = panel.querySelector("#o-error");
  try {
    created = await api("POST", "/api/rounds", {
      title: v("#o-title").trim(), bankId: v("#o-bank"),
      opensAt: new Date(v("#o-opens")).toISOString(), closesAt: new Date(v("#o-closes")).toISOString(),
      timeLimitSeconds: Math.round(Number(v("#o-limit")) * 60), points: Number(v("#o-points")), results: v("#o-results"),
      partialCredit: panel.querySelector("#o-partial").checked ? "Proportional" : "None", selfRegistration: panel.querySelector("#o-self").checked,
      review: panel.querySelector("#o-review").checked,
      blueprint: rules.map(r => ({ count: Number(r.count), type: r.type || null, difficulty: r.difficulty ? Number(r.difficulty) : null, category: r.category || null })),
    });
    error.hidden = true;
    panel.querySelector("#o-id").value = created.contestId;
    const link = `${location.origin}/round?c=${encodeURIComponent(created.contestId)}`;
    panel.querySelector("#o-created").innerHTML = `<div class="card" role="status"><h2>${esc(t("or.created", { pool: created.poolSize, paper: created.paperSize }))}</h2>
      <dl class="links"><dt>${esc(t("c.id"))}</dt><dd id="o-created-id">${esc(created.contestId)}</dd>
        <dt>${esc(t("or.link"))}</dt><dd><a href="${esc(link)}" target="_blank">${esc(link)}</a></dd>
        <dt class="secret">${esc(t("c.hostKey"))}</dt><dd>${esc(created.hostKey)}</dd></dl>
      <h3>${esc(t("or.roster"))}</h3><p class="muted">${esc(t("or.rosterHelp"))}</p>
      <textarea id="o-roster" rows="6" placeholder="张三,HZ-001,市科协,西湖区"></textarea>
      <p><button type="button" id="o-import">${esc(t("or.import"))}</button></p><div id="o-codes"></div></div>`;
    panel.querySelector("#o-import").addEventListener("click", importRoster);
  } catch (err) {
    error.hidden = false;
    error.textContent = t("err.generic", { m: err.message });
  }
}

async function importRoster() {
  const people = panel.querySelector("#o-roster").value.split(/\r?\n/).map(l => l.split(/[,，\t]/).map(x => x.trim())).filter(f => f[0])
    .map(([name, staffId, unit, district, phone]) => ({ name, staffId, unit: unit || null, district: district || null, phone: phone || null }));
  try {
    const codes = await api("POST", `/api/contests/${created.contestId}/roster`, people);
    const link = c => `${location.origin}/round?c=${encodeURIComponent(created.contestId)}#code=${encodeURIComponent(c.code)}`;
    const csv = "\uFEFF姓名,工号,个人链接\r\n" + codes.filter(c => c.code).map(c => [c.name, c.staffId, link(c)].map(x => `"${String(x).replace(/"/g, '""')}"`).join(",")).join("\r\n");
    panel.querySelector("#o-codes").innerHTML = `<p>${esc(t("or.codes"))} <a download="round-links.csv" href="${URL.createObjectURL(new Blob([csv], { type: "text/csv" }))}">round-links.csv</a></p>
      <table><tr><th>${esc(t("round.name"))}</th><th>${esc(t("or.staffId"))}</th><th>${esc(t("or.link"))}</th></tr>${codes.map(c => `<tr><td>${esc(c.name)}</td><td>${esc(c.staffId)}</td>
      <td>${c.code ? `<a href="${esc(link(c))}" target="_blank">${esc(link(c))}</a>` : esc(c.skipped)}</td></tr>`).join("")}</table>`;
  } catch (err) {
    panel.querySelector("#o-codes").innerHTML = `<div class="banner error">${esc(t("err.generic", { m: err.message }))}</div>`;
  }
}

/** Exports need the organizer's token, so they are fetched and saved rather than linked. */
async function download(contestId, file) {
  if (!contestId) return;
  const response = await fetch(`/api/rounds/${encodeURIComponent(contestId)}/${file}`, { headers: authHeaders() });
  if (!response.ok) return alert(t("err.generic", { m: response.status }));
  const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(await response.blob()), download: `round-${file}` });
  a.click();
}
