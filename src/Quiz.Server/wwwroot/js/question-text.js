// A bank question as the organizer's pages show it: the key in the page's language, the options lettered.
import { t } from "./i18n.js";

/** A true/false key is stored as 正确/错误 (the files' notation); the page says it in its own language. */
export const answerText = item => item.type === "truefalse" ? t(item.answer === "正确" ? "tf.true" : "tf.false") : item.answer;

/** "A. … B. …" for a choice or ordering question; empty for true/false and fill-in. */
export const optionsText = item => (item.options ?? []).map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`).join("  ");
