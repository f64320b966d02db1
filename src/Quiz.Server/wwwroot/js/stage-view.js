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
    <div class="team-name">${esc(team.name)}</div><div class="team-score">${esc(team.score)}</div>
    <div class="team-rank muted">#${esc(team.rank)}${team.earlyBuzzes ? ` · ${esc(t("stage.early", { n: team.earlyBuzzes }))}` : ""}${team.out ? ` · ${esc(t("stage.out"))}` : ""}</div></div>`).join("");
}
