/**
 * Issue 13 item 4: a server's service health shows where Windows shows it, on Server Manager's
 * dashboard, with a red Services row and tile when an automatic service is stopped.
 */
import { describe, expect, it } from 'vitest';
import { must } from '../../harness';
import { inject, workingLab } from '../faults/faultHarness';

const tileOf = (lab: ReturnType<typeof workingLab>, host: string, title: string) =>
  lab.learnerView().serverManager[host]?.tiles.find((t) => t.title === title);

describe("Server Manager's dashboard", () => {
  it('lists the roles of DC01 and SYNC01 as tiles, then Local Server and All Servers', () => {
    const sm = workingLab().learnerView().serverManager;
    expect(sm.dc01?.tiles.map((t) => t.title)).toEqual([
      'AD DS',
      'DHCP',
      'DNS',
      'File and Storage Services',
      'Local Server',
      'All Servers',
    ]);
    expect(sm.dc01?.roles).toBe(4);
    expect(sm.sync01?.tiles.map((t) => t.title)).toEqual([
      'File and Storage Services',
      'Local Server',
      'All Servers',
    ]);
    expect(sm.pc2).toBeUndefined();
    expect(sm.sync01?.tiles[0]?.rows.map((r) => r.name)).toEqual([
      'Manageability',
      'Events',
      'Services',
      'Performance',
      'BPA results',
    ]);
  });

  it('in a healthy lab no Services row is red', () => {
    const lab = workingLab();
    for (const host of ['dc01', 'sync01'])
      for (const t of lab.learnerView().serverManager[host]?.tiles ?? [])
        expect(t.rows.find((r) => r.name === 'Services')).toMatchObject({ count: 0, alert: false });
  });

  it('with ADSync stopped, SYNC01 Local Server tile is red with Services 1 naming the service', () => {
    const lab = workingLab();
    inject(lab, 'L6');
    const local = tileOf(lab, 'sync01', 'Local Server');
    expect(local?.alert).toBe(true);
    expect(local?.rows.find((r) => r.name === 'Services')).toEqual({
      name: 'Services',
      count: 1,
      alert: true,
      items: ['Microsoft Azure AD Sync (ADSync): Stopped'],
    });
    // The file server role's tile watches its own services only.
    expect(tileOf(lab, 'sync01', 'File and Storage Services')?.rows[2]?.alert).toBe(false);
  });

  it('with the DNS Server service stopped on DC01, the DNS tile goes red and AD DS does not', () => {
    const lab = workingLab();
    must(lab, { type: 'console.exec', host: 'dc01', shell: 'powershell', line: 'Stop-Service DNS' });
    expect(tileOf(lab, 'dc01', 'DNS')?.rows.find((r) => r.name === 'Services')?.count).toBe(1);
    expect(tileOf(lab, 'dc01', 'AD DS')?.rows.find((r) => r.name === 'Services')?.count).toBe(0);
  });

  it('has no tiles while the server is off', () => {
    const lab = workingLab();
    must(lab, { type: 'host.power', host: 'sync01', on: false });
    expect(lab.learnerView().serverManager.sync01).toMatchObject({ available: false, tiles: [] });
  });
});
