// What the stage pages share: the phase in words, and the team rows. A StageView never holds an answer key.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";

export const teamName = (stage, i) => stage?.teams[i]?.name ?? "";

/** "抢答题 · 第三代表队 答题" and the like. */
export function phaseText(stage) {
  if (!stage || stage.seq < 0) return "";
  const team = teamName(stage, stage.turn) + (stage.member ? `（${stage.member}）` : "");
  const segment = stage.segment ? t(`seg.${stage.segment}`) : "";
  const decided = stage.winner !== null && stage.winner !== undefined;
  const winner = decided ? ` · ${t("stage.winner", { team: teamName(stage, stage.winner) })}` : "";
  // A tie-break says who is in it: only those teams may buzz, and the hall should know why the others sit still.
  const tied = stage.segment === "tiebreak" && !decided && stage.order?.length >= 2
    ? ` · ${t("stage.tied", { teams: stage.order.map(i => teamName(stage, i)).join(t("stage.sep")) })}` : "";
  return [segment, t(`ph.${stage.phase}`, { team })].filter(Boolean).join(" · ") + tied + winner;
}

/** Buzzes in server-time order, with the gap to the first in milliseconds. */
export function buzzOrder(stage) {
  if (!stage?.buzzes.length) return "";
  const first = stage.buzzes[0].atUs;
  return stage.buzzes.map((b, i) => `<li>${esc(teamName(stage, b.team))}${i ? ` <span class="muted">+${((b.atUs - first) / 1000).toFixed(1)} ms</span>` : ""}</li>`).join("");
}

/** Team tiles: name, score, rank; the team answering stands out, a team that is out is dimmed. */
export function teamTiles(stage) {
  return stage.teams.map(team => `<div class="team-tile${team.index === stage.turn ? " turn" : ""}${team.out ? " out" : ""}${team.index === stage.winner ? " winner" : ""}">
    <div class="team-name" title="${esc(team.name)}">${esc(team.name)}</div><div class="team-score">${esc(team.score)}</div>
    <div class="team-rank muted">#${esc(team.rank)}${team.earlyBuzzes ? ` · ${esc(t("stage.early", { n: team.earlyBuzzes }))}` : ""}${team.out ? ` · ${esc(t("stage.out"))}` : ""}</div></div>`).join("");
}

/** The final ranking of the teams: a podium of 冠军, 亚军, 季军 (by rank, so tied teams share a title), then the others in order. */
export function teamFinal(stage) {
  const ranked = [...stage.teams].sort((a, b) => a.rank - b.rank || a.index - b.index);
  const title = team => team.rank <= 3 ? t(`stage.place${team.rank}`) : t("stage.placeN", { n: team.rank });
  const step = (team, place) => team ? `<div class="step p${place}"><div class="name">${esc(team.name)}</div>
    <div class="score">${esc(team.score)} ${esc(t("screen.score"))}</div><div class="block">${esc(title(team))}</div></div>` : "";
  return {
    podium: step(ranked[1], 2) + step(ranked[0], 1) + step(ranked[2], 3),
    rest: ranked.slice(3).map(team => `<li><span class="rank">${esc(title(team))}</span> <span class="name">${esc(team.name)}</span> <span class="score">${esc(team.score)}</span></li>`).join(""),
  };
}
