/**
 * Resolve-DnsName: a query to the adapter's DNS servers (or -Server) over the lab's network, the
 * DNS client's errors, and the DnsClient format views its records print in.
 */
import { cmdletSpec } from '../../catalog';
import { isIpv4 } from '../../../net/ipv4';
import type { DnsRecord, DnsType } from '../../../net/packets';
import type { Script } from '../../../proc/script';
import { reverseName } from '../../../roles/dnsServer';
import { effectiveIpConfig, type ConsoleLine } from '../../../windows/hostState';
import { qualify, queryServer } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { bound, listOf } from '../args';
import { cmdletError } from '../errors';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';
import { fixedTable, type Column } from '../../shell/tables';

const resolveSpec = cmdletSpec('Resolve-DnsName');

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
const A_VIEW: Column[] = [
  { header: 'Name', width: 46 },
  { header: 'Type', width: 6 },
  { header: 'TTL', width: 5 },
  { header: 'Section', width: 10 },
  { header: 'IPAddress' },
];
const SRV_VIEW: Column[] = [
  { header: 'Name', width: 40 },
  { header: 'Type', width: 6 },
  { header: 'TTL', width: 5 },
  { header: 'Section', width: 10 },
  { header: 'NameTarget', width: 30 },
  { header: 'Priority', width: 8 },
  { header: 'Weight', width: 6 },
  { header: 'Port' },
];
const NAMEHOST_VIEW: Column[] = [
  { header: 'Name', width: 30 },
  { header: 'Type', width: 6 },
  { header: 'TTL', width: 5 },
  { header: 'Section', width: 10 },
  { header: 'NameHost' },
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
    lines: cmdletError(env, resolveSpec, {
      message: `${name} : ${e.text}`,
      category: e.category,
      target: `${name}:String`,
      exception: 'Win32Exception',
      errorId: e.id,
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
  name: 'Resolve-DnsName',
  run: (env) => {
    const v = bound(env, resolveSpec);
    if (Array.isArray(v)) return done(v);
    const server = listOf(v.Server)[0];
    if (server !== undefined && !isIpv4(server)) {
      return done(
        cmdletError(env, resolveSpec, {
          message: `${String(v.Name)} : ${RESOLVE_ERRORS.timeout.text}`,
          category: RESOLVE_ERRORS.timeout.category,
          target: `${String(v.Name)}:String`,
          exception: 'Win32Exception',
          errorId: RESOLVE_ERRORS.timeout.id,
        }),
      );
    }
    const type = typeof v.Type === 'string' ? v.Type : undefined;
    return { kind: 'script', script: () => resolveDnsName(env, String(v.Name), type, server) };
  },
};

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
