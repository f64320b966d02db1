// The answer controls of one paper item. Every change is the new answer (autosaved by the page) until the attempt ends.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";

const LETTERS = "ABCDEFGH";

/** Draws item q with the current response r ({ options: [], text }); onChange(response) gets each complete response. */
export function renderItem(container, q, r, locked, onChange) {
  if (q.type === "fill") return renderFill(container, q, r, locked, onChange);
  const chosen = r?.options ?? [];
  const buttons = q.options.map((o, i) => {
    const on = chosen.includes(o.id);
    const order = q.type === "ordering" && on ? `<span class="order">${chosen.indexOf(o.id) + 1}</span>` : "";
    const letter = q.type === "truefalse" ? (i === 0 ? "✓" : "✗") : LETTERS[i];
    return `<button type="button" class="answer ${on ? "chosen" : ""}" data-id="${o.id}" aria-pressed="${on}" ${locked ? "disabled" : ""}>
      <span class="letter" aria-hidden="true">${letter}</span><span class="text">${esc(o.text)}</span>${order}</button>`;
  }).join("");
  const reset = q.type === "ordering"
    ? `<div class="answer-actions"><button type="button" class="secondary" id="reset" ${locked || chosen.length === 0 ? "disabled" : ""}>${esc(t("q.reset"))}</button></div>`
    : "";
  container.innerHTML = buttons + reset;
  for (const button of container.querySelectorAll(".answer")) {
    button.addEventListener("click", () => {
      const id = Number(button.dataset.id);
      if (q.type === "multiple") {
        const next = chosen.includes(id) ? chosen.filter(x => x !== id) : [...chosen, id].sort((a, b) => a - b);
        onChange({ options: next }, next.length > 0);
      } else if (q.type === "ordering") {
        if (chosen.includes(id)) return;
        const next = [...chosen, id];
        onChange({ options: next }, next.length === q.options.length); // saved once every item has its place
      } else {
        onChange({ options: [id] }, true);
      }
    });
  }
  container.querySelector("#reset")?.addEventListener("click", () => onChange({ options: [] }, false));
}

function renderFill(container, q, r, locked, onChange) {
  container.innerHTML = `<form class="fill" novalidate><label for="fill-text">${esc(t("q.fill.label"))}</label>
    <input id="fill-text" autocomplete="off" maxlength="200" ${locked ? "disabled" : ""}></form>`;
  const input = container.querySelector("input");
  input.value = r?.text ?? "";
  let timer = 0;
  const save = () => { clearTimeout(timer); onChange({ options: [], text: input.value }, input.value.trim().length > 0); };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(save, 700); });
  input.addEventListener("change", save);
  container.querySelector("form").addEventListener("submit", e => { e.preventDefault(); save(); });
}

export const typeLabel = q => t(`q.type.${q.type}`);
