/** `nslookup [-type=X] name [server]`: asks one DNS server directly, as nslookup does. */
import { isIpv4, type Ipv4 } from '../../../net/ipv4';
import type { DnsRecord, DnsType } from '../../../net/packets';
import type { Script } from '../../../proc/script';
import { reverseName } from '../../../roles/dnsServer';
import { effectiveIpConfig } from '../../../windows/hostState';
import { qualify, queryServer } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

const TYPES: Record<string, DnsType> = { a: 'A', srv: 'SRV', ptr: 'PTR', any: 'ANY' };

/** nslookup separates a name from its data with a tab; the console shows tab stops every 8 columns. */
export function expandTabs(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

function formatRecord(r: DnsRecord): string[] {
  if (r.type === 'SRV') {
    return [
      `${r.name}\tSRV service location:`,
      `          priority       = ${r.priority ?? 0}`,
      `          weight         = ${r.weight ?? 0}`,
      `          port           = ${r.port ?? 0}`,
      `          svr hostname   = ${r.data}`,
    ];
  }
  if (r.type === 'PTR') return [`${r.name}\tname = ${r.data}`];
  if (r.type === 'CNAME') return [`${r.name}\tcanonical name = ${r.data}`];
  return [`${r.name}\tinternet address = ${r.data}`];
}

function* lookup(
  env: CommandEnv,
  name: string,
  qtype: DnsType,
  serverArg: Ipv4 | undefined,
): Script<CommandResult> {
  const cfg = effectiveIpConfig(env.host.nic);
  const configured = cfg.dnsServers[0];
  const server = serverArg ?? configured ?? 'fec0:0:0:ffff::1%1';
  const lines: string[] = [];
  const timeoutLines = ['DNS request timed out.', '    timeout was 2 seconds.'];
  const routable = isIpv4(server) && !!cfg.ip;
  const target = server === '127.0.0.1' && cfg.ip ? cfg.ip : server;

  // nslookup first names the server it is using, by a reverse lookup of its address.
  let serverName = 'UnKnown';
  if (server === '127.0.0.1') serverName = 'localhost';
  else if (routable) {
    const ptr = yield* queryServer(env.host, target, reverseName(server), 'PTR');
    if (ptr.status !== 'answer') lines.push(...timeoutLines);
    const rec = ptr.response?.answers.find((a) => a.type === 'PTR');
    if (rec) serverName = rec.data;
  } else {
    lines.push(...timeoutLines);
  }
  lines.push(`Server:  ${serverName}`, `Address:  ${server}`, '');

  // An address instead of a name: nslookup asks for its PTR record in the reverse zone.
  const reverse = qtype === 'A' && isIpv4(name);
  const fqdn = reverse
    ? reverseName(name)
    : qtype === 'A' && !name.includes('.')
      ? qualify(env.host, name)
      : name.replace(/\.$/, '');
  if (!routable) {
    lines.push(...timeoutLines, ...timeoutLines, `*** Request to ${serverName} timed-out`);
    return { lines: out(...lines) };
  }
  const q = yield* queryServer(env.host, target, fqdn, reverse ? 'PTR' : qtype);
  if (q.status !== 'answer' || !q.response) {
    lines.push(...timeoutLines, ...timeoutLines, `*** Request to ${serverName} timed-out`);
    return { lines: out(...lines) };
  }
  const res = q.response;
  if (res.rcode === 'NXDOMAIN') {
    lines.push(`*** ${serverName} can't find ${name}: Non-existent domain`);
    return { lines: out(...lines) };
  }
  if (res.rcode === 'SERVFAIL') {
    lines.push(`*** ${serverName} can't find ${name}: Server failed`);
    return { lines: out(...lines) };
  }
  if (res.rcode === 'REFUSED') {
    lines.push(`*** ${serverName} can't find ${name}: Query refused`);
    return { lines: out(...lines) };
  }
  if (res.answers.length === 0) {
    lines.push(`${fqdn}`, `\tprimary name server = ${serverName}`);
    return { lines: out(...lines) };
  }
  if (!res.authoritative) lines.push('Non-authoritative answer:');
  if (reverse) {
    lines.push(`Name:    ${res.answers.find((a) => a.type === 'PTR')?.data ?? ''}`, `Address:  ${name}`, '');
  } else if (qtype === 'A') {
    const addrs = res.answers.filter((a) => a.type === 'A').map((a) => a.data);
    lines.push(`Name:    ${res.answers.find((a) => a.type === 'A')?.name ?? fqdn}`);
    lines.push(
      addrs.length > 1 ? `Addresses:  ${addrs.join('\n          ')}` : `Address:  ${addrs[0] ?? ''}`,
    );
    lines.push('');
  } else {
    for (const r of res.answers) lines.push(...formatRecord(r));
    for (const r of res.additional) lines.push(...formatRecord(r));
  }
  return { lines: out(...lines.flatMap((l) => l.split('\n')).map(expandTabs)) };
}

export const nslookup: CommandDef = {
  name: 'nslookup',
  run: (env) => {
    let qtype: DnsType = 'A';
    const rest: string[] = [];
    for (const a of env.cmd.args) {
      const m = /^-(?:type|querytype|q|qt)=(\w+)$/i.exec(a.text);
      if (m) {
        const t = TYPES[(m[1] ?? '').toLowerCase()];
        if (!t) return done(out(`unknown query type: ${m[1] ?? ''}`));
        qtype = t;
      } else if (a.text.startsWith('-')) {
        return done(out(`*** Invalid option: ${a.text.slice(1)}`));
      } else rest.push(a.text);
    }
    const [name, server] = rest;
    if (!name) {
      const cfg = effectiveIpConfig(env.host.nic);
      return done(
        out(
          `Default Server:  ${cfg.dnsServers[0] === '127.0.0.1' ? 'localhost' : 'UnKnown'}`,
          `Address:  ${cfg.dnsServers[0] ?? 'fec0:0:0:ffff::1%1'}`,
          '',
          '(This lab console runs nslookup in non-interactive mode: give the name on the command line, e.g. nslookup dc01.)',
        ),
      );
    }
    if (server !== undefined && !isIpv4(server)) {
      return done(out(`*** Can't find address for server ${server}: Non-existent domain`));
    }
    return { kind: 'script', script: () => lookup(env, name, qtype, server) };
  },
};
