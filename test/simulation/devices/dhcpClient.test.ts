import { describe, expect, it } from 'vitest';
import { DAY, SECOND } from '../../../simulation/core/time';
import { addressOf, must, newLab, run, text, wait } from '../../harness';
import { leaseAt } from '../../../simulation/roles/dhcpLeaseIndex';

describe('DHCP on the client PCs', () => {
  it('does DISCOVER, OFFER, REQUEST, ACK at boot and takes the leased address, gateway, DNS and suffix', () => {
    const lab = newLab();
    const pc2Packets = lab.truth().network.trace.filter((t) => t.packetId.startsWith('pc2.dhcp.'));
    expect(pc2Packets.map((t) => `${t.verdict} ${t.kind}`)).toEqual([
      'deliver dhcp DISCOVER',
      'reply dhcp OFFER',
      'deliver dhcp REQUEST',
      'reply dhcp ACK',
    ]);
    const pc2 = lab.truth().hosts.pc2!.host.nic.lease!;
    expect(pc2.ip).toBe('192.168.6.101');
    expect(pc2.router).toBe('192.168.6.1');
    expect(pc2.dnsServers).toEqual(['192.168.6.2']);
    expect(pc2.domainName).toBe('laborhub.store');
    expect(pc2.expiresAt - pc2.obtainedAt).toBe(8 * DAY);
    expect(addressOf(lab, 'pc1')).toBe('192.168.6.100');
    expect(addressOf(lab, 'pc3')).toBe('192.168.6.102');
    expect(leaseAt(lab.truth().hosts.dc01!.roles.dhcpServer!.leases, '192.168.6.101')!.mac).toBe(
      '00-15-5D-06-01-02',
    );
  });

  it('shows the lease in ipconfig /all in the Windows layout', () => {
    const lab = newLab();
    const out = text(run(lab, 'pc2', 'ipconfig /all'));
    expect(out).toContain('   IPv4 Address. . . . . . . . . . . : 192.168.6.101(Preferred)');
    expect(out).toContain('   Lease Obtained. . . . . . . . . . : Monday, March 2, 2026 8:00:00 AM');
    expect(out).toContain('   Lease Expires . . . . . . . . . . : Tuesday, March 10, 2026 8:00:00 AM');
    expect(out).toContain('   DHCP Server . . . . . . . . . . . : 192.168.6.2');
    expect(out).toContain('   DNS Servers . . . . . . . . . . . : 192.168.6.2');
    expect(out).toContain('   Connection-specific DNS Suffix  . : laborhub.store');
  });

  it('renews by unicast at T1 (half the lease) on the lab clock, not before', () => {
    const lab = newLab();
    const obtained = lab.truth().hosts.pc2!.host.nic.lease!.obtainedAt;
    wait(lab, '3d23h59m');
    expect(lab.truth().hosts.pc2!.host.nic.lease!.obtainedAt).toBe(obtained);
    wait(lab, '2m');
    const lease = lab.truth().hosts.pc2!.host.nic.lease!;
    expect(lease.obtainedAt).toBe(obtained + 4 * DAY);
    expect(lease.ip).toBe('192.168.6.101');
    const renew = lab
      .truth()
      .network.trace.filter((t) => t.from === 'pc2' && t.kind === 'dhcp REQUEST')
      .pop();
    expect(renew?.dst).toBe('192.168.6.2'); // unicast to the server, not broadcast
  });

  it("ipconfig /release frees the PC's lease in the DHCP server's table, and /renew takes it again", () => {
    const lab = newLab();
    const leases = () => lab.truth().hosts.dc01!.roles.dhcpServer!.leases;
    const before = leaseAt(leases(), '192.168.6.101')!;
    expect(before.state).toBe('active');
    expect(before.expiresAt).toBeGreaterThan(lab.now());
    run(lab, 'pc2', 'ipconfig /release');
    const released = leaseAt(leases(), '192.168.6.101')!;
    expect(released.mac).toBe('00-15-5D-06-01-02');
    expect(released.state).toBe('offered');
    expect(released.expiresAt).toBeLessThanOrEqual(lab.now());
    // The other PCs' leases stay as they were.
    expect(leaseAt(leases(), '192.168.6.100')).toEqual(expect.objectContaining({ state: 'active' }));
    expect(leaseAt(leases(), '192.168.6.102')).toEqual(expect.objectContaining({ state: 'active' }));
    run(lab, 'pc2', 'ipconfig /renew');
    expect(addressOf(lab, 'pc2')).toBe('192.168.6.101');
    const renewed = leaseAt(leases(), '192.168.6.101')!;
    expect(renewed.state).toBe('active');
    expect(renewed.expiresAt).toBe(lab.now() + 8 * DAY);
  });

  describe('when the DHCP Server service is stopped', () => {
    it('release then renew fails with the timeout error and falls back to APIPA', () => {
      const lab = newLab();
      must(lab, { type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
      run(lab, 'pc2', 'ipconfig /release');
      const start = lab.now();
      const renew = text(run(lab, 'pc2', 'ipconfig /renew'));
      expect(renew).toContain(
        'An error occurred while renewing interface Ethernet : unable to contact your DHCP server. Request has timed out.',
      );
      expect(lab.now() - start).toBe(60 * SECOND); // four DISCOVERs: 4 + 8 + 16 + 32 s
      const all = text(run(lab, 'pc2', 'ipconfig /all'));
      expect(all).toMatch(
        / {3}Autoconfiguration IPv4 Address\. \. : 169\.254\.\d{1,3}\.\d{1,3}\(Preferred\)/,
      );
      expect(all).toContain('   Subnet Mask . . . . . . . . . . . : 255.255.0.0');
      expect(all).toContain('   Default Gateway . . . . . . . . . : \n');
      expect(all).not.toContain('Lease Obtained');
      expect(all).not.toContain('DHCP Server . .');
      expect(addressOf(lab, 'pc2')).toMatch(/^169\.254\./);
      const log = lab.truth().hosts.pc2!.host.logs.System!.entries.map((e) => `${e.source} ${e.eventId}`);
      expect(log).toContain('Dhcp-Client 1007');
    });

    it('a PC that restarts keeps its unexpired lease (INIT-REBOOT gets no answer)', () => {
      const lab = newLab();
      must(lab, { type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
      must(lab, { type: 'host.restart', host: 'pc2' });
      wait(lab, '1m');
      expect(addressOf(lab, 'pc2')).toBe('192.168.6.101');
    });

    it('the lease runs out at expiry after failed renewals, and the PC ends up on APIPA', () => {
      const lab = newLab();
      must(lab, { type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
      wait(lab, '7d23h');
      expect(addressOf(lab, 'pc2')).toBe('192.168.6.101'); // renewing then rebinding, still leased
      wait(lab, '2h');
      expect(addressOf(lab, 'pc2')).toMatch(/^169\.254\./);
    });

    it('recovers by itself within five minutes once the service starts again', () => {
      const lab = newLab();
      must(lab, { type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
      run(lab, 'pc2', 'ipconfig /release');
      run(lab, 'pc2', 'ipconfig /renew');
      expect(addressOf(lab, 'pc2')).toMatch(/^169\.254\./);
      must(lab, { type: 'service.start', host: 'dc01', service: 'DHCPServer' });
      wait(lab, '5m');
      wait(lab, '10s');
      expect(addressOf(lab, 'pc2')).toBe('192.168.6.101');
      const events = lab.truth().hosts.pc2!.host.logs.System!.entries.map((e) => `${e.source} ${e.eventId}`);
      expect(events).toContain('Dhcp-Client 1005');
    });

    it('recovers at once with ipconfig /renew', () => {
      const lab = newLab();
      must(lab, { type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
      run(lab, 'pc2', 'ipconfig /release');
      run(lab, 'pc2', 'ipconfig /renew');
      must(lab, { type: 'service.start', host: 'dc01', service: 'DHCPServer' });
      const out = text(run(lab, 'pc2', 'ipconfig /renew'));
      expect(out).toContain('   IPv4 Address. . . . . . . . . . . : 192.168.6.101');
      expect(out).toContain('   Default Gateway . . . . . . . . . : 192.168.6.1');
    });
  });

  it('a pulled cable shows "Media disconnected" and plugging it back in gets the lease again', () => {
    const lab = newLab();
    must(lab, { type: 'link.cut', host: 'pc2' });
    expect(text(run(lab, 'pc2', 'ipconfig'))).toContain(
      '   Media State . . . . . . . . . . . : Media disconnected',
    );
    expect(lab.learnerView().devices.find((d) => d.id === 'pc2')?.status).toBe('disconnected');
    must(lab, { type: 'link.restore', host: 'pc2' });
    wait(lab, '10s');
    expect(addressOf(lab, 'pc2')).toBe('192.168.6.101');
  });

  it('the servers keep their static addresses whatever DHCP does', () => {
    const lab = newLab();
    must(lab, { type: 'service.stop', host: 'dc01', service: 'DHCPServer' });
    wait(lab, '9d');
    expect(addressOf(lab, 'sync01')).toBe('192.168.6.10');
    expect(addressOf(lab, 'dc01')).toBe('192.168.6.2');
    expect(text(run(lab, 'sync01', 'ipconfig /renew'))).toContain(
      'The operation failed as no adapter is in the state permissible for',
    );
  });
});
