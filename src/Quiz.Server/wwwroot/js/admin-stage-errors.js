// Field errors of POST /api/contests in the organizer's words: the field path as "第 3 队 名称", and the stage
// checks' English reasons (StageSetup/StageSegment.Validate) in the page's language; an unknown reason stays as sent.
import { t } from "./i18n.js";

const REASONS = [
  [/^is required and at most (\d+) characters$/, "st.msg.required"],
  [/^1 to 10 names, each 1-50 characters$/, "st.msg.members"],
  [/^names within a team must differ$/, "st.msg.sameMember"],
  [/^same name as team (\d+); team names must differ$/, "st.msg.sameTeam"],
  [/^must be between (\d+) and (\d+)(?: ms)?$/, "st.msg.between"],
  [/^a stage needs 2 to 16 teams$/, "st.msg.teams"],
  [/^points and wrongDeduction must be between 0 and 10000$/, "st.msg.points"],
  [/^up to 10 values, each 0-10000$/, "st.msg.penalties"],
  [/^1 to 10 different values, each 1-10000$/, "st.msg.wagers"],
  [/^1-100 questions per team, 5-3600 seconds per team$/, "st.msg.rapid"],
];

export function messageText(message) {
  for (const [pattern, key] of REASONS) {
    const m = pattern.exec(message ?? "");
    if (m) return t(key, { a: m[1], b: m[2] });
  }
  return message ?? "";
}

/** "stage.teams[2].name" -> "第 3 队 名称"; "stage.segments[2].wagerValues" -> "第 3 轮（风险题） 风险分值". */
export function fieldName(path, draft) {
  let m = /^stage\.teams\[(\d+)\]\.(name|members)$/.exec(path);
  if (m) return `${t("st.team", { n: Number(m[1]) + 1 })} ${t(m[2] === "name" ? "st.teamName" : "st.members")}`;
  m = /^stage\.segments\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) return `${roundName(Number(m[1]), draft)} ${t(`st.${m[2]}`)}`;
  m = /^rounds\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) return `${roundName(Number(m[1]), draft)} ${m[2] === "title" ? t("c.roundTitle") : m[2].startsWith("blueprint") ? t("st.blueprint") : m[2]}`.trim();
  const named = { title: "c.title", "stage.baseScore": "st.baseScore", "stage.teams": "st.teamsWord", "stage.segments": "st.segmentsWord", "stage.buzzSettleMs": "st.buzzSettleMs" };
  return named[path] ? t(named[path]) : path;
}

function roundName(i, draft) {
  const title = draft?.rounds[i]?.title?.trim();
  return title ? t("st.roundTitled", { n: i + 1, title }) : t("c.round", { n: i + 1 });
}
