/**
 * Issue 15, item 7: dcdiag on DC01 (Microsoft Learn, "dcdiag": the Connectivity, Advertising,
 * NetLogons, Services, SystemLog and LocatorCheck tests, "<server> passed test <name>" /
 * "failed test"), reading the lab's state: a stopped Netlogon fails Advertising (DsGetDcName
 * error 1355), NetLogons and Services; a disabled service fails Services with its startup type.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../harness';
import { workingLab } from '../faults/faultHarness';

const DOTS = '         .........................';

describe('dcdiag (Microsoft Learn "dcdiag")', () => {
  it('a healthy DC passes every test, in dcdiag layout', () => {
    const lab = workingLab();
    const lines = run(lab, 'dc01', 'dcdiag', 'cmd');
    expect(lines.slice(0, 8)).toEqual([
      '',
      'Directory Server Diagnosis',
      '',
      'Performing initial setup:',
      '   Trying to find home server...',
      '   Home Server = DC01',
      '   * Identified AD Forest. ',
      '   Done gathering initial info.',
    ]);
    for (const t of ['Connectivity', 'Advertising', 'NetLogons', 'Services', 'SystemLog'])
      expect(lines).toContain(`${DOTS} DC01 passed test ${t}`);
    expect(lines).toContain(`${DOTS} laborhub.store passed test LocatorCheck`);
    expect(lines.join('\n')).not.toContain('failed');
  });

  it('Netlogon stopped and the KDC disabled: Advertising, NetLogons, Services and LocatorCheck fail', () => {
    const lab = workingLab();
    run(lab, 'dc01', 'net stop netlogon', 'cmd');
    run(lab, 'dc01', 'Set-Service Kdc -StartupType Disabled', 'powershell');
    const lines = run(lab, 'dc01', 'dcdiag', 'cmd');
    expect(lines).toContain('         Fatal Error:DsGetDcName (DC01) call failed, error 1355');
    expect(lines).toContain(`${DOTS} DC01 failed test Advertising`);
    expect(lines).toContain('         Unable to connect to the NETLOGON share! (\\\\DC01\\netlogon)');
    expect(lines).toContain(
      '            Invalid service startup type: Kdc on DC01, current value DISABLED, expected value AUTO_START',
    );
    expect(lines).toContain('            Netlogon Service is stopped on [DC01]');
    expect(lines).toContain(`${DOTS} DC01 failed test Services`);
    expect(lines).toContain(`${DOTS} laborhub.store failed test LocatorCheck`);
    // /test: runs one test after Connectivity.
    const one = run(lab, 'dc01', 'dcdiag /test:Services', 'cmd');
    expect(one.filter((l) => l.startsWith('      Starting test:'))).toEqual([
      '      Starting test: Connectivity',
      '      Starting test: Services',
    ]);
  });

  it('exists on the DC only', () => {
    const lab = workingLab();
    expect(run(lab, 'pc2', 'dcdiag', 'cmd')[0]).toBe(
      "'dcdiag' is not recognized as an internal or external command,",
    );
  });

  it('/test:dns (Microsoft Learn "dcdiag", /test:DNS): a healthy DC passes Auth, Basc, Forw, Del, Dyn and RReg; Ext is n/a', () => {
    const lab = workingLab();
    const lines = run(lab, 'dc01', 'dcdiag /test:dns', 'cmd');
    expect(lines).toContain(`${DOTS} DC01 passed test DNS`);
    expect(lines).toContain(`${DOTS} laborhub.store passed test DNS`);
    expect(lines.some((l) => l.trim() === 'Auth Basc Forw Del  Dyn  RReg Ext')).toBe(true);
    expect(lines.some((l) => /^\s+DC01\s+PASS PASS PASS PASS PASS PASS n\/a\s*$/.test(l))).toBe(true);
  });

  it('/test:dns reads the lab: the DC pointed at 8.8.8.8 has an invalid DNS server; the DNS service stopped fails Basc', () => {
    const lab = workingLab();
    run(
      lab,
      'dc01',
      'Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses 127.0.0.1,8.8.8.8',
      'powershell',
    );
    const mixed = run(lab, 'dc01', 'dcdiag /test:dns', 'cmd');
    expect(mixed.some((l) => /has invalid DNS server: 8\.8\.8\.8 \(<name unavailable>\)$/.test(l))).toBe(
      true,
    );
    expect(mixed.some((l) => /^\s+DC01\s+PASS WARN PASS PASS PASS PASS n\/a\s*$/.test(l))).toBe(true);
    run(lab, 'dc01', 'net stop dns', 'cmd');
    const stopped = run(lab, 'dc01', 'dcdiag /test:dns', 'cmd');
    expect(stopped).toContain(`${DOTS} laborhub.store failed test DNS`);
    expect(stopped.some((l) => /^\s+DC01\s+PASS FAIL /.test(l))).toBe(true);
  });
});
