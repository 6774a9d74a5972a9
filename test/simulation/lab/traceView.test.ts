/**
 * Issue 13 item 4: the trace view shows the learner's own last flow hop by hop, where it stopped and
 * the reason the lab recorded, and nothing the learner did not run; the map shows what anyone in
 * the room could see and the learner's own last test, never a service's health.
 */
import { describe, expect, it } from 'vitest';
import { must, newLab, run, wait } from '../../harness';
import { MICHAEL, inject, ssprAttempt, workingLab } from '../faults/faultHarness';
import type { Lab } from '../../../simulation/facade/lab';

const SCU = 'ssprdedicatedsbprodscu.servicebus.windows.net';
const TNC = `Test-NetConnection -ComputerName ${SCU} -Port 443`;
const tnc = (lab: Lab) => run(lab, 'sync01', TNC, 'powershell');
const hopIds = (hops: { id: string }[]) => hops.map((h) => h.id);

describe('the trace view', () => {
  it('with outbound 443 blocked: the TCP 443 packet stops at the gateway, dropped by the edge firewall', () => {
    const lab = workingLab();
    inject(lab, 'L7');
    tnc(lab);
    const trace = lab.learnerView().lastFlow;
    expect(trace?.label).toBe(TNC);
    expect(trace?.fromName).toBe('SYNC01');
    expect(trace?.ok).toBe(false);
    expect(trace?.stoppedAt).toBe('router');
    const tcp = trace?.packets.find((p) => p.what === 'TCP 443');
    expect(hopIds(tcp?.hops ?? [])).toEqual(['sync01', 'switch', 'router']);
    expect(tcp?.hops.map((h) => h.state)).toEqual(['passed', 'passed', 'stopped']);
    expect(tcp?.text).toBe('Dropped at the edge firewall: nothing came back, the request timed out');
    // The name was resolved by the DC on the LAN first.
    expect(trace?.packets[0]).toMatchObject({
      what: `DNS A ${SCU}`,
      result: 'answered',
      text: 'DC01 answered: NOERROR',
    });
  });

  it('names no fault and no firewall rule id', () => {
    const lab = workingLab();
    inject(lab, 'L7');
    tnc(lab);
    const json = JSON.stringify(lab.learnerView().lastFlow);
    expect(json).not.toMatch(/L7|block-443|fault/i);
  });

  it('with no fault: the same test reaches the relay on 443 and connects', () => {
    const lab = workingLab();
    tnc(lab);
    const trace = lab.learnerView().lastFlow;
    expect(trace?.ok).toBe(true);
    expect(trace?.stoppedAt).toBeUndefined();
    const tcp = trace?.packets.find((p) => p.what === 'TCP 443');
    expect(hopIds(tcp?.hops ?? [])).toEqual(['sync01', 'switch', 'router', 'internet']);
    expect(tcp?.result).toBe('answered');
    expect(tcp?.text).toMatch(/answered: connected$/);
  });

  it('shows no flow the learner did not run (background sync and relay traffic, an injected fault)', () => {
    const lab = workingLab();
    inject(lab, 'L7');
    wait(lab, '1h');
    expect(lab.learnerView().lastFlow).toBeUndefined();
    expect(lab.learnerView().devices.some((d) => d.lastTest)).toBe(false);
  });

  it('keeps the last flow only: a later ping replaces the earlier test', () => {
    const lab = workingLab();
    tnc(lab);
    run(lab, 'pc2', 'ping 192.168.6.1');
    const trace = lab.learnerView().lastFlow;
    expect(trace?.label).toBe('ping 192.168.6.1');
    expect(trace?.packets).toHaveLength(4);
    expect(trace?.packets.every((p) => p.text === 'Gateway answered: echo reply')).toBe(true);
    expect(trace?.target).toBe('router');
  });

  it('a ping to an address nobody holds on the LAN stops at the switch: Destination host unreachable', () => {
    const lab = workingLab();
    run(lab, 'pc2', 'ping -n 1 192.168.6.250');
    const p = lab.learnerView().lastFlow?.packets[0];
    expect(hopIds(p?.hops ?? [])).toEqual(['pc2', 'switch']);
    expect(p?.text).toMatch(/^Destination host unreachable \(reported by 192\.168\.6\.\d+\)/);
  });

  it('a ping with the cable pulled never leaves the PC', () => {
    const lab = workingLab();
    must(lab, { type: 'link.cut', host: 'pc2' });
    run(lab, 'pc2', 'ping -n 1 192.168.6.2');
    const p = lab.learnerView().lastFlow?.packets[0];
    expect(p?.hops).toEqual([{ id: 'pc2', name: 'PC2', state: 'stopped' }]);
    expect(p?.text).toBe("PC2's network adapter has no link (cable or power): the packet never left");
  });

  it('a failing Resolve-DnsName shows the DNS answer it got', () => {
    const lab = workingLab();
    run(lab, 'pc2', 'Resolve-DnsName nosuchhost.laborhub.store', 'powershell');
    const trace = lab.learnerView().lastFlow;
    expect(trace?.ok).toBe(false);
    expect(trace?.packets[0]?.text).toBe('DC01 answered: NXDOMAIN');
    expect(trace?.stoppedAt).toBe('dc01');
  });

  it("records a sign-in on PC2 as the learner's flow", () => {
    const lab = workingLab();
    must(lab, {
      type: 'desktop.signIn',
      host: 'pc2',
      user: 'LABORHUB\\michael.brown',
      password: 'wrong-password',
    });
    wait(lab, '10s');
    const trace = lab.learnerView().lastFlow;
    expect(trace?.label).toBe('Sign in as LABORHUB\\michael.brown');
    expect(trace?.from).toBe('pc2');
    expect(trace?.packets.length).toBeGreaterThan(0);
    expect(JSON.stringify(trace)).not.toContain('wrong-password');
  });
});

