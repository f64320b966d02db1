// The stage-contest editor: a template's CreateContest body shaped before it is created (title, base score, teams and
// their members, each round's title, its draw rules' counts and its segment's parameters for its kind). Every input carries the server's field
// path (data-path), so a 400's field errors land at their input and in a list that names the field in words; what the
// organizer typed lives in the draft, never only in the DOM, so a redraw keeps it.
import { t, onLangChange } from "./i18n.js";
import { esc } from "./prefs.js";
import { api } from "./api.js";
import { fieldName } from "./admin-stage-errors.js";
import { loadReasons, reasonText } from "./reasons.js";

const KINDS = ["Required", "Buzz", "Wager", "Elimination", "Rapid", "Tiebreak"];
// What each kind plays by (StageSegment, StageMachine); the others play no part and are posted as their defaults.
const FIELDS = {
  Required: ["points", "wrongDeduction", "rotation"],
  Buzz: ["points", "wrongDeduction", "earlyBuzzPenalties", "buzzWindowSeconds", "rebound"],
  Wager: ["wagerValues", "wagerOrder"],
  Elimination: ["points", "wrongDeduction", "lives"],
  Rapid: ["points", "wrongDeduction", "questionsPerTeam", "teamSeconds"],
  Tiebreak: ["points", "wrongDeduction", "earlyBuzzPenalties", "buzzWindowSeconds"],
};
const LISTS = ["earlyBuzzPenalties", "wagerValues"];
const INTEGERS = ["points", "wrongDeduction", "buzzWindowSeconds", "lives", "questionsPerTeam", "teamSeconds"];
// Parameters chosen from a list: their values, each shown as t(`st.${key}.${value}`).
const CHOICES = { rotation: ["Team", "Member"], wagerOrder: ["HighestFirst", "LowestFirst"] };
const DEFAULT_SEGMENT = { points: 10, wrongDeduction: 0, rotation: "Team", earlyBuzzPenalties: "10, 20", buzzWindowSeconds: 10, rebound: true, wagerValues: "10, 20, 30", wagerOrder: "HighestFirst", lives: 1, questionsPerTeam: 5, teamSeconds: 60 };
const TEAMS = { min: 2, max: 16 };

let box = null;
let draft = null;
let errors = [];
let banner = "";
let done = null;
let opener = null;

/** Opens the editor in container on a template's body; onCreated gets POST /api/contests' answer. */
export function openStageEditor(container, body, onCreated, returnFocus) {
  box = container;
  done = onCreated;
  opener = returnFocus;
  errors = [];
  banner = "";
  const stage = body.stage;
  draft = {
    title: body.title,
    rounds: body.rounds,
    stage: {
      ...stage,
      teams: stage.teams.map(x => ({ name: x.name, members: x.members.join("\n") })),
      segments: stage.segments.map(s => s && { ...s, earlyBuzzPenalties: s.earlyBuzzPenalties.join(", "), wagerValues: s.wagerValues.join(", ") }),
    },
  };
  draw();
  box.querySelector("#st-heading").focus();
  box.scrollIntoView();
}

onLangChange(() => { if (draft && box?.isConnected) draw(); });

/** Draws the open editor again into a fresh container (the contest tab redraws its whole panel). */
export function redrawStageEditor(container) {
  box = container;
  if (draft) draw();
}

const idOf = path => "st-" + path.replace(/[^\w]+/g, "-");
const errorsAt = path => errors.filter(e => e.field === path);

