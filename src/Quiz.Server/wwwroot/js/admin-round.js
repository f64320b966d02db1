// Online rounds in the admin: create one (window, limit, bank and blueprint rules, points, release of results,
// self-registration), then import its roster from a spreadsheet (personal links, shown once). Results and question
// statistics are exported from the contest list.
import { t, onLangChange } from "./i18n.js";
import { esc } from "./prefs.js";
import { api } from "./api.js";
import { openRosterImport } from "./admin-roster.js";

const TYPES = ["single", "multiple", "truefalse", "fill", "ordering"];
const local = date => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
const newRules = () => [{ count: 20, type: "", difficulty: "", category: "" }];
let panel;
let rules = newRules();
let bankList = [];
let created = null; // the last round created here, { created, round }, redrawn in the other language on a switch

onLangChange(() => { if (panel?.querySelector("#round-form")) { drawForm(); drawCreated(); } });

/** Builds the tab once; later calls redraw the form (with the banks as they are now) keeping what was typed. */
export function initRoundForm(banks) {
  bankList = banks;
  panel = document.getElementById("online");
  if (!panel.querySelector("#round-form")) {
    panel.innerHTML = `<form id="round-form" class="card"></form><div id="o-created"></div><div id="o-roster"></div>`;
    const form = panel.querySelector("#round-form");
    form.addEventListener("change", e => { const row = e.target.closest("[data-rule-row]"); if (row && e.target.dataset.bp) rules[Number(row.dataset.ruleRow)][e.target.dataset.bp] = e.target.value; });
    form.addEventListener("click", e => {
      const remove = e.target.closest("[data-remove-rule]");
      if (remove) { rules.splice(Number(remove.dataset.removeRule), 1); drawRules(); }
      if (e.target.id === "o-add-rule") { rules.push({ count: 5, type: "", difficulty: "", category: "" }); drawRules(); }
    });
    form.addEventListener("submit", create);
  }
  drawForm();
}

function drawForm() {
  const form = panel.querySelector("#round-form");
  const typed = [...form.querySelectorAll("[id]:not([data-bp])")].map(el => [el.id, el.type === "checkbox" ? el.checked : el.value]);
  const now = new Date();
  form.innerHTML = `<h2>${esc(t("or.title"))}</h2>
      <div class="rules">
        <div><label for="o-title">${esc(t("c.title"))}</label><input id="o-title" required maxlength="200"></div>
        <div><label for="o-bank">${esc(t("c.bank"))}</label><select id="o-bank">${bankList.map(b => `<option value="${esc(b.id)}" translate="no">${esc(b.name)} (${b.questionCount})</option>`).join("")}</select></div>
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
      <div id="o-error" class="banner error" role="alert" hidden></div>`;
  for (const [id, value] of typed) {
    const el = form.querySelector(`#${id}`);
    if (el && id !== "o-error" && (el.tagName !== "SELECT" || [...el.options].some(o => o.value === value))) el[el.type === "checkbox" ? "checked" : "value"] = value;
  }
  drawRules();
}

function drawRules() {
  panel.querySelector("#o-rules").innerHTML = rules.map((rule, j) => `<div class="rule-row" data-rule-row="${j}">
    <div><label for="o-rule${j}-count">${esc(t("c.rule.count"))}</label><input id="o-rule${j}-count" type="number" min="1" max="500" data-bp="count" value="${esc(rule.count)}"></div>
    <div><label for="o-rule${j}-type">${esc(t("search.type"))}</label><select id="o-rule${j}-type" data-bp="type"><option value="">${esc(t("search.any"))}</option>${TYPES.map(x => `<option value="${x}" ${rule.type === x ? "selected" : ""}>${esc(t(`type.${x}`))}</option>`).join("")}</select></div>
    <div><label for="o-rule${j}-difficulty">${esc(t("search.difficulty"))}</label><select id="o-rule${j}-difficulty" data-bp="difficulty"><option value="">${esc(t("search.any"))}</option>${[1, 2, 3, 4, 5].map(d => `<option ${String(rule.difficulty) === String(d) ? "selected" : ""}>${d}</option>`).join("")}</select></div>
    <div><label for="o-rule${j}-category">${esc(t("search.category"))}</label><input id="o-rule${j}-category" data-bp="category" value="${esc(rule.category)}"></div>
    <button type="button" class="danger" data-remove-rule="${j}" ${rules.length <= 1 ? "disabled" : ""} aria-label="${esc(t("c.removeRuleOf", { n: j + 1 }))}">${esc(t("c.removeRule"))}</button></div>`).join("");
}

async function create(e) {
  e.preventDefault();
  const v = id => panel.querySelector(id).value;
  const error = panel.querySelector("#o-error");
  try {
    const made = await api("POST", "/api/rounds", {
      title: v("#o-title").trim(), bankId: v("#o-bank"),
      opensAt: new Date(v("#o-opens")).toISOString(), closesAt: new Date(v("#o-closes")).toISOString(),
      timeLimitSeconds: Math.round(Number(v("#o-limit")) * 60), points: Number(v("#o-points")), results: v("#o-results"),
      partialCredit: panel.querySelector("#o-partial").checked ? "Proportional" : "None", selfRegistration: panel.querySelector("#o-self").checked,
      review: panel.querySelector("#o-review").checked,
      blueprint: rules.map(r => ({ count: Number(r.count), type: r.type || null, difficulty: r.difficulty ? Number(r.difficulty) : null, category: r.category || null })),
    });
    error.hidden = true;
    const round = { contestId: made.contestId, title: v("#o-title").trim(), kind: "online" };
    // The form starts again empty: a second click must not create the round twice.
    panel.querySelector("#round-form").reset();
    rules = newRules();
    drawRules();
    created = { made, round };
    drawCreated();
    openRosterImport(panel.querySelector("#o-roster"), round);
  } catch (err) {
    error.hidden = false;
    error.textContent = t("err.generic", { m: err.message });
  }
}

function drawCreated() {
  if (!created) return;
  const { made, round } = created;
  const link = `${location.origin}/round?c=${encodeURIComponent(made.contestId)}`;
  panel.querySelector("#o-created").innerHTML = `<div class="card" role="status"><h2>${esc(t("or.created", { pool: made.poolSize, paper: made.paperSize }))}</h2>
    <dl class="links"><dt>${esc(t("c.title"))}</dt><dd translate="no">${esc(round.title)}</dd><dt>${esc(t("c.id"))}</dt><dd id="o-created-id">${esc(made.contestId)}</dd>
      <dt>${esc(t("or.link"))}</dt><dd><a href="${esc(link)}" target="_blank" rel="noopener">${esc(link)}</a></dd></dl>
    <p class="muted">${esc(t("or.exportsInList"))}</p></div>`;
}
