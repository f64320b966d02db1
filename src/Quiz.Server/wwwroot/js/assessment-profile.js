// A respondent's profile for the literacy indicator (/assessment-profile#contest=<id>&me=<token>, or the contest this
// phone joined on /play): age band, sex, education, district and residence (城镇/乡村), sent only with consent;
// withdrawing deletes them. Every request says its consent (true or false): the server refuses one that does not.
import { t, onLangChange } from "./i18n.js";
import { initPrefs, esc } from "./prefs.js";
import { DISTRICTS } from "./districts.js";

const $ = id => document.getElementById(id);
const hash = new URLSearchParams(location.hash.slice(1));
const joined = JSON.parse(localStorage.getItem("quiz.play") ?? "null");
const contest = hash.get("contest") ?? joined?.contestId ?? "";
const token = hash.get("me") ?? (joined?.contestId === contest ? joined?.token : null) ?? "";

const CHOICES = {
  age: ["18-29", "30-39", "40-49", "50-59", "60-69", "under-18", "70-plus"],
  sex: ["male", "female"],
  education: ["primary", "junior", "senior", "college"],
  district: DISTRICTS,
  residence: ["urban", "rural"],
};

function fill() {
  for (const [field, codes] of Object.entries(CHOICES)) {
    const select = $(field);
    const chosen = select.value;
    select.innerHTML = `<option value="">${esc(t("as.profile.skip"))}</option>`
      + codes.map(c => `<option value="${esc(c)}">${esc(field === "district" ? c : t(`as.code.${c}`))}</option>`).join("");
    select.value = chosen;
  }
}

const show = (text, kind) => { $("result").innerHTML = `<div class="banner ${kind}">${esc(text)}</div>`; };

async function send(consent) {
  const body = { token, consent };
  if (consent) for (const [field, name] of [["age", "ageBand"], ["sex", "sex"], ["education", "education"], ["district", "district"], ["residence", "residence"]]) body[name] = $(field).value || null;
  const response = await fetch(`/api/assessments/${encodeURIComponent(contest)}/profile`,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { show(data.code === "unknown_token" ? t("err.unknown_token") : t("err.invalid"), "error"); return; }
  show(!consent ? t("as.profile.withdrawn") : data.counted ? t("as.profile.saved") : t("as.profile.outside"), "ok");
}

$("profile").addEventListener("submit", e => {
  e.preventDefault();
  if (!$("consent").checked) { show(t("as.profile.needConsent"), "error"); return; }
  send(true);
});
$("withdraw").addEventListener("click", () => send(false));

initPrefs();
fill();
onLangChange(fill);
if (!contest || !token) { show(t("as.profile.noToken"), "error"); $("save").disabled = $("withdraw").disabled = true; }
