/**
 * Issue 15, "Found by other checks": the Services console. The real Services snap-in (services.msc)
 * greys out Restart and Stop for a stopped service and Start for a running one, so a restart never
 * starts a stopped service; the engine's `service.restart` agrees. And a domain controller's list
 * carries the Security Accounts Manager (SamSs) and COM+ Event System (EventSystem) services,
 * Automatic and running, as on Windows Server (the two dcdiag's Services test checks among others).
 */
import { describe, expect, it } from 'vitest';
import { must, newLab, run } from '../../harness';
import type { Lab } from '../../../simulation/facade/lab';

const svc = (lab: Lab, host: string, name: string) =>
  lab.learnerView().tools[host]?.services.find((s) => s.name === name);
/** The Service Control Manager's 7036 events written after record `after`, oldest first. */
const scm = (lab: Lab, host: string, after: number) =>
  (lab.learnerView().tools[host]?.events.System ?? [])
    .filter((e) => e.recordId > after && e.eventId === 7036)
    .sort((a, b) => a.recordId - b.recordId);
const lastRecord = (lab: Lab, host: string) =>
  Math.max(0, ...(lab.learnerView().tools[host]?.events.System ?? []).map((e) => e.recordId));

describe('Services console: Restart applies to a running service only (services.msc)', () => {
  it('restarting a stopped service leaves it stopped and logs nothing', () => {
    const lab = newLab();
    must(lab, { type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    const t0 = lastRecord(lab, 'dc01');
    must(lab, { type: 'service.restart', host: 'dc01', service: 'DHCPServer' });
    expect(svc(lab, 'dc01', 'DHCPServer')?.status).toBe('Stopped');
    expect(scm(lab, 'dc01', t0)).toEqual([]);
  });

  it('restarting a running service stops and starts it (two 7036 events)', () => {
    const lab = newLab();
    const t0 = lastRecord(lab, 'dc01');
    must(lab, { type: 'service.restart', host: 'dc01', service: 'DHCPServer' });
    expect(svc(lab, 'dc01', 'DHCPServer')?.status).toBe('Running');
    expect(scm(lab, 'dc01', t0).map((e) => e.message)).toEqual([
      'The DHCP Server service entered the stopped state.',
      'The DHCP Server service entered the running state.',
    ]);
  });
});

describe("DC01's services include SamSs and EventSystem (Windows Server's service list)", () => {
  it('Security Accounts Manager and COM+ Event System: Automatic, running, with their log-on accounts', () => {
    const lab = newLab();
    expect(svc(lab, 'dc01', 'SamSs')).toMatchObject({
      displayName: 'Security Accounts Manager',
      status: 'Running',
      startType: 'Automatic',
      logOnAs: 'Local System',
    });
    expect(svc(lab, 'dc01', 'EventSystem')).toMatchObject({
      displayName: 'COM+ Event System',
      status: 'Running',
      startType: 'Automatic',
      logOnAs: 'Local Service',
    });
    const lines = ['SamSs', 'EventSystem']
      .map((n) => run(lab, 'dc01', `Get-Service ${n}`, 'powershell').join('\n'))
      .join('\n');
    expect(lines).toMatch(/Running\s+SamSs\s+Security Accounts Manager/);
    expect(lines).toMatch(/Running\s+EventSystem\s+COM\+ Event System/);
  });
});

describe('Get-Service takes a list for -Name and -DisplayName (string[] parameters)', () => {
  it.each([
    'Get-Service SamSs, EventSystem',
    'Get-Service SamSs ,EventSystem',
    'Get-Service -Name SamSs, EventSystem',
    'Get-Service -Name:SamSs, EventSystem',
    "Get-Service 'SamSs', 'EventSystem'",
    "Get-Service -DisplayName 'Security Accounts Manager', 'COM+ Event System'",
  ])('%s prints both services, in the order asked, and no error', (line) => {
    const out = run(newLab(), 'dc01', line, 'powershell').join('\n');
    expect(out).toMatch(
      /Running\s+SamSs\s+Security Accounts Manager\s*\nRunning\s+EventSystem\s+COM\+ Event System/,
    );
    expect(out).not.toMatch(/cannot|error/i);
  });

  it('a list with a name that does not exist shows the others and the not-found error', () => {
    const out = run(newLab(), 'dc01', 'Get-Service SamSs, NoSuchSvc', 'powershell').join('\n');
    expect(out).toMatch(/Running\s+SamSs/);
    expect(out).toContain("Cannot find any service with service name 'NoSuchSvc'.");
  });
});
