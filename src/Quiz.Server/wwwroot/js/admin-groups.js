// A contest's groups in the contest form: its districts (Hangzhou's 13 unless changed), units and teams, one per line,
// which phones offer as choices, and for each whether participants may type a new name (capped per contest).
import { t } from "./i18n.js";
import { esc } from "./prefs.js";
import { DISTRICTS } from "./districts.js";

const KINDS = [["districts", "freeDistricts"], ["units", "freeUnits"], ["teams", "freeTeams"]];
const state = { districts: DISTRICTS.join("\n"), units: "", teams: "", freeDistricts: false, freeUnits: false, freeTeams: false };

export function drawGroups() {
  return `<fieldset class="card" id="c-groups"><legend><strong>${esc(t("c.groups"))}</strong></legend>
    <p class="muted">${esc(t("c.groups.hint"))}</p>
    <div class="rules">${KINDS.map(([list, free]) => `<div>
      <label for="g-${list}">${esc(t(`c.groups.${list}`))}</label>
      <textarea id="g-${list}" data-groups="${list}" rows="6">${esc(state[list])}</textarea>
      <label class="inline"><input type="checkbox" data-groups="${free}" ${state[free] ? "checked" : ""}> ${esc(t("c.groups.free"))}</label></div>`).join("")}
    </div></fieldset>`;
}

/** Keeps what the organizer typed across the form's redraws. */
export function wireGroups(panel) {
  panel.querySelector("#c-groups")?.addEventListener("input", e => {
    const key = e.target.dataset.groups;
    if (key) state[key] = e.target.type === "checkbox" ? e.target.checked : e.target.value;
  });
}

/** The groups as POST /api/contests takes them. */
export function groupsBody() {
  const lines = text => text.split("\n").map(s => s.trim()).filter(Boolean);
  return Object.fromEntries(KINDS.flatMap(([list, free]) => [[list, lines(state[list])], [free, state[free]]]));
}
