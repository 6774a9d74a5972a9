/**
 * `ipconfig`, `ipconfig /all` and friends, laid out as Windows lays them out (reference §6.6).
 * Pure: the host's state and the lab time in, console lines out.
 */
import { formatLongDateTime } from '../core/time';
import { effectiveIpConfig, type WindowsHostContext } from './hostState';

const L = {
  hostName: '   Host Name . . . . . . . . . . . . : ',
  primaryDnsSuffix: '   Primary Dns Suffix  . . . . . . . : ',
  nodeType: '   Node Type . . . . . . . . . . . . : ',
  ipRouting: '   IP Routing Enabled. . . . . . . . : ',
  winsProxy: '   WINS Proxy Enabled. . . . . . . . : ',
  searchList: '   DNS Suffix Search List. . . . . . : ',
  mediaState: '   Media State . . . . . . . . . . . : ',
  connSuffix: '   Connection-specific DNS Suffix  . : ',
  description: '   Description . . . . . . . . . . . : ',
  physical: '   Physical Address. . . . . . . . . : ',
  dhcpEnabled: '   DHCP Enabled. . . . . . . . . . . : ',
  autoconfEnabled: '   Autoconfiguration Enabled . . . . : ',
  linkLocal: '   Link-local IPv6 Address . . . . . : ',
  ipv4: '   IPv4 Address. . . . . . . . . . . : ',
  apipa: '   Autoconfiguration IPv4 Address. . : ',
  mask: '   Subnet Mask . . . . . . . . . . . : ',
  leaseObtained: '   Lease Obtained. . . . . . . . . . : ',
  leaseExpires: '   Lease Expires . . . . . . . . . . : ',
  gateway: '   Default Gateway . . . . . . . . . : ',
  dhcpServer: '   DHCP Server . . . . . . . . . . . : ',
  iaid: '   DHCPv6 IAID . . . . . . . . . . . : ',
  duid: '   DHCPv6 Client DUID. . . . . . . . : ',
  dnsServers: '   DNS Servers . . . . . . . . . . . : ',
  netbios: '   NetBIOS over Tcpip. . . . . . . . : ',
} as const;

const CONTINUATION = ' '.repeat(L.dnsServers.length);

/** DNS servers Windows falls back to when it has no IPv4 DNS (reference: unconfirmed). */
const SITE_LOCAL_DNS = ['fec0:0:0:ffff::1%1', 'fec0:0:0:ffff::2%1', 'fec0:0:0:ffff::3%1'];

function adapterHeader(ctx: WindowsHostContext): string[] {
  return [`Ethernet adapter ${ctx.nic.name}:`, ''];
}

export function ipconfigBrief(ctx: WindowsHostContext): string[] {
  const nic = ctx.nic;
  const lines = ['', 'Windows IP Configuration', '', ''];
  lines.push(...adapterHeader(ctx));
  if (!nic.mediaConnected) {
    lines.push(`${L.mediaState}Media disconnected`, `${L.connSuffix}`);
    return lines;
  }
  const cfg = effectiveIpConfig(nic);
  lines.push(`${L.connSuffix}${cfg.dnsSuffix ?? ''}`);
  lines.push(`${L.linkLocal}${nic.linkLocalV6}%${nic.ifIndex}`);
  if (cfg.source === 'apipa') lines.push(`${L.apipa}${cfg.ip}`);
  else if (cfg.ip) lines.push(`${L.ipv4}${cfg.ip}`);
  if (cfg.mask) lines.push(`${L.mask}${cfg.mask}`);
  lines.push(`${L.gateway}${cfg.gateway ?? ''}`);
  return lines;
}

