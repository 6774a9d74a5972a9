/**
 * What a learner saw as the answer to an action: a console's output, an SSPR error page and its
 * code, a PC's sign-in message, an error notice in a portal, an ADUC message box. Read from the
 * learner's view right after the action (the same view the UI renders), so the debrief can quote
 * the lab's own words with the time they appeared. Pure; a replay records the same observations.
 */
import type { JournalCommand } from '../faults/commands';
import type { LearnerView } from '../lab/projection';
import { maskConsoleLine } from './describe';

interface Base {
  /** Lab time of the action. */
  at: number;
  /** Position of the action in the learner's journal. */
  entry: number;
}

export type Observation = Base &
  (
    | {
        kind: 'console';
        host: string;
        shell: 'cmd' | 'powershell';
        /** The line as typed, credentials masked. */
        line: string;
        output: string[];
        /** The console answered with an error line. */
        error: boolean;
      }
    | { kind: 'sspr'; code?: string; heading?: string; text: string }
    | { kind: 'signin'; host: string; text: string; cached?: boolean }
    | { kind: 'portal'; surface: 'admin' | 'myaccount' | 'aduc'; text: string }
  );

/** At most this many output lines of one command are kept. */
const MAX_OUTPUT = 60;

/** The console lines a command added (what scrolled past after the prompt line). */
function consoleOutput(
  before: LearnerView,
  after: LearnerView,
  host: string,
  shell: 'cmd' | 'powershell',
): { output: string[]; error: boolean } {
  const b = before.consoles[host]?.[shell].transcript ?? [];
  const a = after.consoles[host]?.[shell].transcript ?? [];
  // `cls` empties the screen: then everything on it is new.
  const start = a.length >= b.length ? b.length : 0;
  const added = a.slice(start).filter((l) => l.kind !== 'input');
  return {
    output: added
      .map((l) => l.text)
      .slice(0, MAX_OUTPUT)
      .map((t) => t.replace(/\s+$/, '')),
    error: added.some((l) => l.kind === 'error'),
  };
}

export function observe(
  command: JournalCommand,
  before: LearnerView,
  after: LearnerView,
  at: number,
  entry: number,
): Observation[] {
  const base = { at, entry };
  switch (command.type) {
    case 'console.exec': {
      const { output, error } = consoleOutput(before, after, command.host, command.shell);
      return [
        {
          ...base,
          kind: 'console',
          host: command.host,
          shell: command.shell,
          line: maskConsoleLine(command.line),
          output,
          error,
        },
      ];
    }
    case 'portal.sspr': {
      const p = after.browser.sspr;
      if (p.page === 'error')
        return [{ ...base, kind: 'sspr', code: p.code, heading: p.heading, text: p.technical }];
      const text = 'error' in p ? p.error : undefined;
      return text ? [{ ...base, kind: 'sspr', text }] : [];
    }
    case 'desktop.signIn':
    case 'desktop.changePassword': {
      const d = after.desktops[command.host];
      if (!d) return [];
      if (d.message) return [{ ...base, kind: 'signin', host: command.host, text: d.message }];
      if (d.banner) return [{ ...base, kind: 'signin', host: command.host, text: d.banner, cached: true }];
      return [];
    }
    case 'portal.admin': {
      const n = after.adminCenter.notice;
      return n && n.level === 'error' ? [{ ...base, kind: 'portal', surface: 'admin', text: n.text }] : [];
    }
    case 'portal.myaccount': {
      const p = after.browser.myAccount.page as { error?: string; add?: { error?: string } };
      const text = p.error ?? p.add?.error;
      return text ? [{ ...base, kind: 'portal', surface: 'myaccount', text }] : [];
    }
    case 'aduc.action': {
      const r = after.aduc?.lastResult;
      const was = before.aduc?.lastResult?.id;
      return r && r.id !== was && !r.ok && r.message
        ? [{ ...base, kind: 'portal', surface: 'aduc', text: r.message }]
        : [];
    }
    default:
      return [];
  }
}

/** Commands whose answer is worth looking at (everything but the clock and looking around). */
export function observable(command: JournalCommand): boolean {
  return [
    'console.exec',
    'portal.sspr',
    'desktop.signIn',
    'desktop.changePassword',
    'portal.admin',
    'portal.myaccount',
    'aduc.action',
  ].includes(command.type);
}
