/**
 * dcdiag.exe on the DC (Microsoft Learn, "dcdiag"): the initial setup, Connectivity (the DC's own
 * name resolves, its directory answers), then Advertising (the DC locator finds it), NetLogons
 * (the NETLOGON share: the Server service), Services (the services a DC needs, running and
 * automatic), SystemLog (errors in the System log in the last hour) and the enterprise
 * LocatorCheck, in dcdiag's layout. `/test:<name>` runs one test (after Connectivity, as dcdiag
 * does). Reads the lab's state: the DC's services and logs, DNS and the locator over the network.
 */
import { HOUR } from '../../../core/time';
import type { Script } from '../../../proc/script';
import type { WindowsHostContext } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { findDc } from '../ad/adClient';
import { toLocal } from '../time/hostTime';
import type { CommandDef, CommandEnv, CommandResult } from '../types';
import { dnsTest, type DnsTestResult } from './dcdiagDns';

/** The services dcdiag's Services test checks, by service name. */
const DC_SERVICES = [
  'RpcSs',
  'EventSystem',
  'Dnscache',
  'NTDS',
  'IsmServ',
  'Kdc',
  'SamSs',
  'LanmanServer',
  'LanmanWorkstation',
  'W32Time',
  'Netlogon',
  'DFSR',
];

const PRIMARY = ['Advertising', 'NetLogons', 'Services', 'SystemLog'] as const;
const ENTERPRISE = ['LocatorCheck'] as const;
const DOTS = '.........................';

interface TestResult {
  lines: string[];
  ok: boolean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "03/02/2026   08:05:00", as dcdiag prints Time Generated. */
function generated(localMs: number): string {
  const d = new Date(localMs);
  return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()}   ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

function* connectivity(host: WindowsHostContext): Script<TestResult> {
  const fqdn = `${host.hostname}.${host.domainFqdn}`.toLowerCase();
  const r = yield* resolveName(host, fqdn);
  const ntds = host.services.NTDS?.status === 'Running';
  if (r.ok && ntds) return { ok: true, lines: [] };
  const lines: string[] = [];
  if (!r.ok)
    lines.push(
      `The host ${fqdn} could not be resolved to an IP address. Check the DNS server, DHCP, server name, etc.`,
    );
  lines.push('Got error while checking LDAP and RPC connectivity. Please check your firewall settings.');
  return { ok: false, lines };
}

function* advertising(host: WindowsHostContext): Script<TestResult> {
  const found = yield* findDc(host);
  if (found.ok && host.services.Netlogon?.status === 'Running') return { ok: true, lines: [] };
  return {
    ok: false,
    lines: [
      `Fatal Error:DsGetDcName (${host.hostname}) call failed, error 1355`,
      'The Locator could not find the server.',
    ],
  };
}

function netLogons(host: WindowsHostContext): TestResult {
  if (host.services.LanmanServer?.status === 'Running' && host.services.Netlogon?.status === 'Running')
    return { ok: true, lines: [] };
  return {
    ok: false,
    lines: [
      `Unable to connect to the NETLOGON share! (\\\\${host.hostname}\\netlogon)`,
      `[${host.hostname}] An net use or LsaPolicy operation failed with error 67, The network name cannot be found..`,
    ],
  };
}

function services(host: WindowsHostContext): TestResult {
  const lines: string[] = [];
  for (const name of DC_SERVICES) {
    const s = Object.values(host.services).find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) continue;
    if (s.startType !== 'Automatic')
      lines.push(
        `   Invalid service startup type: ${name} on ${host.hostname}, current value ${s.startType === 'Disabled' ? 'DISABLED' : 'DEMAND_START'}, expected value AUTO_START`,
      );
    if (s.status !== 'Running') lines.push(`   ${name} Service is stopped on [${host.hostname}]`);
  }
  return { ok: lines.length === 0, lines };
}

