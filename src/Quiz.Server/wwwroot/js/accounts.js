// Accounts for admins: create one with its roles, change roles, reset a password, revoke every role. The server
// checks and audits each change; the only admin keeps the admin role.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc } from "./prefs.js";
import { api, token, me, wireLogin } from "./api.js";

const $ = id => document.getElementById(id);
const ROLES = ["admin", "organizer", "host", "judge"];
let accounts = [];
let resetting = null;

function say(text, kind = "ok") {
  $("message").innerHTML = text ? `<div class="banner ${kind}">${esc(text)}</div>` : "";
}

/** A refusal in the page's language: the server's codes and fields, its English words only as a last resort. */
function refusal(error) {
  const code = error.data?.code;
  if (code && ["exists", "last_admin", "not_found", "forbidden"].includes(code)) return t(`acc.err.${code}`);
  const fields = (error.data?.errors ?? []).map(e => e.field).filter((f, i, all) => all.indexOf(f) === i);
  return fields.length ? fields.map(f => t(`setup.field.${f}`)).join(t("field.sep")) : t("err.generic", { m: error.message });
}

const roleBoxes = (name, held) => ROLES.map(role => `<label class="inline"><input type="checkbox" data-role="${role}" ${held.includes(role) ? "checked" : ""}
  aria-label="${esc(t("acc.roleOf", { role: t(`role.${role}`), user: name }))}"> ${esc(t(`role.${role}`))}</label>`).join("");

async function load() {
  accounts = await api("GET", "/api/accounts");
  const self = me()?.user;
  $("account-list").innerHTML = `<thead><tr><th scope="col">${esc(t("login.user"))}</th><th scope="col">${esc(t("acc.roles"))}</th><th scope="col">${esc(t("list.actions"))}</th></tr></thead>
    <tbody>${accounts.map(a => `<tr data-user="${esc(a.userName)}"><td><strong translate="no">${esc(a.userName)}</strong>${a.userName === self ? ` <span class="muted">(${esc(t("acc.you"))})</span>` : ""}
      ${a.roles.length === 0 ? `<br><span class="muted">${esc(t("acc.revoked"))}</span>` : ""}</td>
      <td><div class="row">${roleBoxes(a.userName, a.roles)}</div></td>
      <td><div class="actions"><button type="button" data-save>${esc(t("acc.saveRoles"))}</button>
        <button type="button" class="secondary" data-reset>${esc(t("acc.reset"))}</button>
        <button type="button" class="danger" data-revoke ${a.roles.length === 0 ? "disabled" : ""}>${esc(t("acc.revoke"))}</button></div></td></tr>`).join("")}</tbody>`;
}

$("account-list").addEventListener("click", async e => {
  const button = e.target.closest("button");
  const row = e.target.closest("[data-user]");
  if (!button || !row) return;
  const user = row.dataset.user;
  if (button.dataset.reset !== undefined) {
    resetting = user;
    $("reset-title").textContent = t("acc.reset.title", { user });
    $("reset-form").reset();
    $("reset-error").hidden = true;
    $("reset").showModal();
    return;
  }
  const revoke = button.dataset.revoke !== undefined;
  if (revoke && !confirm(t("acc.revoke.confirm", { user }))) return;
  const roles = revoke ? [] : [...row.querySelectorAll("[data-role]:checked")].map(box => box.dataset.role);
  try {
    await api("PUT", `/api/accounts/${encodeURIComponent(user)}/roles`, { roles });
    say(t(revoke ? "acc.revoked.done" : "acc.saved", { user }));
  } catch (error) {
    say(refusal(error), "error");
  }
  await load();
});

$("reset-cancel").addEventListener("click", () => $("reset").close());
$("reset-form").addEventListener("submit", async e => {
  e.preventDefault();
  const show = text => { $("reset-error").hidden = false; $("reset-error").textContent = text; };
  if ($("reset-password").value !== $("reset-password2").value) return show(t("setup.mismatch"));
  try {
    await api("PUT", `/api/accounts/${encodeURIComponent(resetting)}/password`, { password: $("reset-password").value });
    $("reset").close();
    say(t("acc.reset.done", { user: resetting }));
  } catch (error) {
    show(refusal(error));
  }
});

$("new-account").addEventListener("submit", async e => {
  e.preventDefault();
  const roles = [...$("new-roles").querySelectorAll("[data-role]:checked")].map(box => box.dataset.role);
  try {
    const created = await api("POST", "/api/accounts", { userName: $("new-user").value.trim(), password: $("new-password").value, roles });
    $("new-account").reset();
    say(t("acc.created", { user: created.userName }));
    await load();
  } catch (error) {
    say(refusal(error), "error");
  }
});

function drawNewRoles() {
  const held = [...$("new-roles").querySelectorAll("[data-role]:checked")].map(box => box.dataset.role);
  $("new-roles").innerHTML = roleBoxes(t("acc.new"), held.length ? held : ["organizer"]);
}

async function showAccounts() {
  const admin = me()?.roles.includes("admin");
  $("login").hidden = true;
  $("accounts").hidden = !admin;
  if (!admin) {
    say(t("acc.adminsOnly"), "error");
    return;
  }
  drawNewRoles();
  await load();
}

wireLogin(say, showAccounts);
initPrefs();
onLangChange(() => {
  say(""); // a message says what just happened, in the language it happened in; it is not redrawn
  if (!$("accounts").hidden) { drawNewRoles(); load(); }
});
if (token()) showAccounts().catch(error => { if (error.status === 401) { $("accounts").hidden = true; $("login").hidden = false; } else say(refusal(error), "error"); });
else $("login").hidden = false;
