// Field errors of POST /api/contests in the organizer's words: the field path as "第 3 队 名称" (the reason itself
// comes from the stage reason table, see reasons.js).
import { t } from "./i18n.js";

/**
 * "stage.teams[2].name" -> "第 3 队 名称"; "stage.segments[2].wagerValues" -> "第 3 轮（风险题） 风险分值";
 * "rounds[2].blueprint[0].count" -> "第 3 轮（抢答题） 第 1 条抽题规则的题数".
 */
export function fieldName(path, draft) {
  let m = /^stage\.teams\[(\d+)\]\.(name|members)$/.exec(path);
  if (m) return `${t("st.team", { n: Number(m[1]) + 1 })} ${t(m[2] === "name" ? "st.teamName" : "st.members")}`;
  m = /^stage\.segments\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) return `${roundName(Number(m[1]), draft)} ${t(`st.${m[2]}`)}`;
  m = /^rounds\[(\d+)\]\.blueprint\[(\d+)\]\.count$/.exec(path);
  if (m) return `${roundName(Number(m[1]), draft)} ${t("st.ruleN", { n: Number(m[2]) + 1 })}`;
  m = /^rounds\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) return `${roundName(Number(m[1]), draft)} ${m[2] === "title" ? t("c.roundTitle") : m[2].startsWith("blueprint") ? t("st.blueprint") : m[2]}`.trim();
  const named = { title: "c.title", "stage.baseScore": "st.baseScore", "stage.teams": "st.teamsWord", "stage.segments": "st.segmentsWord", "stage.buzzSettleMs": "st.buzzSettleMs" };
  return named[path] ? t(named[path]) : path;
}

function roundName(i, draft) {
  const title = draft?.rounds[i]?.title?.trim();
  return title ? t("st.roundTitled", { n: i + 1, title }) : t("c.round", { n: i + 1 });
}
