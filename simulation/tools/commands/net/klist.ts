/**
 * klist: `tickets`, `tgt`, `get <SPN>` and `purge` for the logon session (`-li 0x3e7` for the
 * computer's own), a TGT asked of the KDC with the host's clock, and the failures the Kerberos
 * package reports when the KDC cannot be reached or refuses (clock skew, lockout, a disabled
 * account, a broken secure channel).
 */
import { hashString } from '../../../core/hash';
import type { Script } from '../../../proc/script';
import { resolveName } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { expandTabs } from './nslookup';
import { civil, pad2 } from '../time/calendar';
import { askKdc, ownDomain, samOfLogon, verifyChannel, type KdcFailure } from './dcExchanges';
import { scripted, seeded, type Stopwatch } from '../stopwatch';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';
import { toLocal } from '../time/hostTime';
import { TIMINGS } from '../../../core/timings';

/** klist's failure texts: the Kerberos package's substatus and the NTSTATUS behind it. */
export const KLIST_FAILURES = {
  noServers: {
    sub: 0x51f,
    nt: 0xc000005e,
    text: 'There are currently no logon servers available to service the logon request.',
  },
  /** STATUS_TIME_DIFFERENCE_AT_DC (ERROR_TIME_SKEW 0x576): what Kerberos returns for KRB_AP_ERR_SKEW. */
  skew: {
    sub: 0x576,
    nt: 0xc0000133,
    text: 'The time at the Primary Domain Controller is different than the time at the Backup Domain Controller or member server by too large an amount.',
  },
  logonFailure: {
    sub: 0x52e,
    nt: 0xc000006d,
    text: 'The attempted logon is invalid. This is either due to a bad username or authentication information.',
  },
  locked: {
    sub: 0x775,
    nt: 0xc0000234,
    text: 'The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested.',
  },
  disabled: {
    sub: 0x533,
    nt: 0xc0000072,
    text: 'The referenced account is currently disabled and may not be logged on to.',
  },
  expired: { sub: 0x532, nt: 0xc0000071, text: "The user's password has expired." },
  noSuchUser: { sub: 0x525, nt: 0xc0000064, text: 'The specified account does not exist.' },
  /** KDC_ERR_S_PRINCIPAL_UNKNOWN: no account holds that SPN. */
  noSpn: {
    sub: 0x6fb,
    nt: 0xc000018b,
    text: 'The SAM database on the Windows Server does not have a computer account for this workstation trust relationship.',
  },
  noSession: {
    sub: 0,
    nt: 0xc000005f,
    text: 'A specified logon session does not exist. It may already have been terminated.',
  },
} as const;

type KlistFailure = (typeof KLIST_FAILURES)[keyof typeof KLIST_FAILURES];

const KLIST_USAGE = [
  '',
  'Usage: klist [-lh <LogonId.HighPart>] [-li <LogonId.LowPart>] tickets | tgt | purge | sessions | kcd_cache | get | add_bind | query_bind | purge_bind',
  '',
];

function klistFailureOf(why: KdcFailure): KlistFailure {
  switch (why) {
    case 'KRB_AP_ERR_SKEW':
      return KLIST_FAILURES.skew;
    case 'KDC_ERR_PREAUTH_FAILED':
      return KLIST_FAILURES.logonFailure;
    case 'locked':
      return KLIST_FAILURES.locked;
    case 'disabled':
      return KLIST_FAILURES.disabled;
    case 'KDC_ERR_KEY_EXPIRED':
      return KLIST_FAILURES.expired;
    case 'KDC_ERR_C_PRINCIPAL_UNKNOWN':
      return KLIST_FAILURES.noSuchUser;
    default:
      return KLIST_FAILURES.noServers;
  }
}

function klistFailed(f: KlistFailure, api?: string): string[] {
  const nt = `0x${f.nt.toString(16)}`;
  return [
    ...(api
      ? [`Error calling API LsaCallAuthenticationPackage (${api} substatus): 0x${f.sub.toString(16)}`, '']
      : []),
    `klist failed with ${nt}/${f.nt | 0}: ${f.text}`,
    '',
  ];
}

