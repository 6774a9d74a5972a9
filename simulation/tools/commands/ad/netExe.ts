/**
 * net.exe on every host: `net accounts` (the domain's password and lockout policy, reference §6.6
 * and L11), `net user` (the full account record, resets), `net group` (domain groups), `net start`
 * / `net stop` (services, by name or display name) and `net helpmsg`. Domain requests go to the DC
 * found by the locator over SAMR (TCP 445) with the console user's credentials; on a member they
 * start with "The request will be processed at a domain controller…". Texts are Windows Server
 * 2022's.
 */
import type { PasswordPolicy } from '../../../core/directoryTypes';
import type { UserRecord } from '../../../roles/dcDirectoryReads';
import type { DirErrorCode, DirOp } from '../../../net/appMessages';
import type { Script } from '../../../proc/script';
import type { WindowsHostContext } from '../../../windows/hostState';
import { out } from '../../shell/psError';
import { dirCall, findDc, type DcSession } from './adClient';
import type { GroupRecord } from './adProps';
import { psDate } from '../../shell/psFormat';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';
import { HELPMSG, NET, netError, systemError } from './netText';
import { netStart, netStop } from './netServices';

const RULE = '-'.repeat(79);

function columns(names: readonly string[], width = 25, perLine = 3): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += perLine)
    lines.push(
      names
        .slice(i, i + perLine)
        .map((n) => n.padEnd(width))
        .join('')
        .trimEnd(),
    );
  return lines;
}

const isDc = (h: WindowsHostContext) => h.kind === 'dc';

function processedAt(host: WindowsHostContext): string[] {
  return isDc(host)
    ? []
    : [`The request will be processed at a domain controller for domain ${host.domainFqdn}.`, ''];
}

type Conn = { ok: true; dc: DcSession } | { ok: false; lines: string[] };

function* connect(host: WindowsHostContext): Script<Conn> {
  const found = yield* findDc(host);
  return found.ok ? { ok: true, dc: found.dc } : { ok: false, lines: systemError(1355) };
}

/** A SAMR request; the net.exe text for the failures every subcommand shares. */
function* samr<T>(
  host: WindowsHostContext,
  dc: DcSession,
  op: DirOp,
): Script<{ ok: true; value: T } | { ok: false; error: DirErrorCode | 'unreachable'; lines: string[] }> {
  const r = yield* dirCall(host, dc, 'samr', op);
  if (r.ok) return { ok: true, value: r.result as T };
  const lines =
    r.error === 'unreachable'
      ? systemError(53)
      : r.error === 'invalid-credentials'
        ? systemError(1326)
        : r.error === 'access-denied' || r.error === 'restricted-sam'
          ? systemError(5)
          : r.error === 'constraint'
            ? netError(2245)
            : r.error === 'already-exists' || r.error === 'name-in-use'
              ? netError(2224)
              : r.error === 'invalid-name'
                ? netError(2202)
                : netError(2221);
  return { ok: false, error: r.error, lines };
}

// --- net accounts ----------------------------------------------------------------------------------

function accountsLines(p: PasswordPolicy, role: string): string[] {
  const row = (label: string, value: string | number) => `${label.padEnd(54)}${value}`;
  return [
    row('Force user logoff how long after time expires?:', 'Never'),
    row('Minimum password age (days):', p.minAgeDays),
    row('Maximum password age (days):', p.maxAgeDays === 0 ? 'Unlimited' : p.maxAgeDays),
    row('Minimum password length:', p.minLength),
    row('Length of password history maintained:', p.historyCount === 0 ? 'None' : p.historyCount),
    row('Lockout threshold:', p.lockoutThreshold === 0 ? 'Never' : p.lockoutThreshold),
    row('Lockout duration (minutes):', p.lockoutDurationMinutes),
    row('Lockout observation window (minutes):', p.lockoutWindowMinutes),
    row('Computer role:', role),
    NET.ok,
    '',
  ];
}

