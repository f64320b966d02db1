// Creating a contest: a title and rounds; each round takes questions from a bank (picked from a search, or drawn by
// blueprint rules) and plays by rules that start from a template. Shows the join code and the links afterwards.
import { t, hasText, onLangChange } from "./i18n.js";
import { esc } from "./prefs.js";
import { api } from "./api.js";
import { openStageEditor, redrawStageEditor } from "./admin-stage.js";
import { answerText, optionsText } from "./question-text.js";
import { drawGroups, wireGroups, groupsBody } from "./admin-groups.js";

const PRESETS = {
  quick: { timeLimitSeconds: 20, points: 100, speedWeighted: true, streakBonus: 10, wrongPenalty: 0, partialCredit: "None", board: "AfterEachQuestion", lateJoin: true },
  standard: { timeLimitSeconds: 30, points: 100, speedWeighted: false, streakBonus: 0, wrongPenalty: 0, partialCredit: "None", board: "AfterEachQuestion", lateJoin: true },
  strict: { timeLimitSeconds: 30, points: 100, speedWeighted: false, streakBonus: 0, wrongPenalty: 50, partialCredit: "None", board: "AfterEachQuestion", lateJoin: false },
};
const TYPES = ["single", "multiple", "truefalse", "fill", "ordering"];
let banks = [];
let rounds = [];
let panel;
let lastCreated = null; // drawn again after a redraw of the tab (a language switch, a return to the tab)

export function initContestForm(bankList) {
  banks = bankList;
  panel = document.getElementById("contests");
  if (rounds.length === 0) rounds.push(newRound());
  draw();
}

// The form is drawn from its state (the title from its field), so a language switch redraws it without losing anything.
onLangChange(() => { if (panel?.isConnected && rounds.length) draw(); });

const newRound = () => ({ title: "", bankId: banks[0]?.id ?? "", mode: "pick", picked: [], found: [], blueprint: [{ count: 5, type: "", difficulty: "" }], preset: "quick", rules: { ...PRESETS.quick } });

function draw() {
  const title = panel.querySelector("#c-title")?.value ?? "";
  panel.innerHTML = `<form id="contest-form" class="card">
      <label for="c-title">${esc(t("c.title"))}</label><input id="c-title" required maxlength="200" value="${esc(title)}">
      ${drawGroups()}
      ${rounds.map(drawRound).join("")}
      <div class="row"><button type="button" class="secondary" id="add-round">${esc(t("c.addRound"))}</button>
      <button type="submit">${esc(t("c.create"))}</button></div>
      <div id="c-error" class="banner error" role="alert" hidden></div>
    </form><div id="c-templates" class="card"></div><div id="c-stage"></div><div id="c-created"></div>`;
  wire();
  drawTemplates();
  redrawStageEditor(panel.querySelector("#c-stage"));
  if (lastCreated) showCreated(lastCreated, false);
}

// Shipped stage-contest templates (teams, segments, rounds drawn by blueprint) on a bank the organizer picks (the
// shipped sample bank first, whose themes the templates' rules name): the template opens in the stage editor, which
// creates the contest once the organizer has named teams and members.
let templateBank = "";

// A shipped template's title and description come from the server in Chinese; the page has both languages' texts.
const shipped = (template, part) => hasText(`tpl.${template.id}.${part}`) ? t(`tpl.${template.id}.${part}`) : template[part];

async function drawTemplates() {
  const box = panel.querySelector("#c-templates");
  try {
    const list = await api("GET", "/api/contests/stage-templates");
    if (!banks.some(b => b.id === templateBank)) templateBank = (banks.find(b => b.name === "科学素质示例题库") ?? banks[0])?.id ?? "";
    box.innerHTML = `<h2>${esc(t("c.stageTemplates"))}</h2>
      <div><label for="c-template-bank">${esc(t("c.templateBank"))}</label><select id="c-template-bank">
        ${banks.map(b => `<option value="${esc(b.id)}" ${b.id === templateBank ? "selected" : ""} translate="no">${esc(b.name)} (${b.questionCount})</option>`).join("")}</select></div>`
      + list.map(x => `<p><strong>${esc(shipped(x, "title"))}</strong><br><span class="muted">${esc(shipped(x, "description"))}</span></p>
      <button type="button" class="secondary" data-template="${esc(x.id)}">${esc(t("c.fromTemplate"))}</button>`).join("");
    box.querySelector("#c-template-bank").addEventListener("change", e => { templateBank = e.target.value; });
    for (const button of box.querySelectorAll("[data-template]")) {
      button.addEventListener("click", async () => {
        const bankId = templateBank;
        const error = panel.querySelector("#c-error");
        try {
          const body = await api("GET", `/api/contests/stage-templates/${encodeURIComponent(button.dataset.template)}?bankId=${encodeURIComponent(bankId)}`);
          error.hidden = true;
          panel.querySelector("#c-created").innerHTML = "";
          openStageEditor(panel.querySelector("#c-stage"), body, showCreated, button);
        } catch (err) {
          error.hidden = false;
          error.textContent = t("err.generic", { m: err.message });
        }
      });
    }
  } catch {
    box.hidden = true;
  }
}

