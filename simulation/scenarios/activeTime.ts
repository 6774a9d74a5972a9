/**
 * Time as the learner spends it. The engine cannot read the wall clock, so whoever drives a run (the
 * renderer, the command-line runner) passes a wall-clock stamp with each learner action. Stamps are
 * metadata kept beside the journal: they never reach the lab, so a replay rebuilds the same lab
 * whatever they say. Active time adds up the gaps between stamps and leaves out every gap longer
 * than the idle limit (the learner was away, not working).
 */

/** A gap between two actions longer than this is idle time, not counted. */
export const IDLE_GAP_MS = 5 * 60_000;

export interface WallStamp {
  /** Wall-clock time, milliseconds since the epoch. */
  ms: number;
  /** Length of the learner's journal once the stamped action was recorded. */
  entry: number;
  kind: 'start' | 'action' | 'hint' | 'end';
}

/**
 * Active wall-clock time: the sum of the gaps between consecutive stamps, up to the first `end`
 * stamp, leaving out gaps over the idle limit (and clocks set back). With `nowMs` and no end yet,
 * the time since the last stamp counts too, unless it is already idle.
 */
export function activeMs(stamps: readonly WallStamp[], nowMs?: number): number {
  let total = 0;
  let last: number | undefined;
  let ended = false;
  for (const s of stamps) {
    if (last !== undefined) total += countable(s.ms - last);
    last = s.ms;
    if (s.kind === 'end') {
      ended = true;
      break;
    }
  }
  if (!ended && nowMs !== undefined && last !== undefined) total += countable(nowMs - last);
  return total;
}

function countable(gap: number): number {
  return Number.isFinite(gap) && gap > 0 && gap <= IDLE_GAP_MS ? gap : 0;
}

/**
 * Checks stamps read from a file: every field present and sensible, in order.
 * @public Unused on main; kept for the scenarios' owner (issue 10) to use or remove.
 */
export function stampErrors(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path}: expected a list of wall-clock stamps`];
  const errors: string[] = [];
  let entry = 0;
  value.forEach((s: unknown, i) => {
    const p = `${path}[${i}]`;
    if (typeof s !== 'object' || s === null) return void errors.push(`${p}: expected an object`);
    const x = s as Record<string, unknown>;
    if (typeof x.ms !== 'number' || !Number.isFinite(x.ms))
      errors.push(`${p}.ms: expected milliseconds since the epoch`);
    if (typeof x.entry !== 'number' || !Number.isInteger(x.entry) || x.entry < entry)
      errors.push(`${p}.entry: expected a journal position of at least ${entry}`);
    else entry = x.entry;
    if (!['start', 'action', 'hint', 'end'].includes(x.kind as string))
      errors.push(`${p}.kind: expected "start", "action", "hint" or "end"`);
  });
  return errors.slice(0, 5);
}