// One labelled input bound to a field path; its errors follow it and it points at them.
function field(path, label, value, { type = "text", hint = "", attrs = "" } = {}) {
  const id = idOf(path);
  const own = errorsAt(path);
  const described = [hint ? `${id}-hint` : "", own.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  const aria = `${own.length ? 'aria-invalid="true"' : ""} ${described ? `aria-describedby="${described}"` : ""}`;
  const control = type === "textarea"
    ? `<textarea id="${id}" data-path="${esc(path)}" rows="4" ${aria} ${attrs}>${esc(value)}</textarea>`
    : `<input id="${id}" data-path="${esc(path)}" type="${type}" value="${esc(value)}" ${aria} ${attrs}>`;
  return `<div><label for="${id}">${esc(label)}</label>${control}
    ${hint ? `<p class="muted" id="${id}-hint">${esc(hint)}</p>` : ""}
    ${own.length ? `<p class="field-error" id="${id}-error">${own.map(e => esc(reasonText(e))).join("<br>")}</p>` : ""}</div>`;
}

function draw() {
  const { stage } = draft;
  box.innerHTML = `<form id="stage-editor" class="card" novalidate aria-labelledby="st-heading">
      <h2 id="st-heading" tabindex="-1">${esc(t("st.heading"))}</h2>
      ${drawErrors()}
      <div class="rules">${field("title", t("c.title"), draft.title, { attrs: 'maxlength="200" required' })}
        ${field("stage.baseScore", t("st.baseScore"), stage.baseScore, { type: "number", attrs: 'min="0" max="100000"' })}</div>
      <fieldset class="card"><legend><strong>${esc(t("st.teams", { n: stage.teams.length }))}</strong></legend>
        <div class="team-grid">${stage.teams.map(drawTeam).join("")}</div>
        <button type="button" class="secondary" id="st-add-team" ${stage.teams.length >= TEAMS.max ? "disabled" : ""}>${esc(t("st.addTeam"))}</button>
      </fieldset>
      ${draft.rounds.map(drawRound).join("")}
      <div class="row"><button type="submit" id="st-create">${esc(t("c.create"))}</button>
        <button type="button" class="secondary" id="st-cancel">${esc(t("st.cancel"))}</button></div>
    </form>`;
  wire();
}

function drawErrors() {
  if (!errors.length && !banner) return "";
  const items = errors.map(e => {
    const text = `${fieldName(e.field, draft)}${t("st.colon")}${reasonText(e)}`;
    return `<li>${hasInput(e.field) ? `<a href="#${idOf(e.field)}" data-focus="${idOf(e.field)}">${esc(text)}</a>` : esc(text)}</li>`;
  });
  return `<div id="st-errors" class="banner error" role="alert" tabindex="-1">
    ${banner ? `<p>${esc(banner)}</p>` : ""}${items.length ? `<p>${esc(t("st.fix"))}</p><ul>${items.join("")}</ul>` : ""}</div>`;
}

// Whether the editor shows an input for a field path (a list entry then links to it).
function hasInput(path) {
  if (/^(title|stage\.baseScore|rounds\[\d+\]\.(title|blueprint\[\d+\]\.count)|stage\.teams\[\d+\]\.(name|members))$/.test(path)) return true;
  const m = path.match(/^stage\.segments\[(\d+)\]\.(\w+)$/);
  const segment = m && draft.stage.segments[Number(m[1])];
  return Boolean(segment && (m[2] === "kind" || FIELDS[segment.kind]?.includes(m[2])));
}

function drawTeam(team, i) {
  const n = i + 1;
  return `<fieldset class="team" data-team="${i}"><legend>${esc(t("st.team", { n }))}</legend>
    ${field(`stage.teams[${i}].name`, t("st.teamName"), team.name, { attrs: 'maxlength="50" required' })}
    ${field(`stage.teams[${i}].members`, t("st.members"), team.members, { type: "textarea", hint: t("st.membersHint") })}
    <button type="button" class="danger" data-remove-team="${i}" aria-label="${esc(t("st.removeTeamOf", { n }))}" ${draft.stage.teams.length <= TEAMS.min ? "disabled" : ""}>${esc(t("st.removeTeam"))}</button>
  </fieldset>`;
}

function drawRound(round, i) {
  const segment = draft.stage.segments[i];
  const path = `stage.segments[${i}]`;
  // A drawn round: how many questions each of its rules draws is the organizer's to change (20 抢答 or 15).
  const rules = (round.blueprint ?? []).map((b, j) => `<div class="rule-count">${field(`rounds[${i}].blueprint[${j}].count`,
    t("st.ruleCount", { type: b.type ? t(`type.${b.type.toLowerCase()}`) : t("search.any"), category: b.category ?? t("search.any") }),
    b.count, { type: "number", attrs: 'min="1" max="500"' })}
    <button type="button" class="danger" data-remove-rule="${i}:${j}" aria-label="${esc(t("st.removeRuleOf", { n: i + 1, r: j + 1 }))}" ${round.blueprint.length <= 1 ? "disabled" : ""}>${esc(t("c.removeRule"))}</button></div>`).join("");
  const questions = round.questionIds ? t("c.picked", { n: round.questionIds.length }) : t("st.drawn");
  const kindId = idOf(`${path}.kind`);
  const params = segment ? FIELDS[segment.kind].map(key => drawParameter(`${path}.${key}`, key, segment[key])).join("") : "";
  return `<fieldset class="card round" data-round="${i}"><legend><strong>${esc(t("c.round", { n: i + 1 }))}</strong></legend>
    <div class="rules">${field(`rounds[${i}].title`, t("c.roundTitle"), round.title, { attrs: 'maxlength="200"' })}
      <div><label for="${kindId}">${esc(t("st.kind"))}</label><select id="${kindId}" data-path="${path}.kind">
        <option value="" ${segment ? "" : "selected"}>${esc(t("st.kind.none"))}</option>
        ${KINDS.map(k => `<option value="${k}" ${segment?.kind === k ? "selected" : ""}>${esc(t(`seg.${k.toLowerCase()}`))}</option>`).join("")}</select></div></div>
    <p class="muted">${esc(t("st.questions", { s: round.rules?.timeLimitSeconds ?? "", q: questions }))}</p>
    ${rules ? `<div class="rules">${rules}</div>` : ""}
    <div class="rules">${params}</div>
    <button type="button" class="danger" data-remove-round="${i}" aria-label="${esc(t("st.removeRoundOf", { n: i + 1 }))}" ${draft.rounds.length <= 1 ? "disabled" : ""}>${esc(t("c.removeRound"))}</button>
  </fieldset>`;
}

function drawParameter(path, key, value) {
  const label = t(`st.${key}`);
  if (CHOICES[key]) {
    const id = idOf(path);
    return `<div><label for="${id}">${esc(label)}</label><select id="${id}" data-path="${path}">
      ${CHOICES[key].map(r => `<option value="${r}" ${value === r ? "selected" : ""}>${esc(t(`st.${key}.${r}`))}</option>`).join("")}</select></div>`;
  }
  if (key === "rebound") {
    return `<div><label class="inline"><input type="checkbox" id="${idOf(path)}" data-path="${path}" ${value ? "checked" : ""}> ${esc(label)}</label></div>`;
  }
  if (LISTS.includes(key)) return field(path, label, value, { hint: t(`st.hint.${key}`) });
  return field(path, label, value, { type: "number" });
}

// "stage.teams[2].name" -> ["stage", "teams", 2, "name"]
const keysOf = path => path.split(/\.|\[|\]\.?/).filter(Boolean).map(k => /^\d+$/.test(k) ? Number(k) : k);

function set(path, value) {
  const keys = keysOf(path);
  const last = keys.pop();
  keys.reduce((o, k) => o[k], draft)[last] = value;
}

function wire() {
  const form = box.querySelector("#stage-editor");
  // Typing goes to the draft as it happens; choices on change, and a new kind redraws the round's parameters.
  form.addEventListener("input", e => { const el = e.target; if (el.dataset.path && el.type !== "checkbox" && el.tagName !== "SELECT") set(el.dataset.path, el.value); });
  form.addEventListener("change", e => {
    const el = e.target;
    if (!el.dataset.path) return;
    const kind = el.dataset.path.match(/^stage\.segments\[(\d+)\]\.kind$/);
    if (kind) {
      const i = Number(kind[1]);
      draft.stage.segments[i] = el.value ? { ...DEFAULT_SEGMENT, ...draft.stage.segments[i], kind: el.value } : null;
      draw();
      box.querySelector(`#${idOf(el.dataset.path)}`).focus();
    } else if (el.type === "checkbox") set(el.dataset.path, el.checked);
    else if (el.tagName === "SELECT") set(el.dataset.path, el.value);
  });
  for (const link of form.querySelectorAll("[data-focus]")) {
    link.addEventListener("click", e => { e.preventDefault(); box.querySelector(`#${link.dataset.focus}`)?.focus(); });
  }
  form.querySelector("#st-add-team").addEventListener("click", () => {
    draft.stage.teams.push({ name: "", members: "" });
    errors = []; // field paths name teams by index: after adding or removing one they would point at the wrong team
    banner = "";
    draw();
    box.querySelector(`#${idOf(`stage.teams[${draft.stage.teams.length - 1}].name`)}`).focus();
  });
  for (const button of form.querySelectorAll("[data-remove-team]")) {
    button.addEventListener("click", () => {
      draft.stage.teams.splice(Number(button.dataset.removeTeam), 1);
      errors = [];
      banner = "";
      draw();
      box.querySelector("#st-add-team").focus();
    });
  }
  // Field paths name rounds and rules by index, so removing one clears the errors as removing a team does.
  for (const button of form.querySelectorAll("[data-remove-round]")) {
    button.addEventListener("click", () => {
      const i = Number(button.dataset.removeRound);
      draft.rounds.splice(i, 1);
      draft.stage.segments.splice(i, 1);
      errors = [];
      banner = "";
      draw();
      box.querySelector("#st-heading").focus();
    });
  }
  for (const button of form.querySelectorAll("[data-remove-rule]")) {
    button.addEventListener("click", () => {
      const [i, j] = button.dataset.removeRule.split(":").map(Number);
      draft.rounds[i].blueprint.splice(j, 1);
      errors = [];
      banner = "";
      draw();
      box.querySelector(`#${idOf(`rounds[${i}].blueprint[0].count`)}`).focus();
    });
  }
  form.querySelector("#st-cancel").addEventListener("click", close);
  form.addEventListener("submit", create);
}

function close() {
  draft = null;
  box.innerHTML = "";
  opener?.isConnected && opener.focus();
}

// The body to post, and the inputs that are not whole numbers (the server would only see them as missing).
function build() {
  const bad = [];
  const integer = (path, raw) => {
    const text = String(raw).trim();
    if (!/^-?\d+$/.test(text)) bad.push({ field: path, message: t("st.err.integer") });
    return Number(text);
  };
  const list = (path, raw) => String(raw).split(/[,，、\s]+/).filter(Boolean).map(x => integer(path, x));
  const { stage } = draft;
  const body = {
    title: draft.title.trim(),
    rounds: draft.rounds.map((r, i) => ({
      ...r,
      title: r.title.trim(),
      ...(r.blueprint ? { blueprint: r.blueprint.map((b, j) => ({ ...b, count: integer(`rounds[${i}].blueprint[${j}].count`, b.count) })) } : {}),
    })),
    stage: {
      ...stage,
      baseScore: integer("stage.baseScore", stage.baseScore),
      teams: stage.teams.map(x => ({ name: x.name.trim(), members: x.members.split("\n").map(m => m.trim()).filter(Boolean) })),
      segments: stage.segments.map((s, i) => {
        if (!s) return null;
        const segment = { ...s };
        for (const key of Object.keys(DEFAULT_SEGMENT)) {
          // A parameter its kind does not show could not be fixed if the server refused it (typed under another
          // kind, say), and it plays no part in this kind: it goes back to the default.
          const raw = FIELDS[s.kind].includes(key) ? s[key] : DEFAULT_SEGMENT[key];
          const path = `stage.segments[${i}].${key}`;
          segment[key] = LISTS.includes(key) ? list(path, raw) : INTEGERS.includes(key) ? integer(path, raw) : raw;
        }
        return segment;
      }),
    },
  };
  return { body, bad: bad.filter((e, i) => bad.findIndex(x => x.field === e.field) === i) };
}

async function create(e) {
  e.preventDefault();
  const { body, bad } = build();
  errors = bad;
  banner = "";
  if (!bad.length) {
    try {
      const created = await api("POST", "/api/contests", body);
      draft = null;
      box.innerHTML = "";
      done(created);
      return;
    } catch (err) {
      errors = err.data?.errors?.filter(x => x.field) ?? [];
      banner = errors.length ? t("st.refused") : t("err.generic", { m: err.message });
    }
  }
  await loadReasons("/api/contests/stage-reasons"); // once; the errors' codes render in either language from it
  draw();
  box.querySelector("#st-errors").focus();
}
