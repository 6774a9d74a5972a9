/**
 * whoami.exe: the console user's access token — its name (default), UPN, distinguished name, and
 * the USER / GROUPS / PRIVILEGES tables (`/user`, `/groups`, `/priv`, `/all`) in whoami's table
 * layout: a title underlined with dashes, columns as wide as their widest cell, each header
 * underlined with `=`. Reads the token the host built at sign-in (windows/logonToken.ts).
 */
import type { ConsoleLine } from '../../../windows/hostState';
import type { LogonToken } from '../../../windows/logonToken';
import { out } from '../../shell/psError';
import { done, type CommandDef } from '../types';

function table(title: string, headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' ')
      .trimEnd();
  return [
    '',
    title,
    '-'.repeat(title.length),
    '',
    line(headers),
    widths.map((w) => '='.repeat(w)).join(' '),
    ...rows.map(line),
  ];
}

function userTable(t: LogonToken): string[] {
  return table('USER INFORMATION', ['User Name', 'SID'], [[t.user, t.sid]]);
}

function groupsTable(t: LogonToken): string[] {
  return table(
    'GROUP INFORMATION',
    ['Group Name', 'Type', 'SID', 'Attributes'],
    t.groups.map((g) => [g.name, g.type, g.sid, g.attributes]),
  );
}

function privTable(t: LogonToken): string[] {
  return table(
    'PRIVILEGES INFORMATION',
    ['Privilege Name', 'Description', 'State'],
    t.privileges.map((p) => [p.name, p.description, p.enabled ? 'Enabled' : 'Disabled']),
  );
}

const CLAIMS = [
  '',
  'USER CLAIMS INFORMATION',
  '-----------------------',
  '',
  'User claims unknown.',
  '',
  'Kerberos support for Dynamic Access Control on this device has been disabled.',
];

function invalid(arg: string): ConsoleLine[] {
  return [
    { kind: 'error', text: `ERROR: Invalid argument/option - '${arg}'.` },
    { kind: 'error', text: 'Type "WHOAMI /?" for usage.' },
  ];
}

const SINGLE = ['/upn', '/fqdn'];
const TABLES = ['/user', '/groups', '/priv'];

export const whoami: CommandDef = {
  name: 'whoami',
  run: ({ host, shell, cmd }) => {
    const user = host.consoles[shell].user.toLowerCase();
    const args = cmd.args.map((a) => a.text);
    const flags = args.map((a) => a.toLowerCase().replace(/^-/, '/'));
    const bad = flags.findIndex((f) => !SINGLE.includes(f) && !TABLES.includes(f) && f !== '/all');
    if (bad >= 0) return done(invalid(args[bad] ?? ''));
    // /upn, /fqdn and /all stand alone; /user, /groups and /priv combine.
    const alone = flags.findIndex((f) => SINGLE.includes(f) || f === '/all');
    if (alone >= 0 && flags.length > 1) {
      const second = flags.findIndex((_, i) => i !== alone);
      return done(invalid(args[Math.max(alone, second)] ?? ''));
    }
    if (flags.length === 0) return done(out(user));
    const t = host.token;
    if (!t) {
      return done([{ kind: 'error', text: 'ERROR: Unable to get the access token of the current user.' }]);
    }
    if (flags[0] === '/upn') return done(out(t.upn));
    if (flags[0] === '/fqdn') return done(out(t.dn));
    const want = flags[0] === '/all' ? [...TABLES, '/claims'] : flags;
    const lines: string[] = [];
    if (want.includes('/user')) lines.push(...userTable(t), '');
    if (want.includes('/groups')) lines.push(...groupsTable(t), '');
    if (want.includes('/priv')) lines.push(...privTable(t), '');
    if (want.includes('/claims')) lines.push(...CLAIMS);
    return done(out(...lines));
  },
};