const TGT_FLAGS = '0x40e10000 -> forwardable renewable initial pre_authent name_canonicalize';
const DC_TICKET_FLAGS = '0x40a50000 -> forwardable renewable pre_authent ok_as_delegate name_canonicalize';
const TICKET_FLAGS = '0x40a10000 -> forwardable renewable pre_authent name_canonicalize';
const AES = 'AES-256-CTS-HMAC-SHA1-96';
const TGT_LIFETIME = TIMINGS.kerberosTgtLifetime;
const RENEW_LIFETIME = TIMINGS.kerberosRenewLifetime;

interface Ticket {
  client: string;
  server: string;
  flags: string;
  start: number;
  primary: boolean;
  kdc: string;
}

function klistTime(env: CommandEnv, labTime: number): string {
  const c = civil(toLocal(env, labTime));
  return `${c.month}/${c.day}/${c.year} ${c.hour}:${pad2(c.minute)}:${pad2(c.second)} (local)`;
}

function ticketLines(env: CommandEnv, i: number, t: Ticket, realm: string): string[] {
  return [
    `#${i}>\tClient: ${t.client} @ ${realm}`,
    `\tServer: ${t.server} @ ${realm}`,
    `\tKerbTicket Encryption Type: ${AES}`,
    `\tTicket Flags ${t.flags}`,
    `\tStart Time: ${klistTime(env, t.start)}`,
    `\tEnd Time:   ${klistTime(env, t.start + TGT_LIFETIME)}`,
    `\tRenew Time: ${klistTime(env, t.start + RENEW_LIFETIME)}`,
    `\tSession Key Type: ${AES}`,
    `\tCache Flags: ${t.primary ? '0x1 -> PRIMARY' : '0'}`,
    `\tKdc Called: ${t.kdc}`,
    '',
  ].map(expandTabs);
}

/** The logon session's TGT: obtained at sign-in, renewed every ten hours since (lab time). */
function tgtStart(env: CommandEnv): number {
  const since = env.host.bootedAt;
  return since + Math.floor(Math.max(0, env.now - since) / TGT_LIFETIME) * TGT_LIFETIME;
}

const KNOWN_SERVICES = [
  'host',
  'cifs',
  'ldap',
  'http',
  'wsman',
  'rpcss',
  'restrictedkrbhost',
  'termsrv',
  'dns',
  'gc',
];

interface KlistArgs {
  verb: 'tickets' | 'tgt' | 'purge' | 'get';
  spn?: string;
  machine: boolean;
  logonId?: string;
}

function parseKlist(env: CommandEnv): KlistArgs | undefined {
  const args = env.cmd.args.map((a) => a.text);
  let verb: KlistArgs['verb'] | undefined;
  let spn: string | undefined;
  let logonId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = (args[i] as string).toLowerCase();
    if (a === '-li' || a === '-lh') {
      const v = args[++i];
      if (!v || !/^(0x)?[0-9a-f]+$/i.test(v)) return undefined;
      if (a === '-li') logonId = v.toLowerCase().replace(/^0x/, '');
    } else if (!verb && (a === 'tickets' || a === 'tgt' || a === 'purge')) verb = a;
    else if (!verb && a === 'get') {
      verb = 'get';
      spn = args[++i];
      if (!spn) return undefined;
    } else return undefined;
  }
  return { verb: verb ?? 'tickets', spn, machine: logonId === '3e7', logonId };
}