/** `/minpwlen:8`-style options of net accounts, as a policy change (undefined when there are none). */
function accountsPatch(flags: readonly string[]): Partial<PasswordPolicy> | 'bad' | undefined {
  const patch: Partial<PasswordPolicy> = {};
  for (const f of flags) {
    const m = /^\/([a-z]+)(?::(.*))?$/i.exec(f);
    if (!m) return 'bad';
    const name = (m[1] ?? '').toLowerCase();
    const raw = (m[2] ?? '').toLowerCase();
    if (name.startsWith('dom')) continue;
    const n = raw === 'unlimited' || raw === 'never' ? 0 : Number(raw);
    if (!Number.isInteger(n) || n < 0) return 'bad';
    if (name === 'minpwlen') patch.minLength = n;
    else if (name === 'maxpwage') patch.maxAgeDays = n;
    else if (name === 'minpwage') patch.minAgeDays = n;
    else if (name === 'uniquepw') patch.historyCount = n;
    else if (name === 'lockoutthreshold') patch.lockoutThreshold = n;
    else if (name === 'lockoutduration') patch.lockoutDurationMinutes = n;
    else if (name === 'lockoutwindow') patch.lockoutWindowMinutes = n;
    else if (name !== 'forcelogoff') return 'bad';
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

function* accounts(env: CommandEnv, flags: string[], domain: boolean): Script<CommandResult> {
  const host = env.host;
  const head = domain ? processedAt(host) : [];
  const patch = accountsPatch(flags);
  if (patch === 'bad') return { lines: out(...NET.usage) };
  const c = yield* connect(host);
  if (!c.ok) return { lines: out(...head, ...c.lines) };
  if (patch) {
    const r = yield* samr<unknown>(host, c.dc, { op: 'setPolicy', patch });
    return { lines: out(...head, ...(r.ok ? [NET.ok, ''] : r.lines)) };
  }
  const r = yield* samr<PasswordPolicy>(host, c.dc, { op: 'getPolicy' });
  if (!r.ok) return { lines: out(...head, ...r.lines) };
  // A member shows the domain policy as Group Policy applied it to its own accounts.
  const role = domain || isDc(host) ? 'PRIMARY' : host.kind === 'sync' ? 'SERVER' : 'WORKSTATION';
  return { lines: out(...head, ...accountsLines(r.value, role)) };
}

// --- net user ------------------------------------------------------------------------------------------

const LOCAL_ACCOUNTS = ['Administrator', 'DefaultAccount', 'Guest', 'WDAGUtilityAccount'];

function groupColumn(label: string, names: readonly string[], none: string): string[] {
  const items = names.map((n) => `*${n.slice(0, 20)}`.padEnd(22));
  if (items.length === 0) return [`${label.padEnd(29)}${none}`.trimEnd()];
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += 2)
    lines.push(`${(i === 0 ? label : '').padEnd(29)}${items.slice(i, i + 2).join('')}`.trimEnd());
  return lines;
}

function userLines(
  u: UserRecord,
  groups: readonly GroupRecord[],
  policy: PasswordPolicy | undefined,
  offset: number,
): string[] {
  const row = (label: string, value: string | number = '') => `${label.padEnd(29)}${value}`.trimEnd();
  const date = (ms: number) => psDate(ms, offset);
  const scopeOf = (name: string) => groups.find((g) => g.name.toLowerCase() === name.toLowerCase())?.scope;
  const local = u.memberOf.filter((g) => scopeOf(g) === 'DomainLocal');
  const global = u.memberOf.filter((g) => scopeOf(g) !== 'DomainLocal');
  const active = !u.enabled ? 'No' : u.lockedOut ? 'Locked' : 'Yes';
  const minAge = (policy?.minAgeDays ?? 0) * 86_400_000;
  return [
    row('User name', u.sam),
    row('Full Name', u.displayName),
    row('Comment', u.description),
    row("User's comment"),
    row('Country/region code', '000 (System Default)'),
    row('Account active', active),
    row('Account expires', 'Never'),
    '',
    row('Password last set', u.pwdLastSet > 0 ? date(u.pwdLastSet) : 'Never'),
    row('Password expires', u.passwordExpires !== undefined ? date(u.passwordExpires) : 'Never'),
    row('Password changeable', u.pwdLastSet > 0 ? date(u.pwdLastSet + minAge) : 'Never'),
    row('Password required', 'Yes'),
    row('User may change password', u.cannotChangePassword ? 'No' : 'Yes'),
    '',
    row('Workstations allowed', 'All'),
    row('Logon script'),
    row('User profile'),
    row('Home directory'),
    row('Last logon', u.lastLogon > 0 ? date(u.lastLogon) : 'Never'),
    '',
    row('Logon hours allowed', 'All'),
    '',
    ...groupColumn('Local Group Memberships', local, ''),
    ...groupColumn('Global Group memberships', global, '*None'),
    NET.ok,
    '',
  ];
}

function* user(env: CommandEnv, words: string[], flags: string[], domain: boolean): Script<CommandResult> {
  const host = env.host;
  const viaDomain = domain || isDc(host);
  const [name, password] = words;
  const head = domain ? processedAt(host) : [];
  if (!viaDomain) {
    // The member's own SAM: the lab keeps only its built-in accounts.
    if (name === undefined)
      return {
        lines: out(
          '',
          `User accounts for \\\\${host.hostname}`,
          '',
          RULE,
          ...columns(LOCAL_ACCOUNTS),
          NET.ok,
          '',
        ),
      };
    if (
      !flags.some((f) => /^\/add$/i.test(f)) &&
      !LOCAL_ACCOUNTS.some((a) => a.toLowerCase() === name.toLowerCase())
    )
      return { lines: out(...netError(2221)) };
    return {
      lines: out(
        `HybridLab: local accounts of ${host.hostname} are not simulated; use /domain for domain accounts.`,
      ),
    };
  }
  if (password === '*') return { lines: [...out(...head), { kind: 'error', text: NET.noPasswordPrompt }] };
  const c = yield* connect(host);
  if (!c.ok) return { lines: out(...head, ...c.lines) };
  if (name === undefined) {
    const r = yield* samr<UserRecord[]>(host, c.dc, { op: 'listUsers' });
    if (!r.ok) return { lines: out(...head, ...r.lines) };
    const server = isDc(host) ? c.dc.name : `${c.dc.name}.${host.domainFqdn}`;
    const names = r.value.map((u) => u.sam).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    return {
      lines: out(...head, '', `User accounts for \\\\${server}`, '', RULE, ...columns(names), NET.ok, ''),
    };
  }
  if (flags.some((f) => /^\/add$/i.test(f))) {
    // SAMR creates the account in CN=Users with the name as its CN, then sets the password and
    // enables it: all or nothing (a refused password leaves no account behind).
    const fullName = flags.find((f) => /^\/fullname:/i.test(f))?.slice('/fullname:'.length);
    const r = yield* samr<UserRecord>(host, c.dc, {
      op: 'createUser',
      user: {
        sam: name,
        name,
        password: password ?? '',
        enabled: true,
        displayName: fullName?.replace(/^"|"$/g, '') || undefined,
      },
    });
    return { lines: out(...head, ...(r.ok ? [NET.ok, ''] : r.lines)) };
  }
  const active = flags.find((f) => /^\/active(:|$)/i.test(f));
  if (password !== undefined || active) {
    if (password !== undefined) {
      const r = yield* samr<unknown>(host, c.dc, {
        op: 'setPassword',
        identity: name,
        newPassword: password,
        mode: 'admin-reset',
      });
      if (!r.ok) return { lines: out(...head, ...r.lines) };
    }
    if (active) {
      const enabled = !/:no$/i.test(active);
      const r = yield* samr<unknown>(host, c.dc, { op: 'setUser', identity: name, patch: { enabled } });
      if (!r.ok) return { lines: out(...head, ...r.lines) };
    }
    return { lines: out(...head, NET.ok, '') };
  }
  const r = yield* samr<UserRecord>(host, c.dc, { op: 'getUser', identity: name });
  if (!r.ok) return { lines: out(...head, ...r.lines) };
  const g = yield* samr<GroupRecord[]>(host, c.dc, { op: 'listGroups' });
  const p = yield* samr<PasswordPolicy>(host, c.dc, { op: 'getPolicy' });
  return {
    lines: out(
      ...head,
      ...userLines(r.value, g.ok ? g.value : [], p.ok ? p.value : undefined, env.offsetMinutes),
    ),
  };
}

// --- net group ------------------------------------------------------------------------------------------

function* group(env: CommandEnv, words: string[], flags: string[], domain: boolean): Script<CommandResult> {
  const host = env.host;
  if (!domain && !isDc(host)) return { lines: out(...netError(3515)) };
  const head = domain ? processedAt(host) : [];
  const c = yield* connect(host);
  if (!c.ok) return { lines: out(...head, ...c.lines) };
  const g = yield* samr<GroupRecord[]>(host, c.dc, { op: 'listGroups' });
  if (!g.ok) return { lines: out(...head, ...g.lines) };
  const server = isDc(host) ? c.dc.name : `${c.dc.name}.${host.domainFqdn}`;
  const globals = g.value.filter((x) => x.scope !== 'DomainLocal');
  const [name, ...members] = words;
  if (name === undefined) {
    const names = globals
      .map((x) => `*${x.name}`)
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    return { lines: out(...head, '', `Group Accounts for \\\\${server}`, '', RULE, ...names, NET.ok, '') };
  }
  const target = globals.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!target) return { lines: out(...head, ...netError(2220)) };
  const add = flags.some((f) => /^\/add$/i.test(f));
  const del = flags.some((f) => /^\/del(ete)?$/i.test(f));
  if (add || del) {
    if (members.length === 0) return { lines: out(...NET.usage) };
    for (const m of members) {
      const r = yield* samr<unknown>(host, c.dc, { op: 'groupMember', group: target.name, identity: m, add });
      if (!r.ok) return { lines: out(...head, ...r.lines) };
    }
    return { lines: out(...head, NET.ok, '') };
  }
  const u = yield* samr<UserRecord[]>(host, c.dc, { op: 'listUsers' });
  if (!u.ok) return { lines: out(...head, ...u.lines) };
  const names = u.value.filter((x) => target.members.includes(x.guid)).map((x) => x.sam);
  return {
    lines: out(
      ...head,
      `Group name     ${target.name}`,
      `Comment        ${target.description ?? ''}`.trimEnd(),
      '',
      'Members',
      '',
      RULE,
      ...columns(names),
      NET.ok,
      '',
    ),
  };
}

