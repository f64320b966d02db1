// Errors in the page's language. The server sends each error as a stable code with its args (and the English message
// for API users); the texts of every code, in both languages, come once per table (GET /api/banks/reasons, GET
// /api/contests/stage-reasons) into i18n.js's tables, so a report already on screen re-renders on a language switch.
import { t, hasText, addTexts } from "./i18n.js";
import { authHeaders } from "./api.js";
import { esc } from "./prefs.js";

const loading = new Map();

/** Loads a reason table once (an organizer's request, like every bank call). If it cannot, errors keep the server's English. */
export function loadReasons(url = "/api/banks/reasons") {
  if (!loading.has(url)) loading.set(url, fetch(url, { headers: authHeaders() })
    .then(response => response.ok ? response.json() : Promise.reject(new Error(`${response.status}`)))
    .then(list => {
      addTexts("en", Object.fromEntries(list.map(r => [`reason.${r.code}`, r.english])));
      addTexts("zh-CN", Object.fromEntries(list.map(r => [`reason.${r.code}`, r.chinese])));
    })
    .catch(() => { loading.delete(url); }));
  return loading.get(url);
}

/** Why, for one error ({ code, args, message }) or problem ({ reason, args, detail }). */
export function reasonText(error) {
  const code = error.code ?? error.reason;
  return code && hasText(`reason.${code}`) ? t(`reason.${code}`, error.args ?? {}) : (error.message ?? error.detail ?? error.title ?? "");
}

/** The column as the organizer knows it: the template's name (选项C) or its English, with the file's own name beside it when that differs. */
export function columnText({ field = "", column = "" }) {
  if (!field) return column;
  const option = /^options\[(\d+)\]$/.exec(field);
  const label = option ? t("field.option", { letter: String.fromCharCode(65 + Number(option[1])) })
    : hasText(`field.${field}`) ? t(`field.${field}`) : field;
  return !column || column.toLowerCase() === label.toLowerCase() ? label : t("field.with", { label, column });
}

/** A refused request as one line: the reason of a coded problem, or each field with its reason, or the server's words. */
export function errorText(error) {
  const data = error.data;
  if (data?.reason) return reasonText(data);
  if (Array.isArray(data?.errors) && data.errors.length > 0 && data.errors.every(e => e.code)) {
    return data.errors.map(e => {
      const label = columnText({ field: e.field });
      const reason = reasonText(e);
      return reason.startsWith(label) ? reason : t("field.reason", { label, reason }); // not "答案：答案“E”…"
    }).join(t("field.sep"));
  }
  return error.message;
}

/** An import's errors (bank or roster) as a table of row, column and reason, in the page's language. */
export function errorTable(id, caption, errors) {
  return `<table class="report-errors" id="${id}"><caption class="sr-only">${esc(caption)}</caption>
    <thead><tr><th scope="col">${esc(t("import.row"))}</th><th scope="col">${esc(t("import.col"))}</th><th scope="col">${esc(t("import.reason"))}</th></tr></thead>
    <tbody>${errors.map(err => `<tr><td>${err.row || ""}</td><td>${esc(columnText(err))}</td><td>${esc(reasonText(err))}</td></tr>`).join("")}</tbody></table>`;
}