describe('the trace of an SSPR attempt', () => {
  it('follows the writeback from the tenant over the relay into the LAN to SYNC01, not opening the reply', () => {
    const lab = workingLab();
    ssprAttempt(lab);
    const trace = lab.learnerView().lastFlow;
    expect(trace?.label).toBe(`Password reset (SSPR) for ${MICHAEL}: password writeback`);
    expect(trace?.fromName).toBe('Everestitt');
    const p = trace?.packets[0];
    expect(p?.what).toBe('TCP 443 writeback request (relay)');
    expect(hopIds(p?.hops ?? [])).toEqual(['tenant', 'internet', 'router', 'switch', 'sync01']);
    expect(p?.text).toBe('SYNC01 answered: writeback reply');
    expect(JSON.stringify(trace)).not.toContain('Spring#Reset2026');
  });
});

describe('the lab map', () => {
  it('with ADSync stopped and 443 blocked, SYNC01 on the map looks as it does in a healthy lab', () => {
    const healthy = workingLab().learnerView();
    const lab = workingLab();
    inject(lab, 'L6');
    inject(lab, 'L7');
    const view = lab.learnerView();
    const sync = view.devices.find((d) => d.id === 'sync01');
    expect(sync).toEqual(healthy.devices.find((d) => d.id === 'sync01'));
    expect(sync?.status).toBe('on');
    expect(view.links).toEqual(healthy.links);
  });

  it("shows the learner's own last test on the device it aimed at", () => {
    const lab = workingLab();
    inject(lab, 'L7');
    tnc(lab);
    const view = lab.learnerView();
    expect(view.devices.find((d) => d.id === 'internet')?.lastTest).toEqual({ label: TNC, ok: false });
    expect(view.devices.filter((d) => d.lastTest)).toHaveLength(1);
  });

  it('draws every relation: LAN, gateway, internet, the tenant to SYNC01 sync and relay, the mobile network', () => {
    const links = newLab().learnerView().links;
    const pairs = links.map((l) => `${l.from}>${l.to}:${l.kind}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'router>switch:ethernet',
        'dc01>switch:ethernet',
        'router>internet:wan',
        'internet>tenant:cloud',
        'sync01>tenant:sync',
        'tenant>sync01:relay',
        'phone-michael>mobile:cellular',
        'mobile>internet:wan',
      ]),
    );
  });
});