function drawRound(r, i) {
  const rules = r.rules;
  const check = (key, label) => `<label class="inline"><input type="checkbox" data-rule="${key}" ${rules[key] ? "checked" : ""}> ${esc(t(label))}</label>`;
  const number = (key, label, min, max) => `<div><label for="r${i}-${key}">${esc(t(label))}</label><input id="r${i}-${key}" type="number" min="${min}" max="${max}" data-rule="${key}" value="${rules[key]}"></div>`;
  const questions = r.mode === "pick"
    ? `<div class="row"><label for="r${i}-q" class="sr-only">${esc(t("search.text"))}</label><input id="r${i}-q" class="grow" data-find placeholder="${esc(t("search.text"))}">
        <button type="button" data-search>${esc(t("search.go"))}</button> <strong data-picked>${esc(t("c.picked", { n: r.picked.length }))}</strong></div>
       <table class="pick-list">${r.found.map(q => `<tr><td>${esc(t(`type.${q.type}`))}</td><td translate="no">${esc(q.stem)}${q.options?.length ? `<br><span class="muted">${esc(optionsText(q))}</span>` : ""}</td>
         <td>${esc(t("q.answer"))}${esc(t("st.colon"))}<strong ${q.type === "truefalse" ? "" : 'translate="no"'}>${esc(answerText(q))}</strong></td><td>
         <label class="inline"><input type="checkbox" data-pick="${esc(q.id)}" ${r.picked.includes(q.id) ? "checked" : ""}> ${esc(t("c.add"))}</label></td></tr>`).join("")}</table>`
    : `${r.blueprint.map((rule, j) => `<div class="row" data-rule-row="${j}">
         <label class="inline">${esc(t("c.rule.count"))} <input type="number" min="1" max="500" data-bp="count" value="${rule.count}" style="width:6rem"></label>
         <label class="inline">${esc(t("search.type"))} <select data-bp="type"><option value="">${esc(t("search.any"))}</option>${TYPES.map(x => `<option value="${x}" ${rule.type === x ? "selected" : ""}>${esc(t(`type.${x}`))}</option>`).join("")}</select></label>
         <label class="inline">${esc(t("search.difficulty"))} <select data-bp="difficulty"><option value="">${esc(t("search.any"))}</option>${[1, 2, 3, 4, 5].map(d => `<option ${String(rule.difficulty) === String(d) ? "selected" : ""}>${d}</option>`).join("")}</select></label>
         <label class="inline">${esc(t("search.category"))} <input data-bp="category" value="${esc(rule.category ?? "")}"></label></div>`).join("")}
       <button type="button" class="secondary" data-add-rule>${esc(t("c.addRule"))}</button>`;
  return `<fieldset class="card round" data-round="${i}"><legend><strong>${esc(t("c.round", { n: i + 1 }))}</strong></legend>
    <div class="rules">
      <div><label for="r${i}-title">${esc(t("c.roundTitle"))}</label><input id="r${i}-title" data-field="title" value="${esc(r.title)}"></div>
      <div><label for="r${i}-bank">${esc(t("c.bank"))}</label><select id="r${i}-bank" data-field="bankId">${banks.map(b => `<option value="${esc(b.id)}" ${b.id === r.bankId ? "selected" : ""} translate="no">${esc(b.name)} (${b.questionCount})</option>`).join("")}</select></div>
      <div><label for="r${i}-mode">${esc(t("c.mode"))}</label><select id="r${i}-mode" data-field="mode"><option value="pick" ${r.mode === "pick" ? "selected" : ""}>${esc(t("c.mode.pick"))}</option><option value="blueprint" ${r.mode === "blueprint" ? "selected" : ""}>${esc(t("c.mode.blueprint"))}</option></select></div>
    </div>
    ${questions}
    <h3>${esc(t("c.preset"))}</h3>
    <div class="row">${Object.keys(PRESETS).map(p => `<label class="inline"><input type="radio" name="preset-${i}" value="${p}" data-preset ${r.preset === p ? "checked" : ""}> ${esc(t(`preset.${p}`))}</label>`).join("")}</div>
    <div class="rules">${number("timeLimitSeconds", "c.time", 3, 3600)}${number("points", "c.pointsPer", 0, 100000)}${number("streakBonus", "c.streak", 0, 10000)}${number("wrongPenalty", "c.penalty", 0, 100000)}
      <div><label for="r${i}-board">${esc(t("c.boardTiming"))}</label><select id="r${i}-board" data-rule="board"><option value="AfterEachQuestion" ${rules.board === "AfterEachQuestion" ? "selected" : ""}>${esc(t("c.board.each"))}</option><option value="BetweenRounds" ${rules.board === "BetweenRounds" ? "selected" : ""}>${esc(t("c.board.rounds"))}</option></select></div></div>
    <div class="row">${check("speedWeighted", "c.speed")}${check("lateJoin", "c.lateJoin")}
      <label class="inline"><input type="checkbox" data-rule="partialCredit" ${rules.partialCredit === "Proportional" ? "checked" : ""}> ${esc(t("c.partial"))}</label></div>
    ${rounds.length > 1 ? `<button type="button" class="danger" data-remove>${esc(t("c.removeRound"))}</button>` : ""}
  </fieldset>`;
}

