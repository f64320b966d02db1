// The big screen of a literacy assessment (1920x1080): /assessment-screen?contest=<id>. Read-only and public: it
// shows the aggregate indicator (GET /api/assessments/{id}/screen), refreshed every 15 s, never a person; it says
// whether its shares are weighted, and why a district has none.
import { t, onLangChange } from "./i18n.js";
import { initPrefs } from "./prefs.js";
import { loadReasons } from "./reasons.js";
import { caveatHtml, drawChart, legendHtml, shareLabel, suppressedHtml, tableHtml } from "./assessment-view.js";

const $ = id => document.getElementById(id);
const contest = new URLSearchParams(location.search).get("contest") ?? "";
let report = null;
let chart = null;

function draw() {
  $("caveat").innerHTML = caveatHtml(report);
  if (!report) return;
  $("meta").textContent = `${t("as.meta", { n: report.city.respondents })} · ${shareLabel(report)}`;
  $("legend").innerHTML = legendHtml(report);
  // The texts first: the chart takes the height they leave, so it is sized after them and never runs under them.
  $("verdicts").innerHTML = tableHtml(report, true);
  $("suppressed").innerHTML = suppressedHtml(report);
  chart ??= echarts.init($("chart"));
  chart.resize();
  drawChart(chart, report, true);
}

async function load() {
  try {
    const response = await fetch(`/api/assessments/${encodeURIComponent(contest)}/screen`);
    if (!response.ok) throw new Error(response.status === 404 ? t("as.notFound") : `${response.status}`);
    report = await response.json();
    $("error").hidden = true;
  } catch (error) {
    $("error").textContent = error.message;
    $("error").hidden = false;
  }
  draw();
}

initPrefs();
onLangChange(draw);
window.addEventListener("resize", () => chart?.resize());
draw(); // the caveat shows before the first answer arrives
loadReasons("/api/assessments/reasons").then(draw);
load();
setInterval(load, 15_000);