function systemLog(env: CommandEnv): TestResult {
  const host = env.host;
  const errors = (host.logs.System?.entries ?? []).filter(
    (e) => (e.level === 'Error' || e.level === 'Critical') && e.time >= env.now - HOUR,
  );
  const lines: string[] = [];
  for (const e of errors)
    lines.push(
      `An error event occurred.  EventID: 0x${e.eventId.toString(16).toUpperCase().padStart(8, '0')}`,
      `   Time Generated: ${generated(toLocal(env, e.time))}`,
      '   Event String:',
      `   ${e.message.split('\n')[0] ?? ''}`,
    );
  return { ok: errors.length === 0, lines };
}

function block(name: string, who: string, r: TestResult): string[] {
  return [
    `      Starting test: ${name}`,
    ...r.lines.map((l) => `         ${l}`),
    `         ${DOTS} ${who} ${r.ok ? 'passed' : 'failed'} test ${name}`,
  ];
}

function* dcdiagScript(env: CommandEnv, only: string | undefined): Script<CommandResult> {
  const host = env.host;
  const site = 'Default-First-Site-Name';
  const lines: string[] = [
    '',
    'Directory Server Diagnosis',
    '',
    'Performing initial setup:',
    '   Trying to find home server...',
    `   Home Server = ${host.hostname}`,
    '   * Identified AD Forest. ',
    '   Done gathering initial info.',
    '',
    'Doing initial required tests',
    '   ',
    `   Testing server: ${site}\\${host.hostname}`,
  ];
  let dns: DnsTestResult | undefined;
  const conn = yield* connectivity(host);
  lines.push(...block('Connectivity', host.hostname, conn), '');
  lines.push('Doing primary tests', '   ', `   Testing server: ${site}\\${host.hostname}`);
  const wanted = (name: string) => only === undefined || only === name.toLowerCase();
  if (!conn.ok) {
    lines.push(
      `      Skipping all tests, because server ${host.hostname} is not responding to directory service requests.`,
    );
  } else {
    // DNS is not among the default tests; `/test:dns` runs it (primary and enterprise parts).
    if (only === 'dns') {
      dns = yield* dnsTest(host);
      lines.push(...block('DNS', host.hostname, { ok: dns.ok, lines: dns.primary }));
    }
    for (const name of PRIMARY) {
      if (!wanted(name)) continue;
      const r =
        name === 'Advertising'
          ? yield* advertising(host)
          : name === 'NetLogons'
            ? netLogons(host)
            : name === 'Services'
              ? services(host)
              : systemLog(env);
      lines.push(...block(name, host.hostname, r));
    }
  }
  lines.push('   ', `   Running partition tests on : ${host.domainNetbios}`, '');
  lines.push(`   Running enterprise tests on : ${host.domainFqdn}`);
  if (dns) lines.push(...block('DNS', host.domainFqdn, { ok: dns.ok, lines: dns.enterprise }));
  for (const name of ENTERPRISE) {
    if (!wanted(name)) continue;
    const found = yield* findDc(host);
    const r: TestResult = found.ok
      ? { ok: true, lines: [] }
      : {
          ok: false,
          lines: [
            'Warning: DcGetDcName(PDC_REQUIRED) call failed, error 1355',
            'A Primary Domain Controller could not be located.',
            'The server holding the PDC role is down.',
          ],
        };
    lines.push(...block(name, host.domainFqdn, r));
  }
  lines.push('');
  return { lines: out(...lines) };
}

const KNOWN = [
  'connectivity',
  'dns',
  ...PRIMARY.map((t) => t.toLowerCase()),
  ...ENTERPRISE.map((t) => t.toLowerCase()),
];

export const dcdiag: CommandDef = {
  name: 'dcdiag',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const test = args
      .find((a) => /^\/test:/i.test(a))
      ?.slice('/test:'.length)
      .toLowerCase();
    if (test !== undefined && !KNOWN.includes(test))
      return {
        kind: 'done',
        result: {
          lines: [
            {
              kind: 'error',
              text: `HybridLab: dcdiag's ${test} test is not simulated; the lab runs Connectivity, Advertising, NetLogons, Services, SystemLog, LocatorCheck and DNS.`,
            },
          ],
        },
      };
    return { kind: 'script', script: () => dcdiagScript(env, test === 'connectivity' ? '-' : test) };
  },
};
