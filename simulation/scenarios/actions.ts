/**
 * Learner actions as one line of text: the syntax reference solutions, the headless runner and the
 * tests use (documented in docs/scenario-format.md). Parsing is pure and total; an action becomes
 * a lab command only when it runs, because some values come from what the learner sees at that
 * moment (the CAPTCHA on the page, the code in the last SMS, the number to type in Authenticator).
 *
 *   advance 30m | next                         clock steps (30s, 5m, 2h, 1d, 1h30m)
 *   cmd pc2: ipconfig /all                     a line in a host's Command Prompt
 *   ps sync01: Start-Service ADSync            a line in a host's Windows PowerShell
 *   admin sspr.properties enabled=All          an Entra admin center action (key=value fields)
 *   wizard setFeature feature=passwordWriteback enabled=true
 *   sspr open | sspr submitUser userId=michael.brown@laborhub.store captcha=@captcha
 *   myaccount signIn upn=michael.brown@laborhub.store password="Welcome@2026"
 *   signin pc2 michael.brown Welcome@2026      PC sign-in; `signout pc2`
 *   changepw pc2 michael.brown <old> <new>     forced change or Ctrl+Alt+Del > Change a password
 *   service start|stop|restart sync01 ADSync   the Services console
 *   power on|off dc01 | restart dc01 | cable cut|restore pc2
 *   phone scan phone-michael code=@activationCode | phone approve phone-michael | phone deny …
 *   phone power on|off phone-michael
 *   firewall allow host=*.servicebus.windows.net port=443 | firewall delete <rule id>
 *   syncmanager password=… ldapSignAndEncrypt=true
 *   aduc unlock user=michael.brown             Active Directory Users and Computers on the DC
 *   view admin sspr.onprem | view events sync01 Application | view tool dc01 services
 *                                              looks at a page (an admin center blade, an Event
 *                                              Viewer log, a server tool); changes nothing
 *
 * Values: `true`/`false`, integers and `[…]` JSON arrays are typed; "double quotes" keep a string
 * as written (so "123456" stays text). Macros starting with `@` are read from the learner's view
 * when the action runs: @captcha, @smsCode (Michael's phone; @smsCode:<phone> for another),
 * @activationCode, @pushNumber. Parsing and formatting are here; running an action (its macros read
 * from the view) is actionResolve.ts.
 */
import { parseDuration } from '../core/time';

export type ActionValue = string | number | boolean | string[] | number[];

export type ParsedAction =
  | { kind: 'advance'; ms: number }
  | { kind: 'next' }
  | { kind: 'console'; host: string; shell: 'cmd' | 'powershell'; line: string }
  | {
      kind: 'portal';
      surface: 'admin' | 'wizard' | 'sspr' | 'myaccount';
      action: string;
      fields: Record<string, ActionValue>;
    }
  | { kind: 'signin'; host: string; user: string; password: string }
  | { kind: 'signout'; host: string }
  | { kind: 'changepw'; host: string; user: string; oldPassword: string; newPassword: string }
  | { kind: 'service'; op: 'start' | 'stop' | 'restart'; host: string; service: string }
  | { kind: 'power'; on: boolean; host: string }
  | { kind: 'restart'; host: string }
  | { kind: 'cable'; connected: boolean; host: string }
  | { kind: 'phone'; op: 'scan' | 'approve' | 'deny'; phone: string; fields: Record<string, ActionValue> }
  | { kind: 'phonePower'; phone: string; on: boolean }
  | { kind: 'firewall'; op: 'allow'; fields: Record<string, ActionValue> }
  | { kind: 'firewall'; op: 'delete'; id: string }
  | { kind: 'syncmanager'; fields: Record<string, ActionValue> }
  | { kind: 'aduc'; action: string; fields: Record<string, ActionValue> }
  | { kind: 'view'; surface: 'admin' | 'events' | 'tool'; host?: string; target: string };

export type ActionParse = { ok: true; action: ParsedAction } | { ok: false; error: string };

/** Splits on spaces, keeping "double-quoted" parts together (quotes removed, \" and \\ escaped). */
export function splitWords(
  text: string,
): { ok: true; words: { text: string; quoted: boolean }[] } | { ok: false; error: string } {
  const words: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    let word = '';
    let quoted = false;
    while (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
      if (text[i] === '"') {
        quoted = true;
        i++;
        let closed = false;
        while (i < text.length) {
          const c = text[i] as string;
          if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
            word += text[i + 1];
            i += 2;
            continue;
          }
          if (c === '"') {
            closed = true;
            i++;
            break;
          }
          word += c;
          i++;
        }
        if (!closed) return { ok: false, error: `unclosed double quote at column ${i}` };
      } else {
        word += text[i];
        i++;
      }
    }
    words.push({ text: word, quoted });
  }
  return { ok: true, words };
}