// --- net ------------------------------------------------------------------------------------------------------

const NOT_SIMULATED = [
  'computer',
  'config',
  'continue',
  'file',
  'localgroup',
  'pause',
  'session',
  'share',
  'statistics',
  'time',
  'use',
  'view',
  'help',
  'print',
];

export const net: CommandDef = {
  name: 'net',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const sub = (args[0] ?? '').toLowerCase();
    const rest = args.slice(1);
    const flags = rest.filter((a) => a.startsWith('/'));
    const words = rest.filter((a) => !a.startsWith('/'));
    const domain = flags.some((f) => /^\/do(m(a(in?)?)?)?$/i.test(f));
    const yes = flags.some((f) => /^\/y(es)?$/i.test(f));
    switch (sub) {
      case 'accounts':
        return { kind: 'script', script: () => accounts(env, flags, domain) };
      case 'user':
      case 'users':
        return { kind: 'script', script: () => user(env, words, flags, domain) };
      case 'group':
        return { kind: 'script', script: () => group(env, words, flags, domain) };
      case 'start':
        return { kind: 'done', result: netStart(env, words.join(' ') || undefined) };
      case 'stop':
        return { kind: 'done', result: netStop(env, words.join(' ') || undefined, yes) };
      case 'helpmsg': {
        const n = Number(words[0]);
        const text = HELPMSG[n];
        return done(out('', text ?? `${words[0] ?? ''} is not a valid Windows network message number.`, ''));
      }
      default:
        if (NOT_SIMULATED.includes(sub))
          return done([{ kind: 'error', text: `HybridLab: 'net ${sub}' is not simulated in this lab.` }]);
        return done(out(...NET.usage));
    }
  },
};
