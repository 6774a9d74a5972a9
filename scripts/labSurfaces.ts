/**
 * What `npm run lab -- run` prints of the learner's surfaces (scripts/lab.ts): an SSPR page as its
 * text, any surface's learner view for `--show <surface>` at the end, and the `instructor` lines of
 * a script (inject, clear, schedule, unschedule), which become the lab's own fault commands, the
 * ones the instructor panel and the classroom send, so the journal holds them as the instructor's.
 */
import { parseDuration, formatShortDateTime } from '../simulation/core/time';
import type { SsprPage } from '../simulation/cloud/ssprFlow';
import type { LearnerView } from '../simulation/lab/projection';

/** The surfaces `--show` knows, with what each prints. */
export const SURFACES: Readonly<Record<string, string>> = {
  onprem: 'admin center: Password reset › On-premises integration',
  audit: 'admin center: audit log (newest 20)',
  signins: 'admin center: sign-in logs (newest 20)',
  users: 'admin center: Users',
  'events:<host>[:<log>]': "a host's Event Viewer (Application unless a log is named; newest 20)",
  wizard: 'the Entra Connect wizard on the sync server',
  phone: "the user's phone (texts, Authenticator)",
};

/** The lines of an SSPR page as the learner reads it (an error page with its Details block). */
export function ssprText(p: SsprPage): string[] {
  switch (p.page) {
    case 'error':
      return [p.heading, ...(p.details ? [p.details] : []), p.technical, ...(p.followUp ? [p.followUp] : [])];
    case 'done':
      return [p.heading, p.text];
    case 'userId':
      return ['Get back into your account', ...(p.error ? [p.error] : [])];
    case 'verify':
      return [
        `verification step ${p.step} of ${p.required}`,
        ...(p.message ? [p.message] : []),
        ...(p.error ? [p.error] : []),
      ];
    case 'newPassword':
      return ['Choose a new password', ...(p.error ? [p.error] : [])];
    default:
      return [p.page];
  }
}

const when = (v: LearnerView, ms: number) => formatShortDateTime(ms, v.time.offsetMinutes);

/** A surface's learner view for `--show`: the lines printed and the data behind them (for --json). */
export function showSurface(
  v: LearnerView,
  spec: string,
): { ok: true; lines: string[]; data: unknown } | { ok: false; error: string } {
  const [name = '', host, log = 'Application'] = spec.split(':');
  const a = v.adminCenter;
  switch (name.toLowerCase()) {
    case 'onprem': {
      const o = a.passwordReset.onPremises;
      return {
        ok: true,
        data: o,
        lines: [
          o.status,
          `Enable password write back for synced users: ${o.writeback ? 'Yes' : 'No'}`,
          `Allow users to unlock accounts without resetting their password: ${o.allowUnlock ? 'Yes' : 'No'}`,
          ...o.agents.map((x) => `${x.name}: ${x.status}`),
        ],
      };
    }
    case 'audit': {
      const rows = a.audit.slice(-20).reverse();
      return {
        ok: true,
        data: rows,
        lines: rows.map(
          (e) =>
            `${when(v, e.time)} | ${e.service} | ${e.activity} | ${e.status}${e.statusReason ? ` (${e.statusReason})` : ''} | target ${e.target ?? '-'} | by ${e.initiatedBy}`,
        ),
      };
    }
    case 'signins': {
      const rows = a.signIns.slice(-20).reverse();
      return {
        ok: true,
        data: rows,
        lines: rows.map(
          (e) =>
            `${when(v, e.time)} | ${e.user} | ${e.application} | ${e.status}${e.errorCode ? ` | ${e.errorCode} ${e.failureReason ?? ''}` : ''}`,
        ),
      };
    }
    case 'users':
      return {
        ok: true,
        data: a.users,
        lines: a.users.map(
          (u) =>
            `${u.upn} | ${u.displayName} | ${u.source} | ${u.accountEnabled ? 'enabled' : 'disabled'}${u.lastSync ? ` | last sync ${u.lastSync}` : ''}`,
        ),
      };
    case 'events': {
      const tools = host ? v.tools[host.toLowerCase()] : undefined;
      if (!tools) return { ok: false, error: `--show events:<host>: no host ${JSON.stringify(host ?? '')}` };
      const entries = Object.entries(tools.events).find(([k]) => k.toLowerCase() === log.toLowerCase());
      if (!entries)
        return {
          ok: false,
          error: `--show events:${host}:<log>: expected one of ${Object.keys(tools.events).join(', ')}`,
        };
      const rows = entries[1].slice(0, 20);
      return {
        ok: true,
        data: rows,
        lines: rows.map(
          (e) =>
            `${e.display} | ${e.level} | ${e.source} | ${e.eventId} | ${e.message.split(/\r?\n/)[0] ?? ''}`,
        ),
      };
    }
    case 'wizard':
      return { ok: true, data: v.connect ?? null, lines: [JSON.stringify(v.connect?.page ?? null)] };
    case 'phone': {
      const phones = Object.values(v.phones);
      return {
        ok: true,
        data: phones,
        lines: phones.flatMap((p) => [
          `${p.label} (${p.number})${p.powered ? '' : ' off'}`,
          ...p.sms.map((s) => `  text from ${s.from} at ${s.at}: ${s.text}`),
          ...p.authenticator.accounts.map((x) => `  Authenticator: ${x.account} (${x.tenant})`),
          ...p.authenticator.pending.map(
            (x) => `  sign-in request for ${x.account}${x.number ? ` (${x.number})` : ''}`,
          ),
        ]),
      };
    }
  }
  return {
    ok: false,
    error: `--show: unknown surface ${JSON.stringify(spec)}; expected one of ${Object.keys(SURFACES).join(', ')}`,
  };
}

/**
 * An `instructor …` script line as the lab's fault command: `instructor inject L7 [name=value…]`,
 * `instructor clear L7`, `instructor schedule L6 after 10m`, `instructor unschedule L6`.
 * Undefined when the line is not an instructor line.
 */
export function instructorCommand(
  line: string,
  now: number,
): { ok: true; command: Record<string, unknown> } | { ok: false; error: string } | undefined {
  const words = line.trim().split(/\s+/);
  if ((words[0] ?? '').toLowerCase() !== 'instructor') return undefined;
  const [, verb = '', fault = '', ...rest] = words;
  const usage =
    'instructor: expected "inject <fault> [name=value…]", "clear <fault>", "schedule <fault> after <duration>" or "unschedule <fault>"';
  if (!fault) return { ok: false, error: usage };
  switch (verb.toLowerCase()) {
    case 'inject': {
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq <= 0)
          return { ok: false, error: `instructor inject: expected name=value, got ${JSON.stringify(p)}` };
        params[p.slice(0, eq)] = p.slice(eq + 1);
      }
      return {
        ok: true,
        command: { type: 'fault.inject', fault, ...(rest.length ? { params } : {}) },
      };
    }
    case 'clear':
    case 'unschedule':
      if (rest.length) return { ok: false, error: usage };
      return { ok: true, command: { type: `fault.${verb.toLowerCase()}`, fault } };
    case 'schedule': {
      const ms =
        rest[0]?.toLowerCase() === 'after' && rest.length === 2 ? parseDuration(rest[1] ?? '') : undefined;
      if (ms === undefined)
        return {
          ok: false,
          error: `instructor schedule: expected "after <duration>" (e.g. 10m), got ${JSON.stringify(rest.join(' '))}`,
        };
      return { ok: true, command: { type: 'fault.schedule', fault, at: now + ms } };
    }
  }
  return { ok: false, error: usage };
}