function typed(w: { text: string; quoted: boolean }): ActionValue {
  if (w.quoted) return w.text;
  if (w.text === 'true') return true;
  if (w.text === 'false') return false;
  if (/^-?\d{1,15}$/.test(w.text)) return Number(w.text);
  if (w.text.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(w.text);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
      if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
    } catch {
      // not JSON: keep the text
    }
  }
  return w.text;
}

function fieldsOf(
  words: { text: string; quoted: boolean }[],
): { ok: true; fields: Record<string, ActionValue> } | { ok: false; error: string } {
  const fields: Record<string, ActionValue> = {};
  for (const w of words) {
    const eq = w.text.indexOf('=');
    if (eq <= 0 || (w.quoted && !/^[A-Za-z]\w*=/.test(w.text)))
      return { ok: false, error: `expected key=value, got "${w.text}"` };
    const key = w.text.slice(0, eq);
    if (!/^[A-Za-z][\w]*$/.test(key)) return { ok: false, error: `"${key}" is not a field name` };
    if (key === '__proto__' || key === 'constructor' || key === 'prototype')
      return { ok: false, error: `"${key}" is not a field name` };
    fields[key] = typed({ text: w.text.slice(eq + 1), quoted: w.quoted });
  }
  return { ok: true, fields };
}

type Surface = 'admin' | 'wizard' | 'sspr' | 'myaccount';

