/**
 * The DNS client's adapter settings: Get-DnsClientServerAddress, Set-DnsClientServerAddress
 * (addresses or -ResetServerAddresses) and Clear-DnsClientCache, with the adapter's DNS servers as
 * Windows lists them (the loopback pseudo-interface included).
 */
import { cmdletSpec } from '../../catalog';
import type { HostEffect } from '../../../windows/hostOps';
import { isIpv4, type Ipv4 } from '../../../net/ipv4';
import type { NicRuntime, WindowsHostContext } from '../../../windows/hostState';
import { whatIf } from '../../shell/psError';
import type { PsObject } from '../../shell/psObject';
import { DNS_SERVER_TYPE } from '../../shell/customViews';
import { display } from '../../shell/psViews';
import { binderError, cmdletError } from '../errors';
import { bound, listOf } from '../args';
import { done, type CommandDef } from '../types';
import { likeName } from '../../shell/wildcard';

export const LOOPBACK_ALIAS = 'Loopback Pseudo-Interface 1';
const LOOPBACK_V6_DNS = ['fec0:0:0:ffff::1', 'fec0:0:0:ffff::2', 'fec0:0:0:ffff::3'];

/** The DNS servers the adapter is set to use (typed in, static or from DHCP), cable or not. */
export function adapterDns(nic: NicRuntime): Ipv4[] {
  if (nic.dnsOverride) return nic.dnsOverride;
  if (!nic.dhcpEnabled && nic.static) return nic.static.dnsServers;
  return nic.lease?.dnsServers ?? [];
}

/**
 * "Back to automatic": DHCP's servers on a DHCP adapter; none on a static one, because on Windows
 * the static DNS servers and the typed-in ones are one and the same setting.
 */
export function resetDns(nic: NicRuntime): HostEffect {
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

/** The CIM instances Get-DnsClientServerAddress writes (AddressFamily as the number it is: 2, 23). */
function dnsObjects(rows: DnsRow[]): PsObject[] {
  return rows.map((r) => ({
    typeName: DNS_SERVER_TYPE,
    props: [
      ['InterfaceAlias', r.alias],
      ['InterfaceIndex', r.index],
      ['AddressFamily', r.family === 'IPv4' ? 2 : 23],
      ['ServerAddresses', `{${r.servers.join(', ')}}`],
    ],
  }));
}

const CIM_CLASS = 'MSFT_DNSClientServerAddress';

const getDnsSpec = cmdletSpec('Get-DnsClientServerAddress');

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
  if (aliases.length > 0) rows = rows.filter((r) => aliases.some((a) => likeName(a, r.alias)));
  if (indexes.length > 0) rows = rows.filter((r) => indexes.some((i) => String(r.index) === i.trim()));
  return { rows };
}

export const getDnsClientServerAddress: CommandDef = {
  name: 'Get-DnsClientServerAddress',
  run: (env) => {
    const v = bound(env, getDnsSpec);
    if (Array.isArray(v)) return done(v);
    const sel = selectInterfaces(env.host, listOf(v.InterfaceAlias), listOf(v.InterfaceIndex));
    if (sel.missing) {
      const { by, value } = sel.missing;
      return done(
        cmdletError(env, getDnsSpec, {
          message: `No matching ${CIM_CLASS} objects found by CIM query for instances of the ROOT/StandardCimv2/${CIM_CLASS} class on the  CIM server: SELECT * FROM ${CIM_CLASS}  WHERE ((${by} ${by === 'InterfaceAlias' ? `LIKE '${value}'` : `= ${value}`})). Verify query parameters and retry.`,
          category: 'ObjectNotFound',
          target: `${CIM_CLASS}:String`,
          exception: 'CimJobException',
          errorId: `CmdletizationQuery_NotFound_${by}`,
        }),
      );
    }
    const rows = v.AddressFamily ? sel.rows.filter((r) => r.family === v.AddressFamily) : sel.rows;
    const objects = dnsObjects(rows);
    return done(display(objects), undefined, objects);
  },
};

const setDnsSpec = cmdletSpec('Set-DnsClientServerAddress');

/** Unconfirmed: the CIM provider's answer to an address that is not one (Windows System Error 87). */
export const SET_DNS_BAD_ADDRESS = 'The parameter is incorrect.';

export const setDnsClientServerAddress: CommandDef = {
  name: 'Set-DnsClientServerAddress',
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
        cmdletError(env, setDnsSpec, {
          message: `No ${CIM_CLASS} objects found with property '${by}' equal to '${value}'.  Verify the value of the property and retry.`,
          category: 'ObjectNotFound',
          target: `${value}:${by === 'InterfaceAlias' ? 'String' : 'UInt32'}`,
          exception: 'CimJobException',
          errorId: `CmdletizationQuery_NotFound_${by}`,
        }),
      );
    }
    const servers = listOf(v.ServerAddresses);
    const bad = servers.find((s) => !isIpv4(s));
    if (bad !== undefined) {
      return done(
        cmdletError(env, setDnsSpec, {
          message: SET_DNS_BAD_ADDRESS,
          category: 'InvalidArgument',
          target: `${CIM_CLASS}:ROOT/StandardCimv2/${CIM_CLASS}`.replace(/^(.{15}).*(.{15})$/, '$1...$2'),
          exception: 'CimException',
          errorId: 'Windows System Error 87',
        }),
      );
    }
    const adapter = sel.rows.some((r) => r.alias === env.host.nic.name);
    if (v.WhatIf) {
      return done(
        [...new Set(sel.rows.map((r) => r.alias))].flatMap((a) => whatIf('Set-DnsClientServerAddress', a)),
      );
    }
    if (!adapter) return done([]);
    if (v.ResetServerAddresses) return done([], [resetDns(env.host.nic)]);
    if (v.ServerAddresses !== undefined) return done([], [{ type: 'dns', servers }]);
    return done([]);
  },
};

const clearDnsSpec = cmdletSpec('Clear-DnsClientCache');

export const clearDnsClientCache: CommandDef = {
  name: 'Clear-DnsClientCache',
  run: (env) => {
    const v = bound(env, clearDnsSpec);
    if (Array.isArray(v)) return done(v);
    return done([], [{ type: 'flushDns' }]);
  },
};