function wire() {
  for (const fieldset of panel.querySelectorAll("[data-round]")) {
    const r = rounds[Number(fieldset.dataset.round)];
    fieldset.addEventListener("change", e => {
      const el = e.target;
      if (el.dataset.field) { r[el.dataset.field] = el.value; if (el.dataset.field !== "title") { r.found = []; r.picked = el.dataset.field === "bankId" ? [] : r.picked; draw(); } }
      if (el.dataset.rule) r.rules[el.dataset.rule] = el.type === "checkbox" ? (el.dataset.rule === "partialCredit" ? (el.checked ? "Proportional" : "None") : el.checked) : el.type === "number" ? Number(el.value) : el.value;
      if (el.dataset.preset !== undefined) { r.preset = el.value; r.rules = { ...PRESETS[el.value] }; draw(); }
      if (el.dataset.pick) {
        r.picked = el.checked ? [...r.picked, el.dataset.pick] : r.picked.filter(id => id !== el.dataset.pick);
        fieldset.querySelector("[data-picked]").textContent = t("c.picked", { n: r.picked.length });
      }
      if (el.dataset.bp) r.blueprint[Number(el.closest("[data-rule-row]").dataset.ruleRow)][el.dataset.bp] = el.value;
    });
    fieldset.querySelector("[data-search]")?.addEventListener("click", async () => {
      const text = fieldset.querySelector("[data-find]").value.trim();
      const page = await api("GET", `/api/banks/${r.bankId}/questions?pageSize=50${text ? `&text=${encodeURIComponent(text)}` : ""}`);
      r.found = page.items;
      draw();
    });
    fieldset.querySelector("[data-add-rule]")?.addEventListener("click", () => { r.blueprint.push({ count: 5, type: "", difficulty: "" }); draw(); });
    fieldset.querySelector("[data-remove]")?.addEventListener("click", () => { rounds.splice(rounds.indexOf(r), 1); draw(); });
  }
  wireGroups(panel);
  panel.querySelector("#add-round").addEventListener("click", () => { rounds.push(newRound()); draw(); });
  panel.querySelector("#contest-form").addEventListener("submit", create);
}

async function create(e) {
  e.preventDefault();
  const body = {
    title: panel.querySelector("#c-title").value.trim(),
    rounds: rounds.map(r => ({
      title: r.title, bankId: r.bankId, rules: r.rules,
      questionIds: r.mode === "pick" ? r.picked : null,
      blueprint: r.mode === "blueprint" ? r.blueprint.map(b => ({ count: Number(b.count), type: b.type || null, difficulty: b.difficulty ? Number(b.difficulty) : null, category: b.category || null })) : null,
    })),
    groups: groupsBody(),
  };
  const error = panel.querySelector("#c-error");
  try {
    const created = await api("POST", "/api/contests", body);
    // The form starts again empty: a second click must not create the contest twice.
    rounds = [newRound()];
    panel.querySelector("#c-title").value = "";
    draw();
    showCreated(created);
  } catch (err) {
    error.hidden = false;
    error.textContent = t("err.generic", { m: err.message });
  }
}

function showCreated(created, scroll = true) {
  lastCreated = created;
  const origin = location.origin;
  const host = `${origin}/host#contest=${encodeURIComponent(created.contestId)}&key=${encodeURIComponent(created.hostKey)}`;
  panel.querySelector("#c-created").innerHTML = `<div class="card" role="status"><h2>${esc(t("c.created"))}</h2>
    <p>${esc(t("c.joinCode"))}: <span class="bigcode" id="created-code">${esc(created.joinCode)}</span></p>
    <dl class="links">
      <dt>${esc(t("c.playLink"))}</dt><dd><a href="/play?code=${esc(created.joinCode)}" target="_blank">${esc(origin)}/play?code=${esc(created.joinCode)}</a></dd>
      <dt>${esc(t("c.screenLink"))}</dt><dd><a id="created-screen" href="/screen?code=${esc(created.joinCode)}" target="_blank">${esc(origin)}/screen?code=${esc(created.joinCode)}</a></dd>
      <dt class="secret">${esc(t("c.hostLink"))}</dt><dd><a id="created-host" href="${esc(host)}" target="_blank">${esc(host)}</a></dd>
      <dt>${esc(t("c.id"))}</dt><dd id="created-id">${esc(created.contestId)}</dd>
    </dl><p class="muted">${esc(t("c.inList"))}</p></div>`;
  if (scroll) panel.querySelector("#c-created").scrollIntoView();
}
