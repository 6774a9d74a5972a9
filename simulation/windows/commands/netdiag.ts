/**
 * Network and domain diagnostics on the Windows hosts: the DNS client (Get-/Set-
 * DnsClientServerAddress, Clear-DnsClientCache, Resolve-DnsName, `netsh interface ip`),
 * Test-NetConnection, nltest, klist, gpupdate, Test-ComputerSecureChannel and
 * Reset-ComputerMachinePassword.
 *
 * Everything that needs the network runs as a script over the lab's cable: names through the
 * resolver, the DC through the locator (DNS SRV + CLDAP ping), Kerberos AS exchanges with the
 * host's own clock, Netlogon's secure-channel check with the host's machine secret, TCP probes.
 * So what a command prints follows from routes, DNS, firewalls, services, clocks and secrets; no
 * command looks for a particular fault. Texts learners will meet on real systems are named
 * constants; the ones not confirmed by the reference say so.
 */
import { hashString } from '../../core/hash';
import { DAY, HOUR, MINUTE } from '../../core/time';
import type { KrbErrorCode, LdapPingReply } from '../../net/appMessages';
import { isIpv4, isPrivate, sameSubnet, type Ipv4 } from '../../net/ipv4';
import type { DnsRecord, DnsType, ExchangeResult } from '../../net/packets';
import { exchange, type Script, type ScriptOp, type ScriptResume } from '../../proc/script';
import { TIMINGS } from '../../lab/timings';
import { reverseName } from '../../roles/dnsServer';
import { locateDc } from '../dcLocator';
import type { NewEvent } from '../eventlog';
import {
  effectiveIpConfig,
  hasUsableAddress,
  hostTime,
  type ConsoleLine,
  type NicRuntime,
  type WindowsHostContext,
} from '../hostState';
import { qualify, queryServer, resolveName } from '../resolver';
import { bindParams, type BoundValue, type CmdletSpec } from '../shell/bind';
import { formatPsError, out, warning } from '../shell/psError';
import { expandTabs } from './nslookup';
import {
  done,
  type CommandDef,
  type CommandEnv,
  type CommandOutcome,
  type CommandResult,
  type HostEffect,
} from './types';

// --- Shared helpers (w32tm.ts uses them too) -----------------------------------------------------

type Step<T> = Generator<ScriptOp, T, ScriptResume>;

/** How much lab time a running script has used so far (exchanges are answered without delay). */
export interface Stopwatch {
  ms: number;
}

/** Passes a script's steps through, adding up the sleeps and the timeouts it waited out. */
export function* timed<T>(sw: Stopwatch, gen: Step<T>): Step<T> {
  let step = gen.next();
  while (!step.done) {
    const op = step.value;
    const resume: ScriptResume = yield op;
    if (op.op === 'sleep') sw.ms += op.ms;
    else if (!resume || resume.status === 'timeout') sw.ms += op.timeoutMs;
    step = gen.next(resume);
  }
  return step.value;
}

/** A command that runs on the network, with a stopwatch for the lab time it takes. */
export function scripted(run: (sw: Stopwatch) => Script<CommandResult>): CommandOutcome {
  return {
    kind: 'script',
    script: () => {
      const sw: Stopwatch = { ms: 0 };
      return timed(sw, run(sw));
    },
  };
}

/** A stable number from text (ids and jitter that look random but replay identically). */
export function seeded(text: string): number {
  return parseInt(hashString(text).slice(0, 8), 16);
}

/** The host's own clock (epoch ms) this far into a running command. */
export function hostClock(env: CommandEnv, sw?: Stopwatch): number {
  return hostTime(env.host, env.now + (sw?.ms ?? 0));
}

export interface Civil {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** Calendar fields of a local time (epoch ms already shifted into the time zone), without Date. */
export function civil(local: number): Civil {
  const days = Math.floor(local / DAY);
  const rem = local - days * DAY;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    weekday: (((days % 7) + 7 + 4) % 7) as number,
    hour: Math.floor(rem / HOUR),
    minute: Math.floor((rem % HOUR) / MINUTE),
    second: Math.floor((rem % MINUTE) / 1000),
    ms: rem % 1000,
  };
}

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** What a PowerShell cmdlet's runtime error record needs beyond the typed line. */
export interface PsFailure {
  message: string;
  category: string;
  target: string;
  exception: string;
  errorId: string;
}

/** A cmdlet's runtime error: it points at the whole command, as PowerShell prints it. */
export function cmdletFailure(env: CommandEnv, command: string, f: PsFailure): ConsoleLine[] {
  return formatPsError({
    command,
    message: f.message,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: f.category,
    target: f.target,
    activity: `[${command}]`,
    exception: f.exception,
    errorId: f.errorId,
  });
}

/** Binds a cmdlet's parameters; the error lines PowerShell prints when that fails. */
export function bound(env: CommandEnv, spec: CmdletSpec): Record<string, BoundValue> | ConsoleLine[] {
  const b = bindParams(spec, env.cmd.args, env.line);
  return b.ok ? b.values : formatPsError(b.error);
}

/** Errors of the parameter binder that bindParams has no case for (ValidateSet, parameter sets). */
export function binderError(
  env: CommandEnv,
  command: string,
  className: string,
  message: string,
  errorId: string,
  at?: { at: number; end: number },
  category = 'InvalidArgument',
  exception = 'ParameterBindingException',
): ConsoleLine[] {
  return formatPsError({
    command,
    message,
    line: env.line,
    column: at ? at.at : env.cmd.nameAt,
    length: at ? Math.max(1, at.end - at.at) : env.cmd.source.length,
    category,
    target: ':',
    activity: `[${command}]`,
    exception,
    errorId: `${errorId},${className}`,
  });
}

/** The token that carried a parameter's value (for the ~~~ under it). */
export function valueToken(env: CommandEnv, value: string): { at: number; end: number } | undefined {
  return env.cmd.args.find((t) => t.text === value && !/^-[A-Za-z]/.test(t.text));
}

