// What an online round shows after the paper is in: the wait for the results' release, and the district and unit boards.
import { t } from "./i18n.js";
import { esc } from "./prefs.js";

let waiting = 0;

/**
 * Results not released yet: asks the round (a cheap read, nobody's attempt in it) whether closed(info) holds yet, with
 * growing pauses (3 s doubling to a minute, with up to a second of jitter so a hall of phones does not ask at once),
 * then lets released(info) read the attempt again and draw it; it returns false to keep waiting. No reload needed.
 */
export function awaitRelease(call, closed, released, delay = 3000) {
  clearTimeout(waiting);
  waiting = setTimeout(async () => {
    try {
      const info = await call("GET", "");
      if (closed(info) && await released(info)) return;
    } catch { /* offline for a moment: ask again later */ }
    awaitRelease(call, closed, released, Math.min(60000, delay * 2));
  }, delay + Math.random() * 1000);
}

/** The district and unit boards into table, and section shown, once released; they are a bonus, the result stands without them. */
export async function drawBoards(call, section, tables) {
  try {
    const b = await call("GET", "/boards");
    const table = (title, rows) => `<h3>${esc(title)}</h3><table><thead><tr><th>${esc(t("round.group"))}</th><th class="num">${esc(t("round.took"))}</th>
      <th class="num">${esc(t("screen.perhead"))}</th></tr></thead><tbody>${rows.map(g => `<tr><td>${g.rank}. ${esc(g.group)}</td>
      <td class="num">${g.tookPart} / ${g.registered}</td><td class="num">${g.meanPerHead}</td></tr>`).join("")}</tbody></table>`;
    tables.innerHTML = table(t("screen.districts"), b.districts) + table(t("screen.units"), b.units);
    tables.className = "boards";
    section.hidden = false;
  } catch { /* nothing to add */ }
}
