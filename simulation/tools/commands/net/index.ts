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
 *
 * The commands live in net/: shared.ts (scripts on the lab clock, cmdlet errors, list output),
 * dcExchanges.ts (Netlogon and Kerberos exchanges with a DC), dnsClient.ts, resolveDnsName.ts,
 * netsh.ts, testNetConnection.ts, nltest.ts, klist.ts, gpupdate.ts and secureChannel.ts; this
 * module assembles them.
 */
import { clearDnsClientCache, getDnsClientServerAddress, setDnsClientServerAddress } from './dnsClient';
import { gpupdate } from './gpupdate';
import { klist } from './klist';
import { netsh } from './netsh';
import { nltest } from './nltest';
import { resolveDnsNameCmd } from './resolveDnsName';
import { resetComputerMachinePassword, testComputerSecureChannel } from './secureChannel';
import { testNetConnection } from './testNetConnection';
import { invokeRestMethod, invokeWebRequest } from './webRequest';
import type { CommandDef } from '../types';

export const NETDIAG_COMMANDS: readonly CommandDef[] = [
  getDnsClientServerAddress,
  setDnsClientServerAddress,
  clearDnsClientCache,
  resolveDnsNameCmd,
  netsh,
  testNetConnection,
  invokeWebRequest,
  invokeRestMethod,
  nltest,
  klist,
  gpupdate,
  testComputerSecureChannel,
  resetComputerMachinePassword,
];
