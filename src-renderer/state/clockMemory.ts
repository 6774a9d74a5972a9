/**
 * How the learner left each session's clock (playing or paused, and how fast), so a reopened
 * session resumes as it was left. UI state only, kept in this browser profile's localStorage
 * beside the sessions; a session with no record (from before, or another profile) starts at 1×.
 */
import { SPEEDS, type Speed } from './uiStore';

const KEY = 'hybridlab.clock';
/** Sessions remembered; the oldest are forgotten first. */
const KEEP = 50;

export interface ClockSetting {
  playing: boolean;
  speed: Speed;
}

type Stored = Record<string, ClockSetting & { t: number }>;

function read(storage: Storage): Stored {
  try {
    const v = JSON.parse(storage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Stored) : {};
  } catch {
    return {};
  }
}

export function recallClock(session: string, storage: Storage = localStorage): ClockSetting | undefined {
  const v = read(storage)[session];
  if (!v || typeof v.playing !== 'boolean' || !SPEEDS.includes(v.speed)) return undefined;
  return { playing: v.playing, speed: v.speed };
}

export function rememberClock(
  session: string,
  setting: ClockSetting,
  storage: Storage = localStorage,
  wallMs: number = Date.now(),
): void {
  const all = read(storage);
  all[session] = { ...setting, t: wallMs };
  const kept = Object.entries(all)
    .sort((a, b) => b[1].t - a[1].t)
    .slice(0, KEEP);
  try {
    storage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // A full or unavailable store only costs the resume-as-left nicety: the clock starts at 1×.
  }
}