export function ipconfigAll(ctx: WindowsHostContext, offsetMinutes: number): string[] {
  const nic = ctx.nic;
  const cfg = effectiveIpConfig(nic);
  const isServer = ctx.kind !== 'client';
  const lines = ['', 'Windows IP Configuration', ''];
  lines.push(`${L.hostName}${ctx.hostname}`);
  lines.push(`${L.primaryDnsSuffix}${ctx.domainFqdn}`);
  lines.push(`${L.nodeType}Hybrid`);
  lines.push(`${L.ipRouting}No`);
  lines.push(`${L.winsProxy}No`);
  const search = [
    ctx.domainFqdn,
    ...(cfg.dnsSuffix && cfg.dnsSuffix !== ctx.domainFqdn ? [cfg.dnsSuffix] : []),
  ];
  lines.push(`${L.searchList}${search[0]}`, ...search.slice(1).map((s) => `${CONTINUATION}${s}`));
  lines.push('');
  lines.push(...adapterHeader(ctx));
  if (!nic.mediaConnected) {
    lines.push(`${L.mediaState}Media disconnected`);
    lines.push(`${L.connSuffix}`);
    lines.push(`${L.description}${nic.description}`);
    lines.push(`${L.physical}${nic.mac}`);
    lines.push(`${L.dhcpEnabled}${nic.dhcpEnabled ? 'Yes' : 'No'}`);
    lines.push(`${L.autoconfEnabled}Yes`);
    return lines;
  }
  lines.push(`${L.connSuffix}${cfg.dnsSuffix ?? ''}`);
  lines.push(`${L.description}${nic.description}`);
  lines.push(`${L.physical}${nic.mac}`);
  lines.push(`${L.dhcpEnabled}${nic.dhcpEnabled ? 'Yes' : 'No'}`);
  lines.push(`${L.autoconfEnabled}Yes`);
  lines.push(`${L.linkLocal}${nic.linkLocalV6}%${nic.ifIndex}(Preferred)`);
  if (cfg.source === 'apipa') lines.push(`${L.apipa}${cfg.ip}(Preferred)`);
  else if (cfg.ip) lines.push(`${L.ipv4}${cfg.ip}(Preferred)`);
  if (cfg.mask) lines.push(`${L.mask}${cfg.mask}`);
  if (cfg.source === 'dhcp' && nic.lease) {
    lines.push(`${L.leaseObtained}${formatLongDateTime(nic.lease.obtainedAt, offsetMinutes)}`);
    lines.push(`${L.leaseExpires}${formatLongDateTime(nic.lease.expiresAt, offsetMinutes)}`);
  }
  lines.push(`${L.gateway}${cfg.gateway ?? ''}`);
  if (cfg.source === 'dhcp' && nic.lease) lines.push(`${L.dhcpServer}${nic.lease.server}`);
  lines.push(`${L.iaid}${nic.dhcpv6Iaid}`);
  lines.push(`${L.duid}${nic.dhcpv6Duid}`);
  const dns = cfg.dnsServers.length > 0 ? cfg.dnsServers : isServer ? [] : SITE_LOCAL_DNS;
  if (dns.length > 0)
    lines.push(`${L.dnsServers}${dns[0]}`, ...dns.slice(1).map((d) => `${CONTINUATION}${d}`));
  else lines.push(`${L.dnsServers}`);
  lines.push(`${L.netbios}Enabled`);
  return lines;
}

export function ipconfigFlushDns(): string[] {
  return ['', 'Windows IP Configuration', '', 'Successfully flushed the DNS Resolver Cache.'];
}

export function ipconfigRenewFailed(ctx: WindowsHostContext): string[] {
  return [
    '',
    'Windows IP Configuration',
    '',
    `An error occurred while renewing interface ${ctx.nic.name} : unable to contact your DHCP server. Request has timed out.`,
  ];
}

export function ipconfigNotDhcp(): string[] {
  return [
    '',
    'Windows IP Configuration',
    '',
    'The operation failed as no adapter is in the state permissible for',
    'this operation.',
  ];
}

export function ipconfigMediaDisconnected(ctx: WindowsHostContext): string[] {
  return [
    '',
    'Windows IP Configuration',
    '',
    `No operation can be performed on ${ctx.nic.name} while it has its media disconnected.`,
    ...ipconfigBrief(ctx).slice(4),
  ];
}
