// The literacy indicator drawn from a report (GET /api/assessments/{id}/report or /screen): the districts against
// their targets with 95% intervals as error bars, suppressed districts listed as 样本不足, flagged ones marked, and the
// caveat. Shared by the admin dashboard and the big screen; it never sees a person, only aggregates.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";

const pct = value => value == null ? "" : `${value.toFixed(1)}%`;
const n = value => value == null ? "" : Math.round(value).toLocaleString();

/** The estimate the verdict uses: weighted when margins are loaded, else raw. */
export const estimateOf = area => area.weighted ?? area.raw;

export const verdictText = verdict => verdict ? t(`as.verdict.${verdict}`) : "";

export const areaName = area => area.area === "全市" ? t("as.city") : area.area;

/** Areas shown on the chart and in the verdict list: the city, then every district with enough respondents. */
export const shown = report => [report.city, ...report.districts].filter(a => !a.suppressed);

export const suppressed = report => [report.city, ...report.districts].filter(a => a.suppressed);

export function caveatHtml(report) {
  return `<strong>${esc(t("as.caveat.title"))}</strong> ${esc(t("as.caveat"))}${report && !report.marginsLoaded ? ` ${esc(t("as.rawOnly"))}` : ""}`;
}

export function suppressedHtml(report) {
  const thin = suppressed(report);
  const flagged = [report.city, ...report.districts].some(a => a.flagged);
  return (thin.length === 0 ? "" : `<strong>${esc(t("as.suppressed"))}</strong>：${thin.map(a => `<span class="thin">${esc(areaName(a))}（${esc(t("as.respondents.short", { n: a.respondents }))}）</span>`).join("、")}`)
    + (flagged ? `<br><span class="flag-note">${esc(t("as.flagged.note"))}</span>` : "");
}

/** The chart's key, in the page (the vendored ECharts build has no legend component). */
export function legendHtml() {
  return `<span class="key dot"></span>${esc(t("as.share"))} <span class="key bar"></span>${esc(t("as.interval"))} <span class="key target"></span>${esc(t("as.target"))}`
    + ` <span class="key bar above"></span>${esc(t("as.verdict.above"))} <span class="key bar below"></span>${esc(t("as.verdict.below"))} <span class="key bar cannot"></span>${esc(t("as.verdict.cannot_tell"))}`;
}

/** Draws (or redraws) the chart into an ECharts instance. */
export function drawChart(chart, report, big = false) {
  const areas = shown(report);
  const colors = { above: "#137333", below: "#b3261e", cannot_tell: "#5f6368" };
  const font = big ? 22 : 13;
  const est = areas.map(estimateOf);
  chart.setOption({
    animation: false,
    grid: { left: big ? 80 : 50, right: 40, top: 20, bottom: big ? 50 : 70 },
    tooltip: {
      trigger: "axis",
      formatter: items => {
        const a = areas[items[0].dataIndex];
        const e = estimateOf(a);
        return `${esc(areaName(a))}<br>${esc(t("as.share"))} ${pct(e.share)} [${pct(e.low)}, ${pct(e.high)}]<br>${esc(t("as.target"))} ${pct(a.target)}<br>`
          + `${esc(t("as.neff"))} ${n(a.effectiveN)}<br>${esc(verdictText(a.verdict))}${a.flagged ? `<br>${esc(t("as.flagged"))}` : ""}`;
      },
    },
    xAxis: {
      type: "category",
      data: areas.map(a => areaName(a) + (a.flagged ? " *" : "")),
      axisLabel: { interval: 0, fontSize: font, rotate: big ? 0 : 30 },
    },
    yAxis: { type: "value", min: 0, max: Math.min(100, Math.ceil(Math.max(30, ...est.map(e => e.high), ...areas.map(a => a.target)) / 10) * 10),
      axisLabel: { formatter: "{value}%", fontSize: font } },
    series: [
      // The interval as a floating bar: an invisible base up to the low bound, the visible part from low to high.
      { type: "bar", stack: "ci", silent: true, itemStyle: { color: "transparent" }, data: est.map(e => e.low), barWidth: big ? 14 : 10 },
      { name: t("as.interval"), type: "bar", stack: "ci", barWidth: big ? 14 : 10,
        data: est.map((e, i) => ({ value: e.high - e.low, itemStyle: { color: colors[areas[i].verdict] ?? colors.cannot_tell, opacity: areas[i].flagged ? 0.45 : 0.8 } })) },
      { name: t("as.share"), type: "line", data: est.map(e => e.share), symbol: "circle", symbolSize: big ? 20 : 12, lineStyle: { width: 0 },
        itemStyle: { color: "#0b57d0" }, label: { show: true, position: "right", fontSize: font, formatter: p => pct(p.value) } },
      { name: t("as.target"), type: "line", data: areas.map(a => a.target), symbol: "rect", symbolSize: big ? [44, 6] : [28, 4], lineStyle: { width: 0 },
        itemStyle: { color: "#e37400" } },
    ],
  }, true);
}

/** The figures as a table: one row per area, the same as the export. */
export function tableHtml(report, compact = false) {
  const head = compact
    ? ["as.area", "as.target", "as.share", "as.verdict"]
    : ["as.area", "as.target", "as.respondents", "as.raw", "as.weighted", "as.neff", "as.verdict", "as.mark", "as.dimensions"];
  const rows = [report.city, ...report.districts].map(a => {
    const est = estimateOf(a);
    const mark = a.suppressed ? t("as.suppressed") : a.flagged ? t("as.flagged") : "";
    const interval = e => e ? `${pct(e.share)} <span class="ci">[${pct(e.low)}, ${pct(e.high)}]</span>` : "";
    const cells = compact
      ? [esc(areaName(a)), pct(a.target), a.suppressed ? esc(t("as.suppressed")) : interval(est), esc(verdictText(a.verdict))]
      : [esc(areaName(a)), pct(a.target), n(a.respondents), interval(a.raw), interval(a.weighted), n(a.effectiveN), esc(verdictText(a.verdict)), esc(mark),
        esc(Object.entries(a.dimensionMeans ?? {}).map(([d, v]) => `${t(`as.dim.${d}`)} ${v.toFixed(0)}`).join(" · "))];
    return `<tr class="${a.suppressed ? "suppressed" : a.flagged ? "flagged" : ""}" data-area="${esc(a.area)}">${cells.map(c => `<td>${c}</td>`).join("")}</tr>`;
  });
  return `<tr>${head.map(k => `<th>${esc(t(k))}</th>`).join("")}</tr>${rows.join("")}`;
}
