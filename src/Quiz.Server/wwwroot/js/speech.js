// Read aloud (朗读): the question and its options through the browser's own speech synthesis, in a Chinese voice.
// The button shows only where the browser has speechSynthesis and a Chinese voice; voices often arrive a moment
// after the page loads, so the button appears when they do.
import { t } from "./i18n.js";

const synth = () => window.speechSynthesis;
function chineseVoice() {
  const voices = synth()?.getVoices?.() ?? [];
  return voices.find(v => /^zh[-_]CN/i.test(v.lang)) ?? voices.find(v => /^zh/i.test(v.lang));
}

/**
 * Wires button to speak what text() returns; hidden while no Chinese voice is available, or while the page marks it
 * data-shown="false" (nothing to read yet). Returns the function that re-checks both.
 */
export function initReadAloud(button, text) {
  const update = () => { button.hidden = !chineseVoice() || button.dataset.shown === "false"; };
  update();
  synth()?.addEventListener?.("voiceschanged", update);
  button.addEventListener("click", () => {
    const voice = chineseVoice();
    if (!voice) return;
    synth().cancel();
    const utterance = new SpeechSynthesisUtterance(text());
    utterance.voice = voice;
    utterance.lang = "zh-CN";
    utterance.rate = 0.9; // a little slower than usual: many of the people asking for it are older
    synth().speak(utterance);
  });
  return update;
}

/** "题目。A，……。B，……。" for a question and the options as shown (letters in display order). */
export function spoken(stem, options) {
  const letters = "ABCDEFGH";
  return [stem, ...options.map((text, i) => `${t("speech.option", { l: letters[i] })}，${text}`)].join("。") + "。";
}
