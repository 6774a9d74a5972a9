/**
 * `netsh interface ip`: `show dnsservers` and `show config` for the adapter, and `set`, `add` and
 * `delete dnsservers`, with netsh's own messages.
 */
import type { HostEffect } from '../../../windows/hostOps';
import { isIpv4 } from '../../../net/ipv4';
import {
  effectiveIpConfig,
  type ConsoleLine,
  type NicRuntime,
  type WindowsHostContext,
} from '../../../windows/hostState';
import { queryServer } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { adapterDns, LOOPBACK_ALIAS, resetDns } from './dnsClient';
import { done, type CommandDef, type CommandEnv, type CommandOutcome } from '../types';

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
  name: 'netsh',
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
