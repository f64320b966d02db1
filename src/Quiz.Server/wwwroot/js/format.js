// How numbers and fixed option texts read on every live page, in the page's language.
import { t } from "./i18n.js";

/**
 * A score as people read it: whole points stay whole (100, not 100.00); a round whose rules give fractions (speed
 * weighting, partial credit) shows its hundredths (85.83), never binary noise (0.30000000000000004).
 */
export const score = value => {
  const n = Number(value ?? 0);
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
};

/** A mean per head: one decimal (12.5), since a mean is rarely whole. */
export const mean = value => (Math.round(Number(value ?? 0) * 10) / 10).toFixed(1);

/** An option's text; a true/false question's two options (id 0 true, 1 false) in the page's language. */
export const optionText = (q, option) =>
  q.type === "truefalse" ? t(option.id === 0 ? "tf.true" : "tf.false") : option.text;
