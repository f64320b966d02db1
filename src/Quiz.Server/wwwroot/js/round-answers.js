// The answer controls of one paper item. Every change is the new answer (autosaved by the page) until the attempt ends.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";
import { optionText, score } from "./format.js";

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
      <span class="letter" aria-hidden="true">${letter}</span><span class="text">${esc(optionText(q, o))}</span>${order}</button>`;
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

/** One's own paper after release: each item with what was answered, what it earned, the key and the 解析. */
export function drawReview(list, review) {
  const letterOf = (item, id) => LETTERS[item.options.findIndex(o => o.id === id)] ?? "?";
  const textOf = (item, id) => { const o = item.options.find(x => x.id === id); return o ? optionText(item, o) : ""; };
  const choice = (item, ids) => item.type === "ordering" ? ids.map(id => textOf(item, id)).join(" → ")
    : item.type === "truefalse" ? ids.map(id => textOf(item, id)).join("") : ids.map(id => `${letterOf(item, id)}. ${textOf(item, id)}`).join("；");
  const mine = item => !item.answered ? t("q.noanswer") : item.type === "fill" ? item.text : choice(item, item.chosen);
  const key = item => item.type === "fill" ? item.accepted.join(" / ") : choice(item, item.key);
  list.innerHTML = review.items.map(item => {
    const full = item.earned >= item.points, some = item.earned > 0;
    return `<li class="review-item ${full ? "right" : some ? "partial" : "wrong"}">
      <p class="stem">${esc(item.stem)}</p>
      ${item.type === "fill" ? "" : `<ol class="review-options" type="A">${item.options.map(o => `<li>${esc(optionText(item, o))}</li>`).join("")}</ol>`}
      <p><strong>${esc(t("round.review.mine"))}</strong>${esc(mine(item))}</p>
      <p class="key"><strong>${esc(t("r.key", { k: key(item) }))}</strong></p>
      <p>${esc(t("round.review.earned", { p: score(item.earned), of: score(item.points) }))}</p>
      ${item.explanation ? `<p class="explanation"><strong>${esc(t("r.explanation"))}：</strong>${esc(item.explanation)}</p>` : ""}
    </li>`;
  }).join("");
}
