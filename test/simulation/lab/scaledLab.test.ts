import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { parseDefinition } from '../../../simulation/lab/definitionSchema';
import { scaledLab } from '../../../simulation/lab/scaledLab';
import { initialRoles } from '../../../simulation/devices/hostInit';
import { Lab } from '../../../simulation/facade/lab';

describe('scaledLab', () => {
  it('gives the base back when nothing grows', () => {
    expect(scaledLab({})).toBe(DEFAULT_LAB);
    expect(scaledLab({ pcs: 3, users: DEFAULT_LAB.users.length })).toBe(DEFAULT_LAB);
  });

  it('refuses fewer PCs or users than the base has', () => {
    expect(() => scaledLab({ pcs: 2 })).toThrow(/pcs: expected a whole number from 3/);
    expect(() => scaledLab({ users: 1.5 })).toThrow(/users/);
  });

  it('keeps the /24 while the PCs fit its scope (155 leases)', () => {
    const def = scaledLab({ pcs: 155 });
    expect(def.lan.cidr).toBe('192.168.6.0/24');
    expect(def.dhcpScope).toEqual(DEFAULT_LAB.dhcpScope);
    expect(def.hosts.filter((h) => h.kind === 'client')).toHaveLength(155);
  });

  it('widens the LAN and the scope for 1,000 PCs to a /21 around the base LAN', () => {
    const def = scaledLab({ pcs: 1000, users: 10_000 });
    expect(def.lan.cidr).toBe('192.168.0.0/21');
    expect(def.dhcpScope).toMatchObject({
      network: '192.168.0.0',
      mask: '255.255.248.0',
      rangeStart: '192.168.0.1',
      rangeEnd: '192.168.7.254',
      exclusions: DEFAULT_LAB.dhcpScope.exclusions,
    });
    const dc = def.hosts.find((h) => h.id === 'dc01');
    expect(dc?.nic.config).toMatchObject({ mode: 'static', ip: '192.168.6.2', prefix: 21 });
    const clients = def.hosts.filter((h) => h.kind === 'client');
    expect(clients).toHaveLength(1000);
    expect(new Set(def.hosts.map((h) => h.id)).size).toBe(def.hosts.length);
    expect(new Set(def.hosts.map((h) => h.nic.mac)).size).toBe(def.hosts.length);
    expect(def.users).toHaveLength(10_000);
    const sams = def.users.map((u) => u.sam.toLowerCase());
    expect(new Set(sams).size).toBe(sams.length);
    expect(Math.max(...sams.map((s) => s.length))).toBeLessThanOrEqual(20);
    // A valid definition, as a file would have to be.
    const parsed = parseDefinition(JSON.parse(JSON.stringify(def)));
    expect(parsed.ok ? 'ok' : parsed.errors).toBe('ok');
  });

  it("names the DC's reverse zone after the LAN's whole octets", () => {
    const zoneOf = (def: typeof DEFAULT_LAB) => {
      const dc = def.hosts.find((h) => h.kind === 'dc');
      if (!dc) throw new Error('no DC');
      return initialRoles(def, dc, 1, 0).dnsServer?.zones.map((z) => z.name);
    };
    expect(zoneOf(DEFAULT_LAB)).toContain('6.168.192.in-addr.arpa');
    expect(zoneOf(scaledLab({ pcs: 1000 }))).toContain('168.192.in-addr.arpa');
  });

  it('runs: an added PC takes a lease in the widened scope and resolves names', () => {
    const lab = new Lab({ definition: scaledLab({ pcs: 160 }) });
    const exec = (line: string) => {
      const r = lab.dispatch({ type: 'console.exec', host: 'pc160', shell: 'cmd', line });
      expect(r.ok).toBe(true);
      return JSON.stringify(lab.learnerView().consoles.pc160?.cmd.transcript);
    };
    exec('ipconfig');
    const text = exec('nslookup pc1');
    expect(text).toContain('Subnet Mask . . . . . . . . . . . : 255.255.254.0');
    expect(text).toMatch(/IPv4 Address[ .]*: 192\.168\.[67]\.\d+/);
    // nslookup names its server by a reverse lookup in the DC's (widened) reverse zone.
    expect(text).toContain('Server:  dc01.laborhub.store');
    expect(text).toContain('Name:    pc1.laborhub.store');
    lab.stop();
  });
});
