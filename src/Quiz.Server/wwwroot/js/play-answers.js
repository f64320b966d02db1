// The answer area of the phone page for each question type, and how a revealed answer reads.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";
import { optionText } from "./format.js";

const LETTERS = "ABCDEFGH";
const letterOf = (q, id) => LETTERS[q.options.findIndex(o => o.id === id)] ?? "?";
const textOf = (q, id) => { const o = q.options.find(x => x.id === id); return o ? optionText(q, o) : ""; };

/** The right answer as a participant reads it: "C. 2060年", "A B D", "判断意识 → 呼救 → …", or the accepted texts. */
export function keyText(q, reveal) {
  if (q.type === "fill") return reveal.accepted.join(" / ");
  if (q.type === "ordering") return reveal.options.map(id => textOf(q, id)).join(" → ");
  if (q.type === "truefalse") return reveal.options.map(id => textOf(q, id)).join("");
  return reveal.options.map(id => `${letterOf(q, id)}. ${textOf(q, id)}`).join("；");
}

/** What we answered, as the key reads (for the verdict): "A. …；C. …", the order, or the text; "" if nothing. */
export function mineText(state) {
  const q = state.question;
  if (!state.answered) return "";
  if (q.type === "fill") return state.text;
  return keyText(q, { options: state.selection, accepted: [] });
}

/** right, partial, wrong or none: from our standing for this question if it came, else from what we answered. */
export function verdictOf(state) {
  const { reveal, standing, question: q } = state;
  if (standing && standing.seq === reveal.seq && standing.lastCorrect !== null && standing.lastCorrect !== undefined) {
    return standing.lastCorrect ? "right" : standing.lastPoints > 0 ? "partial" : "wrong";
  }
  if (!state.answered) return "none";
  if (q.type === "fill") {
    const norm = s => s.normalize("NFKC").trim().toLowerCase();
    return reveal.accepted.some(a => norm(a) === norm(state.text)) ? "right" : "wrong";
  }
  const same = q.type === "ordering"
    ? state.selection.join(",") === reveal.options.join(",")
    : [...state.selection].sort().join(",") === [...reveal.options].sort().join(",");
  return same ? "right" : "wrong";
}

/** Draws (or updates) the answer controls; actions are the page's handlers. */
export function renderAnswers(container, st, actions) {
  const q = st.question;
  const reveal = st.reveal;
  if (q.type === "fill") return renderFill(container, st, actions);
  const chosen = new Set(st.selection);
  const buttons = q.options.map((option, i) => {
    const isChosen = chosen.has(option.id) && (reveal ? st.answered : st.answered || q.type !== "single" && q.type !== "truefalse" || st.ack === "sending");
    const right = reveal?.options.includes(option.id);
    const cls = ["answer", isChosen ? "chosen" : "", reveal && right ? "right" : "", reveal && isChosen && !right && q.type !== "ordering" ? "wrong" : ""].join(" ");
    const order = q.type === "ordering" && chosen.has(option.id) ? `<span class="order">${st.selection.indexOf(option.id) + 1}</span>` : "";
    const mark = reveal && q.type !== "ordering" ? (right ? `<span class="mark">✓</span>` : isChosen ? `<span class="mark">✗</span>` : "") : "";
    // At the reveal one's own picks stay marked in words: a right pick is green like the key, so colour alone hides it.
    const mine = reveal && isChosen && q.type !== "ordering" ? `<span class="mine">${esc(t("r.mine"))}</span>` : "";
    const letter = q.type === "truefalse" ? (i === 0 ? "✓" : "✗") : LETTERS[i];
    const pressed = q.type === "multiple" || q.type === "ordering" ? ` aria-pressed="${chosen.has(option.id)}"` : "";
    return `<button type="button" class="${cls}" data-id="${option.id}"${pressed} ${st.locked ? "disabled" : ""}>
      <span class="letter" aria-hidden="true">${letter}</span><span class="text">${esc(optionText(q, option))}</span>${order}${mine}${mark}</button>`;
  }).join("");
  let footer = "";
  if (q.type === "multiple" && !st.answered && !reveal) {
    footer = `<div class="answer-actions"><button type="button" id="confirm" ${st.locked || chosen.size === 0 ? "disabled" : ""}>${esc(t("q.confirm"))}</button></div>`;
  }
  if (q.type === "ordering" && !st.answered && !reveal) {
    footer = `<div class="answer-actions"><button type="button" class="secondary" id="reset" ${st.locked || chosen.size === 0 ? "disabled" : ""}>${esc(t("q.reset"))}</button>
      <button type="button" id="confirm" ${st.locked || chosen.size !== q.options.length ? "disabled" : ""}>${esc(t("q.confirm"))}</button></div>`;
  }
  container.innerHTML = buttons + footer;
  for (const button of container.querySelectorAll(".answer")) {
    const id = Number(button.dataset.id);
    button.addEventListener("click", () => (q.type === "multiple" ? actions.toggle : q.type === "ordering" ? actions.pick : actions.choose)(id));
  }
  container.querySelector("#confirm")?.addEventListener("click", actions.confirm);
  container.querySelector("#reset")?.addEventListener("click", actions.reset);
}

function renderFill(container, st, actions) {
  let input = container.querySelector(`input[data-seq="${st.question.seq}"]`);
  if (!input) {
    container.innerHTML = `<form class="fill" novalidate><label for="fill-text">${esc(t("q.fill.label"))}</label>
      <input id="fill-text" data-seq="${st.question.seq}" autocomplete="off" maxlength="200">
      <div class="answer-actions fill-actions"><button type="submit" id="fill-submit">${esc(t("q.submit"))}</button></div></form>`;
    input = container.querySelector("input");
    input.value = st.text;
    input.addEventListener("input", () => actions.text(input.value));
    container.querySelector("form").addEventListener("submit", e => { e.preventDefault(); actions.fill(); });
  }
  input.disabled = st.locked;
  container.querySelector("#fill-submit").disabled = st.locked;
  container.querySelector("#fill-submit").hidden = st.answered || !!st.reveal;
  input.classList.toggle("right-text", !!st.reveal);
}