function* klistScript(env: CommandEnv, a: KlistArgs, sw: Stopwatch): Script<CommandResult> {
  const host = env.host;
  const logonId = `0x${(0x30000 + (seeded(`${host.id}:${host.bootedAt}`) % 0xcffff)).toString(16)}`;
  const head = ['', `Current LogonId is 0:${logonId}`];
  if (a.logonId !== undefined && !a.machine && a.logonId !== logonId.slice(2))
    return { lines: out(...head, ...klistFailed(KLIST_FAILURES.noSession)) };
  if (a.machine) head.push('Targeted LogonId is 0:0x3e7');
  if (a.verb === 'purge')
    return { lines: out(...head, ...['\tDeleting all tickets:', '\tTicket(s) purged!', ''].map(expandTabs)) };

  const realm = host.domainFqdn.toUpperCase();
  const api = a.verb === 'tgt' ? 'RetrieveTkt' : 'GetTicket';
  let kdc = yield* askKdc(env, sw);
  // The computer's own session authenticates with the machine password.
  if (kdc.ok && a.machine) {
    const check = yield* verifyChannel(host, kdc.dc);
    if (check !== 'ok') kdc = { ok: false, why: check === 'denied' ? 'KDC_ERR_PREAUTH_FAILED' : 'no-answer' };
  }
  if (!kdc.ok) {
    if (a.verb === 'tickets') return { lines: out(...head, '', 'Cached Tickets: (0)', '') };
    return { lines: out(...head, ...klistFailed(klistFailureOf(kdc.why), api)) };
  }
  const dc = kdc.dc;
  const kdcName = `${dc.dcName}.${dc.domain}`;
  const client = a.machine ? `${host.hostname}$` : samOfLogon(host.consoles[env.shell].user).toLowerCase();
  const tgt: Ticket = {
    client,
    server: `krbtgt/${realm}`,
    flags: TGT_FLAGS,
    start: tgtStart(env),
    primary: true,
    kdc: kdcName,
  };
  const tickets = [tgt];
  const lines = [...head];
  if (a.verb === 'tgt') {
    const key = hashString(`${host.id}:${tgt.start}`) + hashString(`${tgt.start}:${host.id}`);
    const kv = (label: string, value: string) => `${label.padEnd(19)}: ${value}`.trimEnd();
    lines.push(
      '',
      'Cached TGT:',
      '',
      kv('ServiceName', 'krbtgt'),
      kv('TargetName (SPN)', 'krbtgt'),
      kv('ClientName', client),
      kv('DomainName', realm),
      kv('TargetDomainName', realm),
      kv('AltTargetDomainName', realm),
      kv('Ticket Flags', TGT_FLAGS),
      kv('Session Key', `KeyType 0x12 - ${AES}`),
      kv('', `KeyLength 32 - ${(key.match(/../g) ?? []).join(' ')}`),
      kv('StartTime', klistTime(env, tgt.start)),
      kv('EndTime', klistTime(env, tgt.start + TGT_LIFETIME)),
      kv('RenewUntil', klistTime(env, tgt.start + RENEW_LIFETIME)),
      kv('TimeSkew', ' + 0:00 minute(s)'),
      kv('EncodedTicket', `(size: ${1100 + (seeded(host.id) % 200)})`),
      '',
    );
    return { lines: out(...lines) };
  }
  if (a.verb === 'get') {
    const spn = a.spn as string;
    const m = /^([A-Za-z][\w-]*)\/([^/\s:]+)(?::\d+)?(\/.*)?$/.exec(spn);
    const service = m?.[1]?.toLowerCase();
    let ok = false;
    let toDc = false;
    if (m && service === 'krbtgt') ok = ownDomain(host, m[2] ?? '');
    else if (m && service && KNOWN_SERVICES.includes(service)) {
      const target = m[2] as string;
      const r = yield* resolveName(host, target);
      const fqdn = r.ok ? r.name.toLowerCase() : '';
      ok = r.ok && (fqdn.endsWith(`.${host.domainFqdn.toLowerCase()}`) || !target.includes('.'));
      toDc = r.ok && r.ip === dc.dcIp;
    }
    if (!ok) return { lines: out(...head, ...klistFailed(KLIST_FAILURES.noSpn, api)) };
    lines.push(`A ticket to ${spn} has been retrieved successfully.`);
    if (service !== 'krbtgt')
      tickets.push({
        client,
        server: spn,
        flags: toDc ? DC_TICKET_FLAGS : TICKET_FLAGS,
        start: env.now + sw.ms,
        primary: false,
        kdc: kdcName,
      });
  }
  lines.push('', `Cached Tickets: (${tickets.length})`, '');
  tickets.forEach((t, i) => lines.push(...ticketLines(env, i, t, realm)));
  return { lines: out(...lines) };
}

export const klist: CommandDef = {
  name: 'klist',
  run: (env) => {
    const a = parseKlist(env);
    if (!a) return done(out(...KLIST_USAGE));
    return scripted((sw) => klistScript(env, a, sw));
  },
};