/** Parses one action line. Never throws. */
export function parseAction(line: string): ActionParse {
  if (typeof line !== 'string') return { ok: false, error: 'expected a line of text' };
  const text = line.trim();
  if (text.length === 0) return { ok: false, error: 'empty action' };
  if (text.length > 4096) return { ok: false, error: 'action longer than 4096 characters' };
  const console = /^(cmd|ps|powershell)\s+([\w.-]+)\s*:\s?(.*)$/i.exec(text);
  if (console) {
    const [, shell, host, rest] = console as unknown as [string, string, string, string];
    return {
      ok: true,
      action: {
        kind: 'console',
        host: host.toLowerCase(),
        shell: shell.toLowerCase() === 'cmd' ? 'cmd' : 'powershell',
        line: rest,
      },
    };
  }
  const split = splitWords(text);
  if (!split.ok) return split;
  const [head, ...rest] = split.words;
  const verb = head?.text.toLowerCase() ?? '';
  const word = (i: number) => rest[i]?.text;
  const need = (n: number, usage: string): string | undefined =>
    rest.length < n ? `"${verb}" needs ${usage}` : undefined;
  switch (verb) {
    case 'advance': {
      const ms = parseDuration(word(0) ?? '');
      if (ms === undefined || ms <= 0 || rest.length !== 1)
        return {
          ok: false,
          error: `advance: expected a duration such as 30s, 5m, 2h or 1d, got "${rest.map((w) => w.text).join(' ')}"`,
        };
      return { ok: true, action: { kind: 'advance', ms } };
    }
    case 'next':
      return rest.length
        ? { ok: false, error: 'next takes nothing after it' }
        : { ok: true, action: { kind: 'next' } };
    case 'admin':
    case 'wizard':
    case 'sspr':
    case 'myaccount': {
      const action = word(0);
      if (!action)
        return {
          ok: false,
          error: `${verb}: expected an action name, e.g. "${verb} ${verb === 'admin' ? 'sspr.properties enabled=All' : 'open'}"`,
        };
      const f = fieldsOf(rest.slice(1));
      if (!f.ok) return { ok: false, error: `${verb} ${action}: ${f.error}` };
      return {
        ok: true,
        action: { kind: 'portal', surface: verb as Surface, action, fields: f.fields },
      };
    }
    case 'signin': {
      const e = need(3, 'a PC, a user and a password: signin pc2 michael.brown "Welcome@2026"');
      if (e || rest.length > 3)
        return { ok: false, error: e ?? 'signin: too many words (quote a password with spaces)' };
      return {
        ok: true,
        action: {
          kind: 'signin',
          host: (word(0) ?? '').toLowerCase(),
          user: word(1) ?? '',
          password: word(2) ?? '',
        },
      };
    }
    case 'signout':
      if (rest.length !== 1) return { ok: false, error: 'signout: expected a PC, e.g. signout pc2' };
      return { ok: true, action: { kind: 'signout', host: (word(0) ?? '').toLowerCase() } };
    case 'changepw': {
      if (rest.length !== 4)
        return { ok: false, error: 'changepw: expected a PC, a user, the old and the new password' };
      return {
        ok: true,
        action: {
          kind: 'changepw',
          host: (word(0) ?? '').toLowerCase(),
          user: word(1) ?? '',
          oldPassword: word(2) ?? '',
          newPassword: word(3) ?? '',
        },
      };
    }
    case 'service': {
      const op = word(0)?.toLowerCase();
      if ((op !== 'start' && op !== 'stop' && op !== 'restart') || rest.length !== 3)
        return {
          ok: false,
          error:
            'service: expected start|stop|restart, a host and a service name, e.g. service start sync01 ADSync',
        };
      return {
        ok: true,
        action: { kind: 'service', op, host: (word(1) ?? '').toLowerCase(), service: word(2) ?? '' },
      };
    }
    case 'power': {
      const op = word(0)?.toLowerCase();
      if ((op !== 'on' && op !== 'off') || rest.length !== 2)
        return { ok: false, error: 'power: expected on|off and a host' };
      return { ok: true, action: { kind: 'power', on: op === 'on', host: (word(1) ?? '').toLowerCase() } };
    }
    case 'restart':
      if (rest.length !== 1) return { ok: false, error: 'restart: expected a host' };
      return { ok: true, action: { kind: 'restart', host: (word(0) ?? '').toLowerCase() } };
    case 'cable': {
      const op = word(0)?.toLowerCase();
      if ((op !== 'cut' && op !== 'restore') || rest.length !== 2)
        return { ok: false, error: 'cable: expected cut|restore and a host' };
      return {
        ok: true,
        action: { kind: 'cable', connected: op === 'restore', host: (word(1) ?? '').toLowerCase() },
      };
    }
    case 'phone': {
      const op = word(0)?.toLowerCase();
      if (op === 'power') {
        const onOff = word(1)?.toLowerCase();
        if ((onOff !== 'on' && onOff !== 'off') || rest.length !== 3)
          return { ok: false, error: 'phone power: expected on|off and a phone' };
        return { ok: true, action: { kind: 'phonePower', on: onOff === 'on', phone: word(2) ?? '' } };
      }
      if (op !== 'scan' && op !== 'approve' && op !== 'deny')
        return { ok: false, error: 'phone: expected scan, approve, deny or power' };
      if (!word(1))
        return { ok: false, error: `phone ${op}: expected a phone, e.g. phone ${op} phone-michael` };
      const f = fieldsOf(rest.slice(2));
      if (!f.ok) return { ok: false, error: `phone ${op}: ${f.error}` };
      return { ok: true, action: { kind: 'phone', op, phone: word(1) ?? '', fields: f.fields } };
    }
    case 'firewall': {
      const op = word(0)?.toLowerCase();
      if (op === 'delete') {
        if (rest.length !== 2) return { ok: false, error: 'firewall delete: expected a rule id' };
        return { ok: true, action: { kind: 'firewall', op: 'delete', id: word(1) ?? '' } };
      }
      if (op !== 'allow') return { ok: false, error: 'firewall: expected allow or delete' };
      const f = fieldsOf(rest.slice(1));
      if (!f.ok) return { ok: false, error: `firewall allow: ${f.error}` };
      return { ok: true, action: { kind: 'firewall', op: 'allow', fields: f.fields } };
    }
    case 'syncmanager': {
      const f = fieldsOf(rest);
      if (!f.ok) return { ok: false, error: `syncmanager: ${f.error}` };
      return { ok: true, action: { kind: 'syncmanager', fields: f.fields } };
    }
    case 'aduc': {
      const action = word(0);
      if (!action)
        return { ok: false, error: 'aduc: expected an action name, e.g. "aduc unlock user=michael.brown"' };
      const f = fieldsOf(rest.slice(1));
      if (!f.ok) return { ok: false, error: `aduc ${action}: ${f.error}` };
      return { ok: true, action: { kind: 'aduc', action, fields: f.fields } };
    }
    case 'view': {
      const surface = word(0)?.toLowerCase();
      if (surface === 'admin' && rest.length === 2)
        return { ok: true, action: { kind: 'view', surface, target: word(1) ?? '' } };
      if ((surface === 'events' || surface === 'tool') && rest.length === 3)
        return {
          ok: true,
          action: { kind: 'view', surface, host: (word(1) ?? '').toLowerCase(), target: word(2) ?? '' },
        };
      return {
        ok: false,
        error:
          'view: expected "view admin <blade>", "view events <host> <log>" or "view tool <host> <tool>", e.g. view events sync01 Application',
      };
    }
    default:
      return {
        ok: false,
        error: `unknown action "${head?.text ?? ''}" (expected advance, next, cmd, ps, admin, wizard, sspr, myaccount, signin, signout, changepw, service, power, restart, cable, phone, firewall, syncmanager, aduc or view)`,
      };
  }
}

/**
 * Formats an action back to text (for timelines and reports).
 * @public Unused on main; kept for the scenarios' owner (issue 10) to use or remove.
 */
export function actionText(a: ParsedAction): string {
  switch (a.kind) {
    case 'console':
      return `${a.shell === 'cmd' ? 'cmd' : 'ps'} ${a.host}: ${a.line}`;
    case 'advance':
      return `advance ${Math.round(a.ms / 1000)}s`;
    default:
      return JSON.stringify(a);
  }
}
