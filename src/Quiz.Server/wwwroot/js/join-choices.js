// The team, unit and district fields of a join or registration form, drawn from the contest's own choices
// (GET /api/join/{code}, GET /api/rounds/{id}/choices): a large select where the organizer gave a list, a text field
// (with the list as suggestions) only where the organizer allows typing a new one, nothing where the contest has neither.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";

const KINDS = [["team", "teams", "freeTeams"], ["unit", "units", "freeUnits"], ["district", "districts", "freeDistricts"]];

/** Draws each kind's field into its #<kind>-field box, keeping what was chosen or typed and where the focus was. */
export function drawChoices(form, choices) {
  const focused = document.activeElement?.id;
  let any = false;
  for (const [kind, list, free] of KINDS) {
    const box = form.querySelector(`#${kind}-field`);
    if (!box) continue;
    const names = choices?.[list] ?? [];
    const open = !!choices?.[free];
    const kept = box.querySelector(`#${kind}`)?.value ?? "";
    box.hidden = names.length === 0 && !open;
    any ||= !box.hidden;
    box.innerHTML = `<label for="${kind}">${esc(t(`join.${kind}`))}</label>` + (open
      ? `<input id="${kind}" name="${kind}" maxlength="50" autocomplete="off" list="${kind}-list">
         <datalist id="${kind}-list">${names.map(n => `<option value="${esc(n)}">`).join("")}</datalist>`
      : `<select id="${kind}" name="${kind}"><option value="">${esc(t("join.district.none"))}</option>
         ${names.map(n => `<option>${esc(n)}</option>`).join("")}</select>`);
    const field = box.querySelector(`#${kind}`);
    field.value = open || names.includes(kept) ? kept : "";
    if (focused === kind) field.focus();
  }
  return any;
}

/** What the person chose or typed for a kind, or null. */
export const chosen = (form, kind) => form.querySelector(`#${kind}`)?.value.trim() || null;

/** The contest's choices, or null when they cannot be read (the form then offers no groups; joining still works). */
export async function loadChoices(url) {
  try {
    const response = await fetch(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
