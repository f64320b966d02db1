// Whether a venue's network will do for a live contest, from what /check measured. The thresholds, and why these
// numbers, are in docs/protocol.md ("Checking a venue's network"): a phone unlocks its answer buttons half a round
// trip after a question opens (at most 1 s later), so the round trip is answering time lost and, on stage, fairness.
export const LIMITS = {
  goodP95Ms: 250, // at most ~125 ms of lost answering time at the opening: not noticeable
  fairP95Ms: 800, // up to ~400 ms lost: a quick contest still works, a buzz-in round on it is unfair
  lostShareBad: 0.05, // more than 1 probe in 20 unanswered: answers would be retried and arrive late
  dropsBad: 2, // the connection fell twice in the check: phones would show "reconnecting" during questions
  clockNoteMs: 2000, // a device clock this far off is corrected by the pages, but worth fixing
};

/** The p-th percentile (0-100) of numbers, nearest rank. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
}

/**
 * The verdict on a check: level "good", "fair" or "bad", and the reasons as i18n keys with their values.
 * trips: round trips in ms; sent: probes sent; drops: connections lost during the check; connected: ever connected;
 * offsetMs: the server's clock minus this device's, from the shortest trip.
 */
export function verdict({ connected, trips, sent, drops, offsetMs }) {
  const reasons = [];
  const notes = Math.abs(offsetMs ?? 0) > LIMITS.clockNoteMs ? [{ key: "check.note.clock", vars: { s: (Math.abs(offsetMs) / 1000).toFixed(1) } }] : [];
  if (!connected) return { level: "bad", reasons: [{ key: "check.why.noSocket" }], notes };
  if (trips.length === 0) return { level: "bad", reasons: [{ key: "check.why.noReply" }], notes };
  const p95 = percentile(trips, 95);
  const lost = Math.max(0, sent - trips.length);
  let level = "good";
  const worse = (to, key, vars = {}) => { reasons.push({ key, vars }); if (to === "bad" || level === "good") level = to; };
  if (p95 > LIMITS.fairP95Ms) worse("bad", "check.why.slow", { ms: Math.round(p95) });
  else if (p95 > LIMITS.goodP95Ms) worse("fair", "check.why.slowish", { ms: Math.round(p95) });
  if (drops >= LIMITS.dropsBad) worse("bad", "check.why.drops", { n: drops });
  else if (drops > 0) worse("fair", "check.why.drop");
  if (lost > sent * LIMITS.lostShareBad) worse("bad", "check.why.lost", { n: lost, of: sent });
  else if (lost > 0) worse("fair", "check.why.lostFew", { n: lost, of: sent });
  return { level, reasons, notes };
}
