// fetch for the organizer pages: JSON in and out, the organizer's bearer token (kept in sessionStorage, so it dies
// with the tab); a refusal becomes an Error with the server's problem details. A 401 forgets the token.
import { t } from "./i18n.js";

const TOKEN = "quiz.admin.token";
export const token = () => sessionStorage.getItem(TOKEN);
export const setToken = value => value ? sessionStorage.setItem(TOKEN, value) : sessionStorage.removeItem(TOKEN);
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
