// The literacy indicator drawn from a report (GET /api/assessments/{id}/report or /screen): the districts against
// their targets with 95% intervals as error bars, suppressed districts listed as 样本不足 with what is shown of them,
// districts whose margins cannot be met listed with why, flagged ones marked and faded, and the caveat. Shared by the
// admin dashboard and the big screen; it never sees a person, only aggregates.
import { t, hasText } from "./i18n.js";
import { esc } from "./prefs.js";
import { reasonText } from "./reasons.js";

const pct = value => value == null ? "" : `${value.toFixed(1)}%`;
const n = value => value == null ? "" : Math.round(value).toLocaleString();

/** The estimate the verdict uses: weighted when margins are loaded, else raw. */
export const estimateOf = area => area.weighted ?? area.raw;

export const verdictText = verdict => verdict ? t(`as.verdict.${verdict}`) : "";

/** The city is 全市 only when its figure covers all 13 districts; a weighted figure of fewer says how many. */
export const areaName = area => area.area !== "全市" ? area.area
  : area.covers && area.covers.length < 13 ? t("as.city.partial", { n: area.covers.length }) : t("as.city");

/** Areas shown on the chart and in the verdict list: the city, then every district with a figure. */
export const shown = report => [report.city, ...report.districts].filter(a => !a.suppressed && estimateOf(a));

export const suppressed = report => [report.city, ...report.districts].filter(a => a.suppressed);

/** Areas that show why they have no figure (margins no weights can meet) or no verdict (the city, partly covered). */
export const withStatus = report => [report.city, ...report.districts].filter(a => a.status);

/** What the chart's share is: weighted to the population, or the participants' raw share. */
export const shareLabel = report => t(report?.marginsLoaded ? "as.share.weighted" : "as.share.raw");

/** A coded reason in the page's language; profile codes among its args (age, 60-69, primary) said in it too. */
export function reasonIn(reason) {
  const word = value => String(value).split(", ").map(c => hasText(`as.pdim.${c}`) ? t(`as.pdim.${c}`) : hasText(`as.code.${c}`) ? t(`as.code.${c}`) : c).join("、");
  const args = Object.fromEntries(Object.entries(reason.args ?? {})
    .map(([k, v]) => [k, ["dimension", "code", "codes", "other", "linked"].includes(k) ? word(v) : v]));
  return reasonText({ ...reason, args });
}

export function caveatHtml(report) {
  return `<strong>${esc(t("as.caveat.title"))}</strong> ${esc(t("as.caveat"))}${report && !report.marginsLoaded ? ` ${esc(t("as.rawOnly"))}` : ""}`;
}

/** 样本不足 and 无加权结果, each area with what is shown of it, and the flag's note. */
export function suppressedHtml(report) {
  // With margins a district's n_eff is what suppressed it, so both are said; without, the count is the n_eff.
  const thin = suppressed(report).map(a => a.weighting || report.marginsLoaded && a.area === "全市"
    ? t("as.suppressed.item", { area: areaName(a), n: a.respondents, neff: n(a.effectiveN) })
    : t("as.suppressed.count", { area: areaName(a), n: a.respondents }));
  const why = withStatus(report).map(a => t("as.status.item", { area: areaName(a), why: reasonIn(a.status) }));
  const flagged = [report.city, ...report.districts].some(a => a.flagged);
  return [
    thin.length ? `<strong>${esc(t("as.suppressed.shown"))}</strong>：${thin.map(x => `<span class="thin">${esc(x)}</span>`).join("、")}` : "",
    why.length ? `<strong>${esc(t("as.status.title"))}</strong>：<span class="status">${why.map(esc).join("</span>；<span class=\"status\">")}</span>` : "",
    flagged ? `<span class="flag-note">${esc(t("as.flagged.note"))}</span>` : "",
  ].filter(Boolean).join("<br>");
}

/** The chart's key, in the page (the vendored ECharts build has no legend component). */
export function legendHtml(report) {
  return `<span class="key dot"></span>${esc(shareLabel(report))} <span class="key bar"></span>${esc(t("as.interval"))} <span class="key target"></span>${esc(t("as.target"))}`
    + ` <span class="key bar above"></span>${esc(t("as.verdict.above"))} <span class="key bar below"></span>${esc(t("as.verdict.below"))} <span class="key bar cannot"></span>${esc(t("as.verdict.cannot_tell"))}`
    + ` <span class="key bar faded"></span><span class="faded-note">${esc(t("as.legend.faded"))}</span>`;
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
        return `${esc(areaName(a))}<br>${esc(shareLabel(report))} ${pct(e.share)} [${pct(e.low)}, ${pct(e.high)}]<br>${esc(t("as.target"))} ${pct(a.target)}<br>`
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
      { name: shareLabel(report), type: "line", data: est.map(e => e.share), symbol: "circle", symbolSize: big ? 20 : 12, lineStyle: { width: 0 },
        itemStyle: { color: "#0b57d0" }, label: { show: true, position: "right", fontSize: font, formatter: p => pct(p.value) } },
      { name: t("as.target"), type: "line", data: areas.map(a => a.target), symbol: "rect", symbolSize: big ? [44, 6] : [28, 4], lineStyle: { width: 0 },
        itemStyle: { color: "#e37400" } },
    ],
  }, true);
}

/** How a district's weights were made: its status when none could be, else n_eff before trimming, trimmed weights, population. */
function weightingText(a) {
  if (a.status) return reasonIn(a.status);
  if (!a.weighting) return a.covers ? a.covers.join("、") : "";
  const w = a.weighting;
  const detail = t("as.weighting.detail", { before: n(w.effectiveNUntrimmed), trimmed: w.trimmed, cap: 5, population: n(w.population) });
  return w.note ? `${detail}；${reasonIn(w.note)}` : detail;
}

/** The figures as a table: one row per area, the same as the export. */
export function tableHtml(report, compact = false) {
  const head = compact
    ? ["as.area", "as.target", null, "as.verdict"]
    : ["as.area", "as.target", "as.respondents", "as.raw", "as.weighted", "as.neff", "as.verdict", "as.mark", "as.dimensions", "as.weighting"];
  const rows = [report.city, ...report.districts].map(a => {
    const est = estimateOf(a);
    const mark = a.suppressed ? t("as.suppressed") : a.status && !est ? t("as.status.title") : a.flagged ? t("as.flagged") : "";
    const interval = e => e ? `${pct(e.share)} <span class="ci">[${pct(e.low)}, ${pct(e.high)}]</span>` : "";
    const cells = compact
      ? [esc(areaName(a)), pct(a.target), est ? interval(est) : esc(mark), esc(verdictText(a.verdict))]
      : [esc(areaName(a)), pct(a.target), n(a.respondents), interval(a.raw), interval(a.weighted), n(a.effectiveN), esc(verdictText(a.verdict)), esc(mark),
        esc(Object.entries(a.dimensionMeans ?? {}).map(([d, v]) => `${t(`as.dim.${d}`)} ${v.toFixed(0)}`).join(" · ")), `<span class="why">${esc(weightingText(a))}</span>`];
    const kind = a.suppressed ? "suppressed" : a.status && !est ? "suppressed withheld" : a.flagged ? "flagged" : "";
    return `<tr class="${kind}" data-area="${esc(a.area)}">${cells.map(c => `<td>${c}</td>`).join("")}</tr>`;
  });
  return `<tr>${head.map(k => `<th>${esc(k ? t(k) : shareLabel(report))}</th>`).join("")}</tr>${rows.join("")}`;
}
