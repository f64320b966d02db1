// fetch for the organizer pages: JSON in and out, the organizer's bearer token (kept in sessionStorage, so it dies
// with the tab); a refusal becomes an Error with the server's problem details. A 401 forgets the token.
import { t } from "./i18n.js";

const TOKEN = "quiz.admin.token";
export const token = () => sessionStorage.getItem(TOKEN);
export const setToken = value => value ? sessionStorage.setItem(TOKEN, value) : sessionStorage.removeItem(TOKEN);

/** Who the token says is logged in ({ user, roles }), or null. Only for showing the right tabs: the server checks every call. */
export function me() {
  const value = token();
  if (!value) return null;
  try {
    const claims = JSON.parse(atob(value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return { user: claims.sub, roles: [].concat(claims.role ?? []) };
  } catch {
    return null;
  }
}

/** Admin or organizer: banks, contests, results. */
export const isOrganizer = who => !!who?.roles.some(r => r === "admin" || r === "organizer");

export const authHeaders = (headers = {}) => token() ? { ...headers, Authorization: `Bearer ${token()}` } : { ...headers };

export async function api(method, url, body, headers = {}) {
  const init = { method, headers: authHeaders(headers) };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
  const response = await fetch(url, init);
  const text = await response.text();
  const data = text && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
  if (!response.ok) {
    if (response.status === 401) setToken(null);
    const error = new Error(problemText(data) || `${response.status}`);
    error.status = response.status;
    error.data = data;
    throw error;
  }
  return data;
}

const problemText = data => typeof data === "string" ? data
  : [data?.title, ...(data?.errors ?? []).map(e => `${e.field ?? e.column ?? ""} ${e.message ?? ""}`.trim())].filter(Boolean).join("；");

/**
 * Wires the first-admin setup form (#setup: #setup-code, #setup-user, #setup-password, #setup-password2), shown on a
 * store with no account: the code the server printed at start creates the admin, whose token is kept; then onLoggedIn
 * runs (onClosed if an account appeared meanwhile).
 */
export function wireSetup(say, onLoggedIn, onClosed) {
  const $ = id => document.getElementById(id);
  $("setup").addEventListener("submit", async e => {
    e.preventDefault();
    if ($("setup-password").value !== $("setup-password2").value) {
      say(t("setup.mismatch"), "error");
      return;
    }
    try {
      const result = await api("POST", "/api/setup", { setupCode: $("setup-code").value.trim(), userName: $("setup-user").value.trim(), password: $("setup-password").value });
      setToken(result.token);
      $("setup-password").value = $("setup-password2").value = "";
      say(t("setup.done", { user: result.userName }));
      await onLoggedIn();
    } catch (error) {
      const code = error.data?.code;
      say(error.status === 429 ? t("login.throttled") : code === "unauthorized" ? t("setup.badCode") : code === "setup_closed" ? t("setup.closed")
        : t("err.generic", { m: (error.data?.errors ?? []).map(x => t(`setup.field.${x.field}`)).join(t("field.sep")) || error.message }), "error");
      if (code === "setup_closed") onClosed(); // someone else set up first: log in instead
    }
  });
}

/** Wires the organizer login form (#login, #login-user, #login-password): the token is kept, then onLoggedIn runs. */
export function wireLogin(say, onLoggedIn) {
  document.getElementById("login").addEventListener("submit", async e => {
    e.preventDefault();
    const password = document.getElementById("login-password");
    try {
      const result = await api("POST", "/api/auth/login", { userName: document.getElementById("login-user").value.trim(), password: password.value });
      setToken(result.token);
      password.value = "";
      say("");
      await onLoggedIn();
    } catch (error) {
      say(error.status === 429 ? t("login.throttled") : t("login.failed"), "error");
    }
  });
}