/** A PowerShell string[] argument as typed: `a,b`, `"a","b"`, `("a","b")` or `@("a","b")`. */
export function listOf(v: BoundValue | undefined): string[] {
  if (v === undefined || typeof v === 'boolean' || typeof v === 'number')
    return v === undefined ? [] : [String(v)];
  const items = Array.isArray(v) ? v : [v];
  return items
    .flatMap((s) => s.replace(/^@?\(/, '').replace(/\)$/, '').split(','))
    .map((s) => s.trim().replace(/^['"]|['"]$/g, ''))
    .filter((s) => s.length > 0);
}

function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** A PowerShell table with fixed column widths (the last column runs on), as the format views print it. */
function fixedTable(
  cols: readonly { label: string; width: number; right?: boolean }[],
  rows: string[][],
): string[] {
  const cell = (v: string, i: number) => {
    const c = cols[i] as { width: number; right?: boolean };
    if (i === cols.length - 1) return v;
    const t = v.length > c.width ? `${v.slice(0, c.width - 3)}...` : v;
    return c.right ? t.padStart(c.width) : t.padEnd(c.width);
  };
  const line = (vals: string[]) => vals.map(cell).join(' ').trimEnd();
  return [
    line(cols.map((c) => c.label)),
    line(cols.map((c) => '-'.repeat(c.label.length))),
    ...rows.map(line),
  ];
}

/** Format-List lines; a value that is a list continues under the first one. */
function listBlock(rows: readonly (readonly [string, string | string[]])[]): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines: string[] = [];
  for (const [k, v] of rows) {
    const vals = Array.isArray(v) ? v : [v];
    lines.push(`${k.padEnd(width)} : ${vals[0] ?? ''}`.trimEnd());
    for (const more of vals.slice(1)) lines.push(`${' '.repeat(width + 3)}${more}`);
  }
  return lines;
}

/** `Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN`, as nltest writes a Win32 status. */
function status(code: number, name: string): string {
  return `Status = ${code} 0x${code.toString(16)} ${name}`;
}

const sourceIp = (host: WindowsHostContext): Ipv4 => effectiveIpConfig(host.nic).ip ?? '0.0.0.0';

/** Whether a name typed for "this domain" means the host's own domain (DNS or NetBIOS name). */
function ownDomain(host: WindowsHostContext, name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n === '' || n === host.domainFqdn.toLowerCase() || n === host.domainNetbios.toLowerCase();
}

/** The secure-channel check Netlogon makes with this host's machine password (TCP 445). */
function* verifyChannel(host: WindowsHostContext, dc: LdapPingReply): Step<'ok' | 'denied' | 'unreachable'> {
  const r = yield* exchange(
    {
      src: sourceIp(host),
      dst: dc.dcIp,
      transport: 'tcp',
      port: 445,
      body: { kind: 'app.netlogon.verify', computer: host.hostname, secret: host.machineSecret },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok' || r.body.kind !== 'app.netlogon.result') return 'unreachable';
  return r.body.ok ? 'ok' : 'denied';
}

/** Resetting the machine password on the DC (and so the secure channel), as an administrator. */
function* resetChannel(
  host: WindowsHostContext,
  dcIp: Ipv4,
  secret: number,
): Step<'ok' | 'ERROR_ACCESS_DENIED' | 'ERROR_LOGON_FAILURE' | 'unreachable'> {
  const r = yield* exchange(
    {
      src: sourceIp(host),
      dst: dcIp,
      transport: 'tcp',
      port: 445,
      body: {
        kind: 'app.netlogon.reset',
        computer: host.hostname,
        secret,
        admin: { user: host.logon.user, password: host.logon.password },
      },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok' || r.body.kind !== 'app.netlogon.result') return 'unreachable';
  if (r.body.ok) return 'ok';
  return r.body.status === 'ERROR_LOGON_FAILURE' ? 'ERROR_LOGON_FAILURE' : 'ERROR_ACCESS_DENIED';
}

/** The machine password a reset sets: the next version after the one this host holds. */
const nextSecret = (host: WindowsHostContext): number => host.machineSecret + 1;

export type KdcFailure =
  | 'no-network'
  | 'no-dc'
  | 'no-answer'
  | 'locked'
  | 'disabled'
  | Exclude<KrbErrorCode, 'KDC_ERR_CLIENT_REVOKED'>;

export type KdcOutcome = { ok: true; dc: LdapPingReply } | { ok: false; why: KdcFailure; dc?: LdapPingReply };

const samOfLogon = (user: string): string => user.split('\\').pop()?.split('@')[0] ?? user;

/**
 * Asks the domain's KDC for a TGT with the console user's credentials and the host's own clock,
 * as Windows does when a ticket is needed and none is cached.
 */
export function* askKdc(env: CommandEnv, sw: Stopwatch, located?: LdapPingReply): Step<KdcOutcome> {
  const host = env.host;
  if (!hasUsableAddress(host.nic)) return { ok: false, why: 'no-network' };
  let dc = located;
  if (!dc) {
    const loc = yield* locateDc(host, host.domainFqdn);
    if (!loc.ok) return { ok: false, why: 'no-dc' };
    dc = loc.dc;
  }
  const r = yield* exchange(
    {
      src: sourceIp(host),
      dst: dc.dcIp,
      transport: 'udp',
      port: 88,
      body: {
        kind: 'app.krb.asreq',
        user: samOfLogon(host.logon.user),
        password: host.logon.password,
        clientTime: hostClock(env, sw),
        workstation: host.hostname,
      },
    },
    TIMINGS.tcpConnectTimeout,
  );
  if (r.status !== 'ok') return { ok: false, why: 'no-answer', dc };
  if (r.body.kind === 'app.krb.asrep') return { ok: true, dc };
  if (r.body.kind !== 'app.krb.error') return { ok: false, why: 'no-answer', dc };
  const code = r.body.code;
  if (code === 'KDC_ERR_CLIENT_REVOKED') return { ok: false, why: r.body.detail ?? 'locked', dc };
  return { ok: false, why: code, dc };
}

// --- DNS client: Get-/Set-DnsClientServerAddress, Clear-DnsClientCache --------------------------

const LOOPBACK_ALIAS = 'Loopback Pseudo-Interface 1';
const LOOPBACK_V6_DNS = ['fec0:0:0:ffff::1', 'fec0:0:0:ffff::2', 'fec0:0:0:ffff::3'];

/** The DNS servers the adapter is set to use (typed in, static or from DHCP), cable or not. */
function adapterDns(nic: NicRuntime): Ipv4[] {
  if (nic.dnsOverride) return nic.dnsOverride;
  if (!nic.dhcpEnabled && nic.static) return nic.static.dnsServers;
  return nic.lease?.dnsServers ?? [];
}

/**
 * "Back to automatic": DHCP's servers on a DHCP adapter; none on a static one, because on Windows
 * the static DNS servers and the typed-in ones are one and the same setting.
 */
function resetDns(nic: NicRuntime): HostEffect {
  return { type: 'dns', servers: nic.dhcpEnabled ? null : [] };
}

interface DnsRow {
  alias: string;
  index: number;
  family: 'IPv4' | 'IPv6';
  servers: string[];
}

function dnsRows(host: WindowsHostContext): DnsRow[] {
  const nic = host.nic;
  return [
    { alias: nic.name, index: nic.ifIndex, family: 'IPv4', servers: adapterDns(nic) },
    { alias: nic.name, index: nic.ifIndex, family: 'IPv6', servers: [] },
    { alias: LOOPBACK_ALIAS, index: 1, family: 'IPv4', servers: [] },
    { alias: LOOPBACK_ALIAS, index: 1, family: 'IPv6', servers: LOOPBACK_V6_DNS },
  ];
}

function dnsTable(rows: DnsRow[]): ConsoleLine[] {
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(28)} ${b} ${c.padEnd(7)} ${d}`.trimEnd();
  return out(
    '',
    line('InterfaceAlias', 'Interface', 'Address', 'ServerAddresses'),
    line('', 'Index    ', 'Family', ''),
    line('--------------', '---------', '-------', '---------------'),
    ...rows.map((r) =>
      line(
        r.alias.length > 28 ? `${r.alias.slice(0, 25)}...` : r.alias,
        String(r.index).padStart(9),
        r.family,
        `{${r.servers.join(', ')}}`,
      ),
    ),
    '',
    '',
  );
}

const CIM_CLASS = 'MSFT_DNSClientServerAddress';

const getDnsSpec: CmdletSpec = {
  name: 'Get-DnsClientServerAddress',
  className: 'Get-DnsClientServerAddress',
  params: [
    { name: 'InterfaceAlias', type: 'strings', position: 0, aliases: ['ifAlias'] },
    { name: 'InterfaceIndex', type: 'strings', aliases: ['ifIndex'] },
    {
      name: 'AddressFamily',
      type: 'enum',
      values: ['IPv4', 'IPv6'],
      typeName: 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.DnsClientServerAddress.AddressFamily',
    },
    { name: 'CimSession', type: 'string', aliases: ['Session'] },
    { name: 'ThrottleLimit', type: 'int' },
    { name: 'AsJob', type: 'switch' },
  ],
};

/** The interfaces a -InterfaceAlias / -InterfaceIndex selection names, or the alias nothing matched. */
function selectInterfaces(
  host: WindowsHostContext,
  aliases: string[],
  indexes: string[],
): { rows: DnsRow[]; missing?: { by: 'InterfaceAlias' | 'InterfaceIndex'; value: string } } {
  let rows = dnsRows(host);
  for (const a of aliases) {
    if (!/[*?]/.test(a) && !rows.some((r) => r.alias.toLowerCase() === a.toLowerCase()))
      return { rows: [], missing: { by: 'InterfaceAlias', value: a } };
  }
  for (const i of indexes) {
    if (!rows.some((r) => String(r.index) === i.trim()))
      return { rows: [], missing: { by: 'InterfaceIndex', value: i } };
  }
  if (aliases.length > 0) rows = rows.filter((r) => aliases.some((a) => wildcard(a).test(r.alias)));
  if (indexes.length > 0) rows = rows.filter((r) => indexes.some((i) => String(r.index) === i.trim()));
  return { rows };
}

export const getDnsClientServerAddress: CommandDef = {
  names: ['get-dnsclientserveraddress'],
  kind: 'cmdlet',
  run: (env) => {
    const v = bound(env, getDnsSpec);
    if (Array.isArray(v)) return done(v);
    const sel = selectInterfaces(env.host, listOf(v.InterfaceAlias), listOf(v.InterfaceIndex));
    if (sel.missing) {
      const { by, value } = sel.missing;
      return done(
        cmdletFailure(env, getDnsSpec.name, {
          message: `No matching ${CIM_CLASS} objects found by CIM query for instances of the ROOT/StandardCimv2/${CIM_CLASS} class on the  CIM server: SELECT * FROM ${CIM_CLASS}  WHERE ((${by} ${by === 'InterfaceAlias' ? `LIKE '${value}'` : `= ${value}`})). Verify query parameters and retry.`,
          category: 'ObjectNotFound',
          target: `${CIM_CLASS}:String`,
          exception: 'CimJobException',
          errorId: `CmdletizationQuery_NotFound_${by},${getDnsSpec.name}`,
        }),
      );
    }
    const rows = v.AddressFamily ? sel.rows.filter((r) => r.family === v.AddressFamily) : sel.rows;
    return done(rows.length > 0 ? dnsTable(rows) : []);
  },
};

const setDnsSpec: CmdletSpec = {
  name: 'Set-DnsClientServerAddress',
  className: 'Set-DnsClientServerAddress',
  params: [
    { name: 'InterfaceAlias', type: 'strings', position: 0, aliases: ['ifAlias'] },
    { name: 'InterfaceIndex', type: 'strings', aliases: ['ifIndex'] },
    { name: 'ServerAddresses', type: 'strings', aliases: ['Addresses'] },
    { name: 'ResetServerAddresses', type: 'switch', aliases: ['ResetAddresses'] },
    { name: 'Validate', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    { name: 'CimSession', type: 'string', aliases: ['Session'] },
    { name: 'ThrottleLimit', type: 'int' },
    { name: 'AsJob', type: 'switch' },
    { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
    { name: 'Confirm', type: 'switch', aliases: ['cf'] },
  ],
};

/** Unconfirmed: the CIM provider's answer to an address that is not one (Windows System Error 87). */
export const SET_DNS_BAD_ADDRESS = 'The parameter is incorrect.';

export const setDnsClientServerAddress: CommandDef = {
  names: ['set-dnsclientserveraddress'],
  kind: 'cmdlet',
  run: (env) => {
    const v = bound(env, setDnsSpec);
    if (Array.isArray(v)) return done(v);
    const aliases = listOf(v.InterfaceAlias);
    const indexes = listOf(v.InterfaceIndex);
    if (aliases.length === 0 && indexes.length === 0) {
      return done(
        binderError(
          env,
          setDnsSpec.name,
          setDnsSpec.className,
          'Cannot process command because of one or more missing mandatory parameters: InterfaceAlias.',
          'MissingMandatoryParameter',
          { at: env.line.length, end: env.line.length + 1 },
        ),
      );
    }
    const sel = selectInterfaces(env.host, aliases, indexes);
    if (sel.missing) {
      const { by, value } = sel.missing;
      return done(
        cmdletFailure(env, setDnsSpec.name, {
          message: `No ${CIM_CLASS} objects found with property '${by}' equal to '${value}'.  Verify the value of the property and retry.`,
          category: 'ObjectNotFound',
          target: `${value}:${by === 'InterfaceAlias' ? 'String' : 'UInt32'}`,
          exception: 'CimJobException',
          errorId: `CmdletizationQuery_NotFound_${by},${setDnsSpec.name}`,
        }),
      );
    }
    const servers = listOf(v.ServerAddresses);
    const bad = servers.find((s) => !isIpv4(s));
    if (bad !== undefined) {
      return done(
        cmdletFailure(env, setDnsSpec.name, {
          message: SET_DNS_BAD_ADDRESS,
          category: 'InvalidArgument',
          target: `${CIM_CLASS}:ROOT/StandardCimv2/${CIM_CLASS}`.replace(/^(.{15}).*(.{15})$/, '$1...$2'),
          exception: 'CimException',
          errorId: `Windows System Error 87,${setDnsSpec.name}`,
        }),
      );
    }
    const adapter = sel.rows.some((r) => r.alias === env.host.nic.name);
    if (v.WhatIf) {
      return done(
        out(
          ...[...new Set(sel.rows.map((r) => r.alias))].map(
            (a) => `What if: Performing the operation "Set-DnsClientServerAddress" on target "${a}".`,
          ),
        ),
      );
    }
    if (!adapter) return done([]);
    if (v.ResetServerAddresses) return done([], [resetDns(env.host.nic)]);
    if (v.ServerAddresses !== undefined) return done([], [{ type: 'dns', servers }]);
    return done([]);
  },
};

export const clearDnsClientCache: CommandDef = {
  names: ['clear-dnsclientcache'],
  kind: 'cmdlet',
  run: (env) => {
    const v = bound(env, {
      name: 'Clear-DnsClientCache',
      className: 'Clear-DnsClientCache',
      params: [
        { name: 'CimSession', type: 'string', aliases: ['Session'] },
        { name: 'ThrottleLimit', type: 'int' },
        { name: 'AsJob', type: 'switch' },
        { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
        { name: 'Confirm', type: 'switch', aliases: ['cf'] },
      ],
    });
    if (Array.isArray(v)) return done(v);
    return done([], [{ type: 'flushDns' }]);
  },
};

// --- Resolve-DnsName ------------------------------------------------------------------------------

const RECORD_TYPES = [
  'UNKNOWN', 'A_AAAA', 'A', 'NS', 'MD', 'MF', 'CNAME', 'SOA', 'MB', 'MG', 'MR', 'NULL', 'WKS', 'PTR',
  'HINFO', 'MINFO', 'MX', 'TXT', 'RP', 'AFSDB', 'X25', 'ISDN', 'RT', 'AAAA', 'SRV', 'DNAME', 'OPT', 'DS',
  'RRSIG', 'NSEC', 'DNSKEY', 'DHCID', 'NSEC3', 'NSEC3PARAM', 'ANY', 'ALL', 'WINS',
] as const; // prettier-ignore

const RESOLVE_CLASS = 'Microsoft.DnsClient.Commands.ResolveDnsName';

const resolveSpec: CmdletSpec = {
  name: 'Resolve-DnsName',
  className: RESOLVE_CLASS,
  params: [
    { name: 'Name', type: 'string', position: 0, mandatory: true },
    {
      name: 'Type',
      type: 'enum',
      values: RECORD_TYPES,
      typeName: 'Microsoft.DnsClient.Commands.RecordType',
      position: 1,
    },
    { name: 'Server', type: 'strings' },
    ...['DnsOnly', 'CacheOnly', 'DnssecOk', 'DnssecCd', 'NoHostsFile', 'LlmnrNetbiosOnly', 'LlmnrFallback']
      .concat(['LlmnrOnly', 'NetbiosFallback', 'NoIdn', 'NoRecursion', 'QuickTimeout', 'TcpOnly'])
      .map((name) => ({ name, type: 'switch' as const })),
  ],
};

/** The DNS client's errors (Win32Exception messages, as Resolve-DnsName prints them). */
export const RESOLVE_ERRORS = {
  nxdomain: {
    text: 'DNS name does not exist',
    id: 'DNS_ERROR_RCODE_NAME_ERROR',
    category: 'ResourceUnavailable',
  },
  timeout: {
    text: 'This operation returned because the timeout period expired',
    id: 'ERROR_TIMEOUT',
    category: 'OperationTimeout',
  },
  servfail: {
    text: 'DNS server failure',
    id: 'DNS_ERROR_RCODE_SERVER_FAILURE',
    category: 'ResourceUnavailable',
  },
  refused: { text: 'DNS request refused', id: 'DNS_ERROR_RCODE_REFUSED', category: 'ResourceUnavailable' },
} as const;

/** Column widths of the DnsClient format views (unconfirmed beyond the A view). */
const A_VIEW = [
  { label: 'Name', width: 46 },
  { label: 'Type', width: 6 },
  { label: 'TTL', width: 5 },
  { label: 'Section', width: 10 },
  { label: 'IPAddress', width: 0 },
];
const SRV_VIEW = [
  { label: 'Name', width: 40 },
  { label: 'Type', width: 6 },
  { label: 'TTL', width: 5 },
  { label: 'Section', width: 10 },
  { label: 'NameTarget', width: 30 },
  { label: 'Priority', width: 8 },
  { label: 'Weight', width: 6 },
  { label: 'Port', width: 0 },
];
const NAMEHOST_VIEW = [
  { label: 'Name', width: 30 },
  { label: 'Type', width: 6 },
  { label: 'TTL', width: 5 },
  { label: 'Section', width: 10 },
  { label: 'NameHost', width: 0 },
];

type Section = 'Answer' | 'Additional';

function recordRow(r: DnsRecord, section: Section): string[] {
  const head = [r.name, r.type, String(r.ttl), section];
  if (r.type === 'SRV')
    return [...head, r.data, String(r.priority ?? 0), String(r.weight ?? 0), String(r.port ?? 0)];
  return [...head, r.data];
}

function recordList(r: DnsRecord, section: Section): string[] {
  const head: [string, string][] = [
    ['Name', r.name],
    ['QueryType', r.type],
    ['TTL', String(r.ttl)],
    ['Section', section],
  ];
  const tail: [string, string][] =
    r.type === 'A'
      ? [['IP4Address', r.data]]
      : r.type === 'SRV'
        ? [
            ['NameTarget', r.data],
            ['Priority', String(r.priority ?? 0)],
            ['Weight', String(r.weight ?? 0)],
            ['Port', String(r.port ?? 0)],
          ]
        : [['NameHost', r.data]];
  return listBlock([...head, ...tail]);
}

/** Records of the first one's type as its table; the rest (other types, glue) as lists. */
function formatRecords(answers: DnsRecord[], additional: DnsRecord[]): ConsoleLine[] {
  const first = answers[0];
  if (!first) return [];
  const view = first.type === 'A' ? A_VIEW : first.type === 'SRV' ? SRV_VIEW : NAMEHOST_VIEW;
  const tabled = answers.filter((r) => r.type === first.type);
  const listed: [DnsRecord, Section][] = [
    ...answers.filter((r) => r.type !== first.type).map((r): [DnsRecord, Section] => [r, 'Answer']),
    ...additional.map((r): [DnsRecord, Section] => [r, 'Additional']),
  ];
  const lines = [
    '',
    ...fixedTable(
      view,
      tabled.map((r) => recordRow(r, 'Answer')),
    ),
    '',
  ];
  for (const [r, s] of listed) lines.push(...recordList(r, s), '');
  return out(...lines, ...(listed.length === 0 ? [] : ['']));
}

const QUERY_TYPES: Partial<Record<string, DnsType>> = {
  A: 'A',
  A_AAAA: 'A',
  SRV: 'SRV',
  PTR: 'PTR',
  ANY: 'ANY',
  ALL: 'ANY',
};

function* resolveDnsName(
  env: CommandEnv,
  name: string,
  type: string | undefined,
  serverArg: string | undefined,
): Script<CommandResult> {
  const host = env.host;
  const cfg = effectiveIpConfig(host.nic);
  const fail = (e: (typeof RESOLVE_ERRORS)[keyof typeof RESOLVE_ERRORS]): CommandResult => ({
    lines: cmdletFailure(env, resolveSpec.name, {
      message: `${name} : ${e.text}`,
      category: e.category,
      target: `${name}:String`,
      exception: 'Win32Exception',
      errorId: `${e.id},${RESOLVE_CLASS}`,
    }),
  });
  let qname = name.replace(/\.$/, '');
  let wanted = type ?? 'A_AAAA';
  if (isIpv4(qname) && (type === undefined || type === 'PTR')) {
    qname = reverseName(qname);
    wanted = 'PTR';
  }
  const qtype: DnsType = QUERY_TYPES[wanted] ?? 'A';
  const fqdn = qname.includes('.') ? qname : qualify(host, qname);
  const own = [host.hostname.toLowerCase(), `${host.hostname}.${host.domainFqdn}`.toLowerCase()];
  if (qtype === 'A' && !serverArg && cfg.ip && own.includes(qname.toLowerCase())) {
    return { lines: formatRecords([{ name: fqdn, type: 'A', ttl: 1200, data: cfg.ip }], []) };
  }
  const servers = serverArg ? [serverArg] : cfg.dnsServers;
  if (!cfg.ip || servers.length === 0) return fail(RESOLVE_ERRORS.timeout);
  let failure: (typeof RESOLVE_ERRORS)[keyof typeof RESOLVE_ERRORS] = RESOLVE_ERRORS.timeout;
  for (const server of servers) {
    const q = yield* queryServer(host, server === '127.0.0.1' ? cfg.ip : server, fqdn, qtype);
    if (q.status !== 'answer' || !q.response) continue;
    const res = q.response;
    if (res.rcode === 'NXDOMAIN') return fail(RESOLVE_ERRORS.nxdomain);
    if (res.rcode === 'SERVFAIL') {
      failure = RESOLVE_ERRORS.servfail;
      continue;
    }
    if (res.rcode === 'REFUSED') {
      failure = RESOLVE_ERRORS.refused;
      continue;
    }
    // A type the lab's DNS does not hold (MX, TXT, AAAA…): the name exists, no records of that type.
    if (QUERY_TYPES[wanted] === undefined) return { lines: [] };
    return { lines: formatRecords(res.answers, res.additional) };
  }
  return fail(failure);
}

export const resolveDnsNameCmd: CommandDef = {
  names: ['resolve-dnsname'],
  kind: 'cmdlet',
  run: (env) => {
    const v = bound(env, resolveSpec);
    if (Array.isArray(v)) return done(v);
    const server = listOf(v.Server)[0];
    if (server !== undefined && !isIpv4(server)) {
      return done(
        cmdletFailure(env, resolveSpec.name, {
          message: `${String(v.Name)} : ${RESOLVE_ERRORS.timeout.text}`,
          category: RESOLVE_ERRORS.timeout.category,
          target: `${String(v.Name)}:String`,
          exception: 'Win32Exception',
          errorId: `${RESOLVE_ERRORS.timeout.id},${RESOLVE_CLASS}`,
        }),
      );
    }
    const type = typeof v.Type === 'string' ? v.Type : undefined;
    return { kind: 'script', script: () => resolveDnsName(env, String(v.Name), type, server) };
  },
};

// --- netsh interface ip ---------------------------------------------------------------------------

/** netsh's own messages (the syntax and interface ones are real; the add/delete ones unconfirmed). */
export const NETSH = {
  usage: [
    '',
    'Usage: netsh [-a AliasFile] [-c Context] [-r RemoteMachine] [-u [DomainName\\]UserName] [-p Password | *]',
    '             [Command | -f ScriptFile]',
    '',
  ],
  notFound: (cmd: string) => `The following command was not found: ${cmd}.`,
  syntax: 'The syntax supplied for this command is not valid. Check help for the correct syntax.',
  noInterface: 'The filename, directory name, or volume label syntax is incorrect.',
  badDns: 'The configured DNS server is incorrect or does not exist.',
  exists: 'The object already exists.',
  missing: 'Element not found.',
} as const;

const isPrefixOf = (typed: string, word: string, min: number) =>
  typed.length >= min && word.startsWith(typed.toLowerCase());

interface NetshArgs {
  tagged: Record<string, string>;
  positional: string[];
}

function netshArgs(tokens: string[]): NetshArgs {
  const tagged: Record<string, string> = {};
  const positional: string[] = [];
  for (const t of tokens) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(t);
    if (m) tagged[(m[1] ?? '').toLowerCase()] = (m[2] ?? '').replace(/^"|"$/g, '');
    else positional.push(t);
  }
  return { tagged, positional };
}

const LABEL = 38;
const netshLine = (label: string, value: string) => `    ${label.padEnd(LABEL)}${value}`.trimEnd();
const netshValues = (label: string, values: string[]) =>
  values.length === 0
    ? [netshLine(label, 'None')]
    : [netshLine(label, values[0] ?? ''), ...values.slice(1).map((v) => `${' '.repeat(LABEL + 4)}${v}`)];

function netshDnsLines(nic: NicRuntime): string[] {
  const fromDhcp = nic.dhcpEnabled && !nic.dnsOverride;
  return [
    ...netshValues(
      fromDhcp ? 'DNS servers configured through DHCP:' : 'Statically Configured DNS Servers:',
      adapterDns(nic),
    ),
    netshLine('Register with which suffix:', 'Primary only'),
  ];
}

function netshShow(
  host: WindowsHostContext,
  what: 'dns' | 'config',
  name: string | undefined,
): ConsoleLine[] {
  const nic = host.nic;
  const all = name === undefined;
  if (
    !all &&
    name.toLowerCase() !== nic.name.toLowerCase() &&
    name.toLowerCase() !== LOOPBACK_ALIAS.toLowerCase()
  )
    return out(NETSH.noInterface, '');
  const lines: string[] = [''];
  if (all || name.toLowerCase() === nic.name.toLowerCase()) {
    lines.push(`Configuration for interface "${nic.name}"`);
    if (what === 'config') {
      const cfg = effectiveIpConfig(nic);
      lines.push(netshLine('DHCP enabled:', nic.dhcpEnabled ? 'Yes' : 'No'));
      if (cfg.ip && cfg.mask) {
        const net = cfg.ip
          .split('.')
          .map((p, i) => Number(p) & Number(cfg.mask?.split('.')[i] ?? 0))
          .join('.');
        const prefix = cfg.mask
          .split('.')
          .reduce((n, o) => n + (Number(o).toString(2).match(/1/g)?.length ?? 0), 0);
        lines.push(netshLine('IP Address:', cfg.ip));
        lines.push(netshLine('Subnet Prefix:', `${net}/${prefix} (mask ${cfg.mask})`));
      }
      if (cfg.gateway) {
        lines.push(netshLine('Default Gateway:', cfg.gateway));
        lines.push(netshLine('Gateway Metric:', '0'));
      }
      lines.push(netshLine('InterfaceMetric:', '25'));
    }
    lines.push(...netshDnsLines(nic));
    if (what === 'config')
      lines.push(
        netshLine(
          nic.dhcpEnabled ? 'WINS servers configured through DHCP:' : 'Statically Configured WINS Servers:',
          'None',
        ),
      );
    lines.push('');
  }
  if (all || name.toLowerCase() === LOOPBACK_ALIAS.toLowerCase()) {
    lines.push(`Configuration for interface "${LOOPBACK_ALIAS}"`);
    if (what === 'config') {
      lines.push(netshLine('DHCP enabled:', 'No'));
      lines.push(netshLine('IP Address:', '127.0.0.1'));
      lines.push(netshLine('Subnet Prefix:', '127.0.0.0/8 (mask 255.0.0.0)'));
      lines.push(netshLine('InterfaceMetric:', '75'));
    }
    lines.push(netshLine('Statically Configured DNS Servers:', 'None'));
    lines.push(netshLine('Register with which suffix:', 'Primary only'));
    if (what === 'config') lines.push(netshLine('Statically Configured WINS Servers:', 'None'));
    lines.push('');
  }
  return out(...lines);
}

/** `set dnsservers [name=]"Ethernet" [source=]static|dhcp [address=]a.b.c.d [register=]… [validate=]…`. */
function netshSetDns(env: CommandEnv, rest: string[]): CommandOutcome {
  const { tagged, positional } = netshArgs(rest);
  const name = tagged.name ?? positional.shift();
  const source = (tagged.source ?? positional.shift())?.toLowerCase();
  if (!name || (source !== 'static' && source !== 'dhcp')) return done(out(NETSH.syntax, ''));
  const nic = env.host.nic;
  if (name.toLowerCase() !== nic.name.toLowerCase()) return done(out(NETSH.noInterface, ''));
  if (source === 'dhcp') return done([], [resetDns(nic)]);
  const address = tagged.address ?? tagged.addr ?? positional.shift();
  const register = (tagged.register ?? positional.shift())?.toLowerCase();
  const validate = (tagged.validate ?? positional.shift())?.toLowerCase();
  if (!address || (address.toLowerCase() !== 'none' && !isIpv4(address))) return done(out(NETSH.syntax, ''));
  if (register !== undefined && !['none', 'primary', 'both'].includes(register))
    return done(out(NETSH.syntax, ''));
  if (validate !== undefined && validate !== 'yes' && validate !== 'no') return done(out(NETSH.syntax, ''));
  if (address.toLowerCase() === 'none') return done([], [{ type: 'dns', servers: [] }]);
  const effects: HostEffect[] = [{ type: 'dns', servers: [address] }];
  if (validate === 'no') return done([], effects);
  // netsh checks the new server with a query for this host's own name; it keeps the setting anyway.
  return {
    kind: 'script',
    script: function* () {
      const host = env.host;
      const cfg = effectiveIpConfig(host.nic);
      const q = cfg.ip
        ? yield* queryServer(
            host,
            address === '127.0.0.1' ? cfg.ip : address,
            `${host.hostname}.${host.domainFqdn}`,
            'A',
          )
        : undefined;
      return { lines: q?.status === 'answer' ? [] : out(NETSH.badDns, ''), effects };
    },
  };
}

/** `add dnsservers "Ethernet" 8.8.8.8 [index=]2` and `delete dnsservers "Ethernet" 8.8.8.8|all`. */
function netshEditDns(env: CommandEnv, add: boolean, rest: string[]): CommandOutcome {
  const { tagged, positional } = netshArgs(rest);
  const name = tagged.name ?? positional.shift();
  const address = tagged.address ?? tagged.addr ?? positional.shift();
  if (!name || !address) return done(out(NETSH.syntax, ''));
  const nic = env.host.nic;
  if (name.toLowerCase() !== nic.name.toLowerCase()) return done(out(NETSH.noInterface, ''));
  const current = nic.dnsOverride ?? (!nic.dhcpEnabled && nic.static ? nic.static.dnsServers : []);
  if (!add && address.toLowerCase() === 'all') return done([], [resetDns(nic)]);
  if (!isIpv4(address)) return done(out(NETSH.syntax, ''));
  if (add) {
    if (current.includes(address)) return done(out(NETSH.exists, ''));
    const index = Number(tagged.index ?? positional.shift() ?? current.length + 1);
    if (!Number.isInteger(index) || index < 1) return done(out(NETSH.syntax, ''));
    const next = [...current];
    next.splice(index - 1, 0, address);
    return done([], [{ type: 'dns', servers: next }]);
  }
  if (!current.includes(address)) return done(out(NETSH.missing, ''));
  const next = current.filter((s) => s !== address);
  return done([], [next.length === 0 ? resetDns(nic) : { type: 'dns', servers: next }]);
}

export const netsh: CommandDef = {
  names: ['netsh', 'netsh.exe'],
  kind: 'native',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const [ctx, ipCtx, verb, object, ...rest] = args;
    if (!ctx || ['/?', '-?', '?', 'help'].includes(ctx.toLowerCase())) return done(out(...NETSH.usage));
    const notFound = () => done(out(NETSH.notFound(args.join(' ')), ''));
    if (!isPrefixOf(ctx, 'interface', 3)) return notFound();
    if (!ipCtx || !['ip', 'ipv4'].includes(ipCtx.toLowerCase())) return notFound();
    const v = verb?.toLowerCase() ?? '';
    const o = object?.toLowerCase() ?? '';
    const isDns = isPrefixOf(o, 'dnsservers', 3) || o === 'dnsserver';
    if (isPrefixOf(v, 'show', 2)) {
      const { tagged, positional } = netshArgs(rest);
      const name = tagged.name ?? positional[0];
      if (isDns) return done(netshShow(env.host, 'dns', name));
      if (isPrefixOf(o, 'config', 4)) return done(netshShow(env.host, 'config', name));
      return notFound();
    }
    if (!isDns) return notFound();
    if (isPrefixOf(v, 'set', 3)) return netshSetDns(env, rest);
    if (isPrefixOf(v, 'add', 3)) return netshEditDns(env, true, rest);
    if (isPrefixOf(v, 'delete', 3)) return netshEditDns(env, false, rest);
    return notFound();
  },
};

// --- Test-NetConnection ---------------------------------------------------------------------------

const TNC = 'Test-NetConnection';
const COMMON_PORTS: Record<string, number> = { HTTP: 80, RDP: 3389, SMB: 445, WINRM: 5985 };

const tncSpec: CmdletSpec = {
  name: TNC,
  className: TNC,
  params: [
    { name: 'ComputerName', type: 'string', position: 0, aliases: ['RemoteAddress', 'cn'] },
    { name: 'CommonTCPPort', type: 'string', position: 1 },
    { name: 'Port', type: 'int', aliases: ['RemotePort'] },
    { name: 'InformationLevel', type: 'string' },
    { name: 'TraceRoute', type: 'switch' },
    { name: 'Hops', type: 'int' },
  ],
};

/** The warnings Test-NetConnection writes (reference §6.6). */
export const TNC_TEXT = {
  defaultTarget: 'internetbeacon.msedge.net',
  nameFailed: (name: string) => `Name resolution of ${name} failed`,
  tcpFailed: (ip: string, port: number) => `TCP connect to (${ip} : ${port}) failed`,
  pingFailed: (name: string, s: string) => `Ping to ${name} failed with status: ${s}`,
} as const;

/** IPStatus names for what became of an echo request. */
function pingStatus(r: ExchangeResult): string {
  if (r.status === 'timeout') return 'TimedOut';
  if (r.status === 'refused') {
    if (r.reason === 'net-unreachable') return 'DestinationNetworkUnreachable';
    if (r.reason === 'rejected') return 'DestinationProhibited';
    return 'DestinationHostUnreachable';
  }
  return 'Success';
}

interface TncOptions {
  name: string;
  port?: number;
  level?: 'Detailed' | 'Quiet';
  traceRoute: boolean;
  hops: number;
}

function* tncScript(env: CommandEnv, o: TncOptions): Script<CommandResult> {
  const host = env.host;
  const cfg = effectiveIpConfig(host.nic);
  const lines: ConsoleLine[] = [];
  const alias = host.nic.name;
  const src = cfg.ip ?? '';
  const resolved = yield* resolveName(host, o.name);
  if (!resolved.ok) {
    lines.push(warning(TNC_TEXT.nameFailed(o.name)));
    if (o.level === 'Quiet') return { lines: [...lines, ...out('False')] };
    const rows: [string, string][] = [
      ['ComputerName', o.name],
      ['RemoteAddress', ''],
      ['InterfaceAlias', ''],
      ['SourceAddress', ''],
      ['PingSucceeded', 'False'],
    ];
    return { lines: [...lines, ...out('', ...listBlock(rows), '', '')] };
  }
  const ip = resolved.ip;
  const literal = isIpv4(o.name);
  let tcp: boolean | undefined;
  if (o.port !== undefined) {
    const r = yield* exchange(
      {
        src: cfg.ip ?? '0.0.0.0',
        dst: ip,
        transport: 'tcp',
        port: o.port,
        ...(literal ? {} : { host: resolved.name }),
        body: { kind: 'tcp.syn' },
      },
      TIMINGS.tcpConnectTimeout,
    );
    tcp = r.status === 'ok' && r.body.kind === 'tcp.accept';
    if (!tcp) lines.push(warning(TNC_TEXT.tcpFailed(ip, o.port)));
  }
  let ping: { ok: boolean; rtt: number } | undefined;
  if (tcp !== true) {
    const r = yield* exchange(
      { src: cfg.ip ?? '0.0.0.0', dst: ip, transport: 'icmp', body: { kind: 'icmp.echo', bytes: 32 } },
      TIMINGS.pingTimeout,
    );
    const ok = r.status === 'ok' && r.body.kind === 'icmp.echoReply';
    ping = { ok, rtt: ok && r.status === 'ok' && !isPrivate(r.from) && r.from !== '127.0.0.1' ? 14 : 0 };
    if (!ok) lines.push(warning(TNC_TEXT.pingFailed(o.name, pingStatus(r))));
  }
  if (o.level === 'Quiet')
    return { lines: [...lines, ...out((tcp ?? ping?.ok) === true ? 'True' : 'False')] };
  const onLink = !!cfg.ip && !!cfg.mask && sameSubnet(cfg.ip, ip, cfg.mask);
  const rows: [string, string | string[]][] = [
    ['ComputerName', o.name],
    ['RemoteAddress', ip],
  ];
  if (o.port !== undefined) rows.push(['RemotePort', String(o.port)]);
  if (o.level === 'Detailed') {
    if (!literal) rows.push(['NameResolutionResults', ip]);
    rows.push(
      ['MatchingIPsecRules', ''],
      ['NetworkIsolationContext', isPrivate(ip) ? 'Private Network' : 'Internet'],
      ['IsAdmin', 'True'],
    );
  }
  rows.push(['InterfaceAlias', alias], ['SourceAddress', src]);
  if (o.level === 'Detailed')
    rows.push(['NetRoute (NextHop)', onLink ? '0.0.0.0' : (cfg.gateway ?? '0.0.0.0')]);
  if (ping)
    rows.push(['PingSucceeded', ping.ok ? 'True' : 'False'], ['PingReplyDetails (RTT)', `${ping.rtt} ms`]);
  if (o.traceRoute) {
    const hops =
      onLink || ip === cfg.ip
        ? [ip]
        : [
            cfg.gateway ?? '0.0.0.0',
            ...(ping?.ok ? [ip] : Array<string>(Math.max(0, o.hops - 1)).fill('0.0.0.0')),
          ];
    rows.push(['TraceRoute', hops.slice(0, o.hops)]);
  }
  if (tcp !== undefined) rows.push(['TcpTestSucceeded', tcp ? 'True' : 'False']);
  return { lines: [...lines, ...out('', ...listBlock(rows), '', '')] };
}

export const testNetConnection: CommandDef = {
  names: ['test-netconnection', 'tnc'],
  kind: 'cmdlet',
  run: (env) => {
    const v = bound(env, tncSpec);
    if (Array.isArray(v)) return done(v);
    const setError = (param: string, value: string, set: string[]) =>
      done(
        binderError(
          env,
          TNC,
          TNC,
          `Cannot validate argument on parameter '${param}'. The argument "${value}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
          'ParameterArgumentValidationError',
          valueToken(env, value),
          'InvalidData',
          'ParameterBindingValidationException',
        ),
      );
    const common = typeof v.CommonTCPPort === 'string' ? v.CommonTCPPort : undefined;
    const commonKey = common
      ? Object.keys(COMMON_PORTS).find((k) => k.toLowerCase() === common.toLowerCase())
      : undefined;
    if (common !== undefined && !commonKey)
      return setError('CommonTCPPort', common, Object.keys(COMMON_PORTS));
    const levelText = typeof v.InformationLevel === 'string' ? v.InformationLevel : undefined;
    const level = levelText
      ? (['Detailed', 'Quiet'] as const).find((l) => l.toLowerCase() === levelText.toLowerCase())
      : undefined;
    if (levelText !== undefined && !level)
      return setError('InformationLevel', levelText, ['Quiet', 'Detailed']);
    const sets = [v.Port !== undefined, common !== undefined, v.TraceRoute === true].filter(Boolean).length;
    if (sets > 1)
      return done(
        binderError(
          env,
          TNC,
          TNC,
          'Parameter set cannot be resolved using the specified named parameters.',
          'AmbiguousParameterSet',
        ),
      );
    const port = typeof v.Port === 'number' ? v.Port : commonKey ? COMMON_PORTS[commonKey] : undefined;
    const o: TncOptions = {
      name:
        typeof v.ComputerName === 'string' && v.ComputerName !== '' ? v.ComputerName : TNC_TEXT.defaultTarget,
      port,
      level,
      traceRoute: v.TraceRoute === true,
      hops: typeof v.Hops === 'number' && v.Hops > 0 ? Math.min(v.Hops, 30) : 30,
    };
    return { kind: 'script', script: () => tncScript(env, o) };
  },
};

// --- nltest ---------------------------------------------------------------------------------------

/** nltest's texts (reference §6.6; the DC's own secure-channel answer is unconfirmed). */
export const NLTEST = {
  completed: 'The command completed successfully',
  noSuchDomain: status(1355, 'ERROR_NO_SUCH_DOMAIN'),
  noLogonServers: status(1311, 'ERROR_NO_LOGON_SERVERS'),
  accessDenied: status(5, 'ERROR_ACCESS_DENIED'),
  logonFailure: status(1326, 'ERROR_LOGON_FAILURE'),
  success: status(0, 'NERR_Success'),
  /** Netlogon on a PDC has no secure channel to its own domain (unconfirmed exact code). */
  invalidRole: status(1354, 'ERROR_INVALID_DOMAIN_ROLE'),
  /** The local Netlogon service is not running. */
  unknownInterface: status(1717, 'RPC_S_UNKNOWN_IF'),
  usage: [
    'Usage: nltest [/OPTIONS]',
    '',
    '    /SERVER:<ServerName> - Specify <ServerName>',
    '',
    '    /QUERY - Query <ServerName> netlogon service',
    '    /SC_QUERY:<DomainName> - Query secure channel for <Domain> on <ServerName>',
    '    /SC_RESET:<DomainName>[\\<DcName>] - Reset secure channel for <Domain> on <ServerName> to <DcName>',
    '    /SC_VERIFY:<DomainName> - Verify secure channel for <Domain> on <ServerName>',
    '    /SC_CHANGE_PWD:<DomainName> - Change a secure channel  password for <Domain> on <ServerName>',
    "    /DCLIST:<DomainName> - Get list of DC's for <DomainName>",
    '    /DCNAME:<DomainName> - Get the PDC name for <DomainName>',
    '    /DSGETDC:<DomainName> - Call DsGetDcName',
    '        /PDC /DS /DSP /GC /KDC /TIMESERV /GTIMESERV /WS /NETBIOS /DNS /IP /FORCE /WRITABLE /AVOIDSELF /LDAPONLY /BACKG',
    '        /DS_6 /DS_8 /DS_9 /DS_10 /KEYLIST /TRY_NEXT_CLOSEST_SITE /SITE:<SiteName> /ACCOUNT:<AccountName>',
    '        /RET_DNS /RET_NETBIOS',
    '    /DSGETSITE - Call DsGetSiteName',
    '    /DOMAIN_TRUSTS - Query domain trusts on <ServerName>',
    '',
  ],
} as const;

const NLTEST_OPS = [
  'dsgetdc',
  'dclist',
  'dcname',
  'sc_query',
  'sc_verify',
  'sc_reset',
  'domain_trusts',
  'dsgetsite',
];
const DSGETDC_FLAGS = [
  'force', 'pdc', 'ds', 'dsp', 'gc', 'kdc', 'timeserv', 'gtimeserv', 'ws', 'netbios', 'dns', 'ip', 'writable',
  'avoidself', 'ldaponly', 'backg', 'ds_6', 'ds_8', 'ds_9', 'ds_10', 'keylist', 'try_next_closest_site',
  'ret_dns', 'ret_netbios', 'site', 'account',
]; // prettier-ignore

interface NltestArgs {
  op: string;
  value: string;
  flags: Set<string>;
}

function parseNltest(env: CommandEnv): NltestArgs | undefined {
  let op: string | undefined;
  let value = '';
  const flags = new Set<string>();
  for (const a of env.cmd.args) {
    const m = /^[/-]([A-Za-z_0-9]+)(?::(.*))?$/.exec(a.text);
    if (!m) return undefined;
    const key = (m[1] ?? '').toLowerCase();
    if (NLTEST_OPS.includes(key)) {
      if (op) return undefined;
      op = key;
      value = m[2] ?? '';
    } else if (DSGETDC_FLAGS.includes(key)) flags.add(key);
    else if (key !== 'server') return undefined;
  }
  return op ? { op, value, flags } : undefined;
}

function channelBlock(flags: string, dc: string, code: string, verify?: string): ConsoleLine[] {
  return out(
    `Flags: ${flags}`,
    `Trusted DC Name ${dc}`.trimEnd(),
    `Trusted DC Connection Status ${code}`,
    ...(verify ? [`Trust Verification ${verify}`] : []),
    NLTEST.completed,
  );
}

function* nltestScript(env: CommandEnv, a: NltestArgs): Script<CommandResult> {
  const host = env.host;
  const say = (...lines: string[]): CommandResult => ({ lines: out(...lines) });
  const [domainPart = '', dcPart] = a.value.split('\\');
  const netbiosAsked = domainPart !== '' && domainPart.toLowerCase() === host.domainNetbios.toLowerCase();
  const domain = ownDomain(host, domainPart) ? host.domainFqdn : domainPart;

  if (a.op.startsWith('sc_')) {
    if (host.services.Netlogon?.status !== 'Running')
      return say(`I_NetLogonControl failed: ${NLTEST.unknownInterface}`);
    if (!ownDomain(host, domainPart)) return say(`I_NetLogonControl failed: ${NLTEST.noSuchDomain}`);
    if (host.kind === 'dc') return say(`I_NetLogonControl failed: ${NLTEST.invalidRole}`);
    const broken = (code: string) =>
      ({
        lines: channelBlock('0', '', code, a.op === 'sc_verify' ? code : undefined),
      }) satisfies CommandResult;
    let dcIp: Ipv4 | undefined;
    let dcName = '';
    let located: LdapPingReply | undefined;
    if (a.op === 'sc_reset' && dcPart) {
      const r = yield* resolveName(host, dcPart);
      if (r.ok) {
        dcIp = r.ip;
        // The DC as it was named, host label in capitals: \\DC01.laborhub.store.
        const [label = '', ...rest] = r.name.split('.');
        dcName = `\\\\${[label.toUpperCase(), ...rest].join('.')}`;
      }
    } else {
      const loc = yield* locateDc(host, domain);
      if (loc.ok) {
        located = loc.dc;
        dcIp = loc.dc.dcIp;
        dcName = `\\\\${loc.dc.dcName}.${loc.dc.domain}`;
      }
    }
    if (!dcIp) return broken(NLTEST.noLogonServers);
    if (a.op === 'sc_reset') {
      const secret = nextSecret(host);
      const r = yield* resetChannel(host, dcIp, secret);
      if (r === 'unreachable') return broken(NLTEST.noLogonServers);
      if (r === 'ERROR_LOGON_FAILURE') return say(`I_NetLogonControl failed: ${NLTEST.logonFailure}`);
      if (r === 'ERROR_ACCESS_DENIED') return say(`I_NetLogonControl failed: ${NLTEST.accessDenied}`);
      return {
        lines: channelBlock('30 HAS_IP  HAS_TIMESERV', dcName, NLTEST.success),
        effects: [{ type: 'machineSecret', secret }],
      };
    }
    const check = yield* verifyChannel(host, located as LdapPingReply);
    if (check === 'unreachable') return broken(NLTEST.noLogonServers);
    if (check === 'denied') return broken(NLTEST.accessDenied);
    return a.op === 'sc_verify'
      ? { lines: channelBlock('b0 HAS_IP  HAS_TIMESERV', dcName, NLTEST.success, NLTEST.success) }
      : { lines: channelBlock('30 HAS_IP  HAS_TIMESERV', dcName, NLTEST.success) };
  }

  const loc = yield* locateDc(host, domain);
  const avoidSelf =
    a.flags.has('avoidself') && loc.ok && loc.dc.dcName.toLowerCase() === host.hostname.toLowerCase();
  if (!loc.ok || avoidSelf) {
    switch (a.op) {
      case 'dclist':
        return say(`Cannot find DC to get DC list from.${NLTEST.noSuchDomain}`);
      case 'dcname':
        return say(`NetGetDCName failed: ${status(2453, 'NERR_DCNotFound')}`);
      case 'domain_trusts':
        return say(`DsEnumerateDomainTrusts failed: ${NLTEST.noSuchDomain}`);
      case 'dsgetsite':
        return say(`DsGetSiteName failed: ${status(1919, 'ERROR_NO_SITENAME')}`);
      default:
        return say(`Getting DC name failed: ${NLTEST.noSuchDomain}`);
    }
  }
  const dc = loc.dc;
  const dcFqdn = `${dc.dcName}.${dc.domain}`;
  switch (a.op) {
    case 'dclist':
      return say(
        `Get list of DCs in domain '${domainPart || host.domainFqdn}' from '\\\\${dcFqdn}'.`,
        `    ${dcFqdn} [PDC]  [DS] Site: ${dc.site}`,
        NLTEST.completed,
      );
    case 'dcname':
      return say(`PDC for Domain ${domainPart || host.domainNetbios} is \\\\${dc.dcName}`, NLTEST.completed);
    case 'domain_trusts':
      return say(
        'List of domain trusts:',
        `    0: ${dc.netbios} ${dc.domain} (NT 5) (Forest Tree Root) (Primary Domain) (Native)`,
        NLTEST.completed,
      );
    case 'dsgetsite':
      return say(dc.site, NLTEST.completed);
    default: {
      const flat = (netbiosAsked && !a.flags.has('ret_dns')) || a.flags.has('ret_netbios');
      const flags = flat ? dc.flags.filter((f) => !f.startsWith('DNS_')) : dc.flags;
      return say(
        `           DC: \\\\${flat ? dc.dcName : dcFqdn}`,
        `      Address: \\\\${dc.dcIp}`,
        `     Dom Guid: ${dc.domainGuid}`,
        `     Dom Name: ${flat ? dc.netbios : dc.domain}`,
        `  Forest Name: ${dc.forest}`,
        ` Dc Site Name: ${dc.site}`,
        `Our Site Name: ${dc.site}`,
        `        Flags: ${flags.join(' ')}`,
        NLTEST.completed,
      );
    }
  }
}

export const nltest: CommandDef = {
  names: ['nltest', 'nltest.exe'],
  kind: 'native',
  run: (env) => {
    const a = parseNltest(env);
    if (!a) return done(out(...NLTEST.usage));
    return { kind: 'script', script: () => nltestScript(env, a) };
  },
};

// --- klist ----------------------------------------------------------------------------------------

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
const TGT_LIFETIME = 10 * HOUR;
const RENEW_LIFETIME = 7 * DAY;

interface Ticket {
  client: string;
  server: string;
  flags: string;
  start: number;
  primary: boolean;
  kdc: string;
}

function klistTime(env: CommandEnv, labTime: number): string {
  const c = civil(labTime + env.host.clockOffsetMs + env.host.timeZoneOffsetMinutes * MINUTE);
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
  names: ['klist', 'klist.exe'],
  kind: 'native',
  run: (env) => {
    const a = parseKlist(env);
    if (!a) return done(out(...KLIST_USAGE));
    return scripted((sw) => klistScript(env, a, sw));
  },
};

// --- gpupdate -------------------------------------------------------------------------------------

const GP_SOURCE = 'Microsoft-Windows-GroupPolicy';
const DEFAULT_DOMAIN_POLICY = '{31B2F340-016D-11D2-945F-00C04FB984F9}';

/** gpupdate's lines and the Group Policy events behind them (1058's path is the Default Domain Policy). */
export const GP_TEXT = {
  updating: 'Updating policy...',
  computerOk: 'Computer Policy update has completed successfully.',
  userOk: 'User Policy update has completed successfully.',
  computerFailed: 'Computer policy could not be updated successfully. The following errors were encountered:',
  userFailed: 'User Policy could not be updated successfully. The following errors were encountered:',
  diagnose:
    'To diagnose the failure, review the event log or run GPRESULT /H GPReport.html from the command line to access information about Group Policy results.',
  ldapBind:
    'The processing of Group Policy failed. Windows could not authenticate to the Active Directory service on a domain controller. (LDAP Bind function call failed). Look in the details tab for error code and description.',
  resolveName: (what: 'computer' | 'user') =>
    `The processing of Group Policy failed. Windows could not resolve the ${what} name. This could be caused by one of more of the following: \na) Name Resolution failure on the current domain controller. \nb) Active Directory Replication Latency (an account created on another domain controller has not replicated to the current domain controller).`,
  noNetwork:
    'The processing of Group Policy failed because of lack of network connectivity to a domain controller. This may be a transient condition. A success message would be generated once the machine gets connected to the domain controller and Group Policy has successfully processed. If you do not see a success message for several hours, then contact your administrator.',
  sysvol: (domain: string) =>
    `The processing of Group Policy failed. Windows attempted to read the file \\\\${domain}\\SysVol\\${domain}\\Policies\\${DEFAULT_DOMAIN_POLICY}\\gpt.ini from a domain controller and was not successful. Group Policy settings may not be enforced until this event is resolved. This issue may be transient and could be caused by one or more of the following: \na) Name Resolution/Network Connectivity to the current domain controller. \nb) File Replication Service Latency (a file created on another domain controller has not replicated to the current domain controller). \nc) The Distributed File System (DFS) client has been disabled.`,
  processed: (who: 'computer' | 'user', n?: number) =>
    `The Group Policy settings for the ${who} were processed successfully. ${n === undefined ? 'There were no changes detected since the last successful processing of Group Policy.' : `New settings from ${n} Group Policy objects were detected and applied.`}`,
  usage: [
    'Microsoft (R) Windows (R) Operating System Group Policy Refresh Utility v5.1',
    'Copyright (c) Microsoft Corporation. All rights reserved.',
    '',
    'Description:  Updates Group Policy settings.',
    '',
    'Syntax: GPUpdate [/Target:{Computer | User}] [/Force] [/Wait:<value>]',
    '                 [/Logoff] [/Boot] [/Sync]',
    '',
  ],
} as const;

/** The LDAP bind errors 1006 carries in its details (Win32 code and text). */
export const GP_BIND_ERRORS = {
  skew: { code: 1398, text: 'There is a time and/or date difference between the client and server.' },
  noServers: {
    code: 1311,
    text: 'There are currently no logon servers available to service the logon request.',
  },
  invalidCredentials: { code: 49, text: 'Invalid Credentials' },
  locked: { code: 1909, text: 'The referenced account is currently locked out and may not be logged on to.' },
  disabled: { code: 1331, text: "This user can't sign in because this account is currently disabled." },
  expired: { code: 1330, text: 'The password for this account has expired.' },
} as const;

type GpFailure =
  | { id: 1129 | 1053 | 1055 | 1058 }
  | { id: 1006; error: (typeof GP_BIND_ERRORS)[keyof typeof GP_BIND_ERRORS] };

function gpMessage(f: GpFailure, domain: string): string {
  switch (f.id) {
    case 1129:
      return GP_TEXT.noNetwork;
    case 1053:
      return GP_TEXT.resolveName('user');
    case 1055:
      return GP_TEXT.resolveName('computer');
    case 1058:
      return GP_TEXT.sysvol(domain);
    case 1006:
      return GP_TEXT.ldapBind;
  }
}

function gpEvent(f: GpFailure, domain: string): NewEvent {
  const details =
    f.id === 1006
      ? `\n\nErrorCode: ${f.error.code} (0x${f.error.code.toString(16)})\nErrorDescription: ${f.error.text}`
      : '';
  return {
    log: 'System',
    source: GP_SOURCE,
    eventId: f.id,
    level: 'Error',
    message: gpMessage(f, domain) + details,
  };
}

function* gpupdateScript(
  env: CommandEnv,
  o: { computer: boolean; user: boolean; force: boolean },
  sw: Stopwatch,
): Script<CommandResult> {
  const host = env.host;
  let computer: GpFailure | undefined;
  let user: GpFailure | undefined;
  if (!hasUsableAddress(host.nic)) {
    computer = { id: 1129 };
    user = { id: 1129 };
  } else {
    const loc = yield* locateDc(host, host.domainFqdn);
    if (!loc.ok) {
      computer = { id: 1055 };
      user = { id: 1053 };
    } else {
      const kdc = yield* askKdc(env, sw, loc.dc);
      const channel = yield* verifyChannel(host, loc.dc);
      const sysvol = channel === 'unreachable' ? ({ id: 1058 } as const) : undefined;
      const bind = (error: (typeof GP_BIND_ERRORS)[keyof typeof GP_BIND_ERRORS]): GpFailure => ({
        id: 1006,
        error,
      });
      const shared = kdc.ok
        ? undefined
        : kdc.why === 'KRB_AP_ERR_SKEW'
          ? bind(GP_BIND_ERRORS.skew)
          : kdc.why === 'no-answer'
            ? bind(GP_BIND_ERRORS.noServers)
            : undefined;
      computer =
        shared ?? sysvol ?? (channel === 'denied' ? bind(GP_BIND_ERRORS.invalidCredentials) : undefined);
      if (!kdc.ok && !shared) {
        const why = kdc.why;
        user =
          why === 'KDC_ERR_C_PRINCIPAL_UNKNOWN'
            ? { id: 1053 }
            : bind(
                why === 'locked'
                  ? GP_BIND_ERRORS.locked
                  : why === 'disabled'
                    ? GP_BIND_ERRORS.disabled
                    : why === 'KDC_ERR_KEY_EXPIRED'
                      ? GP_BIND_ERRORS.expired
                      : GP_BIND_ERRORS.invalidCredentials,
              );
      } else user = shared ?? sysvol;
    }
  }
  const lines: string[] = [GP_TEXT.updating, ''];
  const effects: HostEffect[] = [];
  const log = (entry: NewEvent) => effects.push({ type: 'log', entry });
  const domain = host.domainFqdn;
  const gpos = host.kind === 'dc' ? 2 : 1;
  if (o.computer) {
    if (computer) {
      lines.push(GP_TEXT.computerFailed, '', ...gpMessage(computer, domain).split('\n'));
      log(gpEvent(computer, domain));
    } else {
      lines.push(GP_TEXT.computerOk);
      log({
        log: 'System',
        source: GP_SOURCE,
        eventId: o.force ? 1502 : 1500,
        level: 'Information',
        message: GP_TEXT.processed('computer', o.force ? gpos : undefined),
      });
    }
  }
  if (o.user) {
    if (user) {
      lines.push(GP_TEXT.userFailed, '', ...gpMessage(user, domain).split('\n'));
      log(gpEvent(user, domain));
    } else {
      lines.push(GP_TEXT.userOk);
      log({
        log: 'System',
        source: GP_SOURCE,
        eventId: o.force ? 1503 : 1501,
        level: 'Information',
        message: GP_TEXT.processed('user', o.force ? 1 : undefined),
      });
    }
  }
  const failed = (o.computer && computer) || (o.user && user);
  lines.push('');
  if (failed) lines.push(GP_TEXT.diagnose, '');
  return { lines: out(...lines), effects };
}

export const gpupdate: CommandDef = {
  names: ['gpupdate', 'gpupdate.exe'],
  kind: 'native',
  run: (env) => {
    const o = { computer: true, user: true, force: false };
    for (const a of env.cmd.args) {
      const m = /^[/-]([a-z?]+)(?::(.*))?$/i.exec(a.text);
      const key = m?.[1]?.toLowerCase();
      const value = m?.[2]?.toLowerCase();
      if (key === 'force' && value === undefined) o.force = true;
      else if (key === 'target' && (value === 'computer' || value === 'user')) {
        o.computer = value === 'computer';
        o.user = value === 'user';
      } else if (key === 'wait' && value !== undefined && /^-?\d+$/.test(value)) continue;
      else if ((key === 'logoff' || key === 'boot' || key === 'sync') && value === undefined) continue;
      else return done(out(...GP_TEXT.usage));
    }
    return scripted((sw) => gpupdateScript(env, o, sw));
  },
};

// --- Test-ComputerSecureChannel, Reset-ComputerMachinePassword -----------------------------------

const TCSC_CLASS = 'Microsoft.PowerShell.Commands.TestComputerSecureChannelCommand';
const RCMP_CLASS = 'Microsoft.PowerShell.Commands.ResetComputerMachinePasswordCommand';

/** ComputerResources.resx of Windows PowerShell 5.1, and the Win32/ADSI texts they wrap. */
export const SECURE_CHANNEL_TEXT = {
  failToTest: (e: string) =>
    `Cannot verify the secure channel for the local computer. Operation failed with the following exception: ${e.replace(/\.$/, '')}.`,
  failToReset: (e: string) =>
    `Cannot reset the secure channel password for the computer account in the domain. Operation failed with the following exception: ${e.replace(/\.$/, '')}.`,
  cannotResolve: (name: string, e: string) =>
    `Computer name ${name} cannot be resolved with the exception: ${e}.`,
  alive: (d: string) =>
    `The secure channel between the local computer and the domain ${d} is in good condition.`,
  broken: (d: string) => `The secure channel between the local computer and the domain ${d} is broken.`,
  repaired: (d: string) =>
    `The secure channel between the local computer and the domain ${d} was successfully repaired.`,
  repairFailed: (d: string) =>
    `The attempt to repair the secure channel between the local computer and the domain ${d} has failed.`,
  /** ERROR_INVALID_DOMAIN_ROLE: a PDC has no secure channel to its own domain (unconfirmed on Server 2022). */
  invalidRole: 'This operation is only allowed for the Primary Domain Controller of the domain',
  unknownInterface: 'The interface is unknown',
  serverDown: 'The server is not operational.',
  badCredentials: 'The user name or password is incorrect.',
  accessDenied: 'Access is denied.',
  noSuchHost: 'No such host is known',
} as const;

const channelSpec = (name: string, className: string, repair: boolean): CmdletSpec => ({
  name,
  className,
  params: [
    ...(repair ? [{ name: 'Repair', type: 'switch' as const }] : []),
    { name: 'Server', type: 'string' },
    // The lab has no credential prompt: the console user's credentials stand in for what is typed.
    { name: 'Credential', type: 'string' },
    { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
    { name: 'Confirm', type: 'switch', aliases: ['cf'] },
  ],
});

const tcscSpec = channelSpec('Test-ComputerSecureChannel', TCSC_CLASS, true);
const rcmpSpec = channelSpec('Reset-ComputerMachinePassword', RCMP_CLASS, false);

function* secureChannelScript(
  env: CommandEnv,
  spec: CmdletSpec,
  v: Record<string, BoundValue>,
): Script<CommandResult> {
  const host = env.host;
  const testing = spec === tcscSpec;
  const repair = !testing || v.Repair === true;
  const verbose = v.Verbose === true;
  const domain = host.domainFqdn;
  const fail = (message: string, errorId: string): CommandResult => ({
    lines: cmdletFailure(env, spec.name, {
      message,
      category: errorId === 'AddressResolutionException' ? 'InvalidArgument' : 'OperationStopped',
      target: `${errorId === 'AddressResolutionException' ? String(v.Server) : host.hostname}:String`,
      exception: 'InvalidOperationException',
      errorId: `${errorId},${spec.className}`,
    }),
  });
  const lines: ConsoleLine[] = [];
  const say = (text: string) => lines.push({ kind: 'warning', text: `VERBOSE: ${text}` });
  if (verbose) say(`Performing the operation "${spec.name}" on target "${host.hostname}".`);

  let serverIp: Ipv4 | undefined;
  if (typeof v.Server === 'string') {
    const r = yield* resolveName(host, v.Server === '.' ? 'localhost' : v.Server);
    if (!r.ok)
      return fail(
        SECURE_CHANNEL_TEXT.cannotResolve(v.Server, SECURE_CHANNEL_TEXT.noSuchHost),
        'AddressResolutionException',
      );
    serverIp = r.ip;
  }
  if (testing && host.services.Netlogon?.status !== 'Running')
    return fail(
      SECURE_CHANNEL_TEXT.failToTest(SECURE_CHANNEL_TEXT.unknownInterface),
      'FailToTestSecureChannel',
    );
  if (testing && host.kind === 'dc' && !repair)
    return fail(SECURE_CHANNEL_TEXT.failToTest(SECURE_CHANNEL_TEXT.invalidRole), 'FailToTestSecureChannel');

  const loc = hasUsableAddress(host.nic) ? yield* locateDc(host, domain) : undefined;
  if (!repair) {
    const state = loc?.ok ? yield* verifyChannel(host, loc.dc) : 'unreachable';
    lines.push(...out(state === 'ok' ? 'True' : 'False'));
    if (verbose) say(state === 'ok' ? SECURE_CHANNEL_TEXT.alive(domain) : SECURE_CHANNEL_TEXT.broken(domain));
    return { lines };
  }
  // -Repair / Reset-ComputerMachinePassword: set a new machine password on the DC over LDAP with
  // the administrator's credentials, then store it here and rediscover a DC for the channel.
  const target = serverIp ?? (loc?.ok ? loc.dc.dcIp : undefined);
  if (!target)
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.serverDown),
      'FailToResetPasswordOnDomain',
    );
  const secret = nextSecret(host);
  const r = yield* resetChannel(host, target, secret);
  if (r === 'unreachable')
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.serverDown),
      'FailToResetPasswordOnDomain',
    );
  if (r === 'ERROR_LOGON_FAILURE')
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.badCredentials),
      'FailToResetPasswordOnDomain',
    );
  if (r === 'ERROR_ACCESS_DENIED')
    return fail(
      SECURE_CHANNEL_TEXT.failToReset(SECURE_CHANNEL_TEXT.accessDenied),
      'FailToResetPasswordOnDomain',
    );
  const effects: HostEffect[] = [{ type: 'machineSecret', secret }];
  if (!testing) return { lines, effects };
  // On the PDC there is no channel to its own domain to rediscover.
  const ok = host.kind !== 'dc';
  lines.push(...out(ok ? 'True' : 'False'));
  if (verbose) say(ok ? SECURE_CHANNEL_TEXT.repaired(domain) : SECURE_CHANNEL_TEXT.repairFailed(domain));
  return { lines, effects };
}

function secureChannelCmdlet(names: string[], spec: CmdletSpec): CommandDef {
  return {
    names,
    kind: 'cmdlet',
    run: (env) => {
      const v = bound(env, spec);
      if (Array.isArray(v)) return done(v);
      if (v.WhatIf === true)
        return done(
          out(`What if: Performing the operation "${spec.name}" on target "${env.host.hostname}".`),
        );
      return { kind: 'script', script: () => secureChannelScript(env, spec, v) };
    },
  };
}

export const testComputerSecureChannel = secureChannelCmdlet(['test-computersecurechannel'], tcscSpec);
export const resetComputerMachinePassword = secureChannelCmdlet(['reset-computermachinepassword'], rcmpSpec);

export const NETDIAG_COMMANDS: readonly CommandDef[] = [
  getDnsClientServerAddress,
  setDnsClientServerAddress,
  clearDnsClientCache,
  resolveDnsNameCmd,
  netsh,
  testNetConnection,
  nltest,
  klist,
  gpupdate,
  testComputerSecureChannel,
  resetComputerMachinePassword,
];
