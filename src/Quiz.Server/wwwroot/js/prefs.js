// The language switch and the large-text, high-contrast switch on every page; both remembered on this device.
import { applyI18n, currentLang, setLang, t, onLangChange } from "./i18n.js";

const root = document.documentElement;
if (localStorage.getItem("quiz.hc") === "1") root.classList.add("hc");

/** Puts the two switches into the element with id "prefs" and translates the page. */
export function initPrefs() {
  const holder = document.getElementById("prefs");
  if (holder) {
    holder.classList.add("prefs");
    holder.innerHTML = `<button type="button" class="secondary" id="lang-switch" lang="en"></button>
      <button type="button" class="secondary" id="hc-switch" aria-pressed="false"></button>`;
    const langButton = holder.querySelector("#lang-switch");
    const hcButton = holder.querySelector("#hc-switch");
    const label = () => {
      langButton.textContent = t("lang.switch");
      langButton.lang = currentLang() === "en" ? "zh-CN" : "en";
      const on = root.classList.contains("hc");
      hcButton.textContent = on ? t("hc.off") : t("hc.on");
      hcButton.setAttribute("aria-pressed", String(on));
    };
    langButton.addEventListener("click", () => setLang(currentLang() === "en" ? "zh-CN" : "en"));
    hcButton.addEventListener("click", () => {
      const on = root.classList.toggle("hc");
      localStorage.setItem("quiz.hc", on ? "1" : "0");
      label();
      window.dispatchEvent(new Event("quiz:contrast"));
    });
    onLangChange(label);
    label();
  }
  applyI18n();
}

/**
 * Puts the cursor in input, unless it is already somewhere in form: the forms are on screen before the connection
 * is up, and moving focus under someone typing (in the team field, say) sends the rest of their text elsewhere.
 */
export function focusUnlessTyping(form, input) {
  if (!form.contains(document.activeElement)) input.focus();
}

/** Escapes text for innerHTML templates; every server or user text goes through it. */
export const esc = value => String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
