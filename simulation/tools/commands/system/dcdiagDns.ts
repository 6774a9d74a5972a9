/**
 * dcdiag's DNS test (`dcdiag /test:dns`; Microsoft Learn "dcdiag", /test:DNS and its sub-tests
 * Authentication, Basic, Forwarders/Root hints, Delegations, Dynamic update, Records registration),
 * asked over the lab's network as dcdiag asks its DNS servers:
 * - Basc: the DNS Server service runs, and each DNS server on the DC's adapter answers for the
 *   DC's own zone with its A record (a server that does not is "invalid");
 * - Forw: a name outside the lab's zones resolves through the DC's DNS server (its forwarders);
 * - RReg: the DC's A record and its `_ldap._tcp.dc._msdcs` SRV record are registered;
 * - Del: the lab's zones have no delegations, so it passes; Dyn: every zone of the lab's DNS
 *   server takes secure dynamic updates (nothing in the lab turns them off), so it passes;
 * - Ext: not run without /DnsInternetName (n/a), as dcdiag prints it.
 * The error lines' wording is unconfirmed where noted (docs/fidelity.md).
 */
import type { Ipv4 } from '../../../net/ipv4';
import type { Script } from '../../../proc/script';
import { effectiveIpConfig, type WindowsHostContext } from '../../../windows/hostState';
import { queryServer } from '../../../windows/resolver';

/** A name outside the lab's zones that the DC's DNS answers only through its forwarders. */
const OUTSIDE_NAME = 'login.microsoftonline.com';

export interface DnsTestResult {
  ok: boolean;
  /** The primary test's lines (under "Starting test: DNS" for the server). */
  primary: string[];
  /** The enterprise test's lines (under "Starting test: DNS" for the domain). */
  enterprise: string[];
}

type Verdict = 'PASS' | 'FAIL' | 'WARN' | 'n/a';

export function* dnsTest(host: WindowsHostContext): Script<DnsTestResult> {
  const fqdn = `${host.hostname}.${host.domainFqdn}`;
  const cfg = effectiveIpConfig(host.nic);
  const own = cfg.ip ?? '0.0.0.0';
  const servers = cfg.dnsServers.map((s) => (s === '127.0.0.1' ? own : s));
  const dnsRunning = host.services.DNS?.status === 'Running';

  const basic: string[] = [];
  const valid: Ipv4[] = [];
  if (!dnsRunning) basic.push('Error: The DNS service is not running.'); // unconfirmed wording
  for (const server of servers) {
    const q = yield* queryServer(host, server, fqdn, 'A');
    const answered = q.status === 'answer' && q.response?.rcode === 'NOERROR' && q.response.authoritative;
    if (answered) valid.push(server);
    else
      basic.push(
        `Warning: adapter [00000007] ${host.nic.description} has invalid DNS server: ${server} (<name unavailable>)`,
      );
  }
  if (valid.length === 0) basic.push('Error: all DNS servers are invalid');
  const basc: Verdict = valid.length === 0 || !dnsRunning ? 'FAIL' : basic.length > 0 ? 'WARN' : 'PASS';

  const first = valid[0];
  const forw: string[] = [];
  let forwOk = false;
  if (first !== undefined) {
    const q = yield* queryServer(host, first, OUTSIDE_NAME, 'A');
    forwOk = q.status === 'answer' && q.response?.rcode === 'NOERROR' && q.response.answers.length > 0;
    if (!forwOk) forw.push('Error: All forwarders in the forwarder list are invalid.'); // unconfirmed wording
  }

  const rreg: string[] = [];
  if (first !== undefined) {
    const a = yield* queryServer(host, first, fqdn, 'A');
    if (!(a.status === 'answer' && a.response?.answers.some((r) => r.type === 'A')))
      rreg.push(`Error: Missing A record at DNS server ${first} : ${fqdn}`);
    const srvName = `_ldap._tcp.dc._msdcs.${host.domainFqdn}`;
    const s = yield* queryServer(host, first, srvName, 'SRV');
    if (!(s.status === 'answer' && s.response?.answers.some((r) => r.type === 'SRV')))
      rreg.push(`Error: Missing SRV record at DNS server ${first} : ${srvName}`);
  }

  const verdicts: [string, string, Verdict, string[]][] = [
    ['Authentication', 'Auth', 'PASS', ['Authentication test: Successfully completed']],
    ['Basic', 'Basc', basc, basic],
    ['Forwarders/Root hints', 'Forw', first === undefined ? 'n/a' : forwOk ? 'PASS' : 'FAIL', forw],
    ['Delegations', 'Del', 'PASS', []],
    ['Dynamic update', 'Dyn', first === undefined ? 'n/a' : 'PASS', []],
    ['Records registration', 'RReg', first === undefined ? 'n/a' : rreg.length ? 'FAIL' : 'PASS', rreg],
  ];
  const ok = verdicts.every(([, , v]) => v !== 'FAIL');
  const col = (v: Verdict) => v.padEnd(5);
  const enterprise = [
    'Test results for domain controllers:',
    '   ',
    `   DC: ${fqdn}`,
    `   Domain: ${host.domainFqdn}`,
    '',
    ...verdicts.flatMap(([name, short, , lines]) => [
      `      TEST: ${name} (${short})`,
      ...lines.map((l) => `         ${l}`),
      '',
    ]),
    'Summary of test results for DNS servers used by the above domain controllers:',
    '',
    ...servers.flatMap((s) => [
      `   DNS server: ${s} (${valid.includes(s) ? host.hostname : '<name unavailable>'})`,
      valid.includes(s) && ok
        ? '      All tests passed on this DNS server'
        : `      ${valid.includes(s) ? 'Some tests failed' : 'Name resolution is not functional'} on this DNS server`,
      '',
    ]),
    'Summary of DNS test results:',
    '',
    '                                   Auth Basc Forw Del  Dyn  RReg Ext ',
    '   _________________________________________________________________ ',
    `   Domain: ${host.domainFqdn}`,
    `      ${host.hostname.padEnd(29)}${verdicts.map(([, , v]) => col(v)).join('')}n/a  `,
    '',
  ];
  return {
    ok,
    primary: ['DNS Tests are running and not hung. Please wait a few minutes...'],
    enterprise,
  };
}
