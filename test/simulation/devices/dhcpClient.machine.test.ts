import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { dhcpClientMachine } from '../../../simulation/devices/dhcpClient.machine';
import type { DhcpClientMessage, Packet } from '../../../simulation/net/packets';
import { TIMINGS } from '../../../simulation/core/timings';
import { LAB_START, ofType, rig, type NetworkStub } from './machineRig';

const DAY = 86_400_000;
const MAC = '00-15-5D-06-01-02';
const OPTIONS = {
  router: '192.168.6.1',
  dnsServers: ['192.168.6.2'],
  domainName: 'laborhub.store',
  leaseMs: 8 * DAY,
  serverId: '192.168.6.2',
  subnetMask: '255.255.255.0',
};

/** A DHCP server that offers and acknowledges 192.168.6.101 while `up()` holds. */
function server(up: () => boolean = () => true): NetworkStub {
  return (e) => {
    if (e.type !== 'net.send' || !up()) return;
    const p = e.packet as Packet;
    const m = p.body as DhcpClientMessage;
    if (m.kind !== 'dhcp.client' || m.op === 'RELEASE') return;
    const op = m.op === 'DISCOVER' ? 'OFFER' : 'ACK';
    (e.replyTo as AnyActorRef).send({
      type: 'net.reply',
      requestId: p.id,
      body: { kind: 'dhcp.server', op, xid: m.xid, mac: m.mac, yiaddr: '192.168.6.101', options: OPTIONS },
      from: '192.168.6.2',
    });
  };
}

function client(network?: NetworkStub) {
  const r = rig(
    dhcpClientMachine,
    (env) => ({ deviceId: 'pc2', mac: MAC, hostname: 'PC2', env, rng: 12345 }),
    { systemId: 'dhcp-pc2', network },
  );
  const sent = () => ofType(r.net, 'net.send').map((e) => e.packet as Packet);
  const ops = () => sent().map((p) => `${(p.body as DhcpClientMessage).op} ${p.dst}`);
  return { r, sent, ops };
}

describe('dhcpClient.machine: stopped → selecting → requesting → bound → renewing, APIPA, release', () => {
  it('waits stopped until its host starts it, then DISCOVER, OFFER, REQUEST, ACK: bound, and tells its host', () => {
    const { r, ops } = client(server());
    expect(r.snap().value).toBe('stopped');
    expect(r.net).toEqual([]);
    r.send({ type: 'dhcp.start' });
    expect(r.snap().value).toBe('bound');
    expect(ops()).toEqual(['DISCOVER 255.255.255.255', 'REQUEST 255.255.255.255']);
    const lease = r.snap().context.lease;
    expect(lease).toEqual({
      ip: '192.168.6.101',
      mask: '255.255.255.0',
      router: '192.168.6.1',
      dnsServers: ['192.168.6.2'],
      domainName: 'laborhub.store',
      server: '192.168.6.2',
      obtainedAt: LAB_START,
      expiresAt: LAB_START + 8 * DAY,
    });
    expect(ofType(r.parent, 'dhcp.update')).toEqual([{ type: 'dhcp.update', lease, apipa: undefined }]);
  });

  it('renews by unicast to its server at T1, half the lease, and not before', () => {
    const { r, ops } = client(server());
    r.send({ type: 'dhcp.start' });
    r.advance(4 * DAY - 1);
    expect(r.snap().value).toBe('bound');
    expect(ops()).toHaveLength(2);
    r.advance(1);
    expect(ops().at(-1)).toBe('REQUEST 192.168.6.2');
    expect(r.snap().value).toBe('bound');
    expect(r.snap().context.lease?.obtainedAt).toBe(LAB_START + 4 * DAY);
  });

  it('no server: four DISCOVERs (4 + 8 + 16 + 32 s), then APIPA in 169.254/16, told to the host', () => {
    const { r, ops } = client();
    r.send({ type: 'dhcp.start' });
    const waits = TIMINGS.dhcpDiscoverWaits;
    let t = 0;
    for (const w of waits.slice(0, -1)) {
      r.advance(w);
      t += w;
    }
    expect(ops()).toHaveLength(4);
    expect(r.snap().value).toBe('selecting');
    r.advance(waits.at(-1)! - 1);
    expect(r.snap().value).toBe('selecting');
    r.advance(1);
    expect(t + waits.at(-1)!).toBe(60_000);
    expect(r.snap().value).toBe('autoconfig');
    const apipa = r.snap().context.apipa;
    expect(apipa).toMatch(/^169\.254\.\d{1,3}\.\d{1,3}$/);
    expect(ofType(r.parent, 'dhcp.update').at(-1)).toEqual({ type: 'dhcp.update', lease: undefined, apipa });
  });

  it('on APIPA it tries again after five minutes, and takes a lease once a server answers', () => {
    let up = false;
    const { r } = client(server(() => up));
    r.send({ type: 'dhcp.start' });
    r.advance(60_000, 4_000);
    expect(r.snap().value).toBe('autoconfig');
    up = true;
    r.advance(TIMINGS.dhcpApipaRetry - 1);
    expect(r.snap().value).toBe('autoconfig');
    r.advance(1);
    expect(r.snap().value).toBe('bound');
    expect(r.snap().context.apipa).toBeUndefined();
    expect(ofType(r.parent, 'dhcp.update').at(-1)).toEqual(
      expect.objectContaining({ lease: expect.objectContaining({ ip: '192.168.6.101' }), apipa: undefined }),
    );
  });

  it('dhcp.release: a RELEASE to the server from the leased address, the lease dropped, the outcome reported', () => {
    const { r, sent } = client(server());
    r.send({ type: 'dhcp.start' });
    r.send({ type: 'dhcp.release' });
    expect(r.snap().value).toBe('released');
    const release = sent().at(-1)!;
    expect(release).toEqual(
      expect.objectContaining({
        src: '192.168.6.101',
        dst: '192.168.6.2',
        port: 67,
        body: expect.objectContaining({ op: 'RELEASE', mac: MAC }),
      }),
    );
    expect(r.snap().context.lease).toBeUndefined();
    expect(ofType(r.parent, 'dhcp.outcome')).toEqual([{ type: 'dhcp.outcome', op: 'release', ok: true }]);
    expect(ofType(r.parent, 'dhcp.update').at(-1)).toEqual({
      type: 'dhcp.update',
      lease: undefined,
      apipa: undefined,
    });
    // Released, it stays without an address (no timer) until asked to renew.
    r.advance(DAY, 3_600_000);
    expect(r.snap().value).toBe('released');
    r.send({ type: 'dhcp.renew' });
    expect(r.snap().value).toBe('bound');
    expect(ofType(r.parent, 'dhcp.outcome').at(-1)).toEqual({ type: 'dhcp.outcome', op: 'renew', ok: true });
  });

  it('a pulled cable keeps the lease for INIT-REBOOT; plugged back in, it asks for the same address', () => {
    const { r, ops } = client(server());
    r.send({ type: 'dhcp.start' });
    r.send({ type: 'dhcp.media', connected: false });
    expect(r.snap().value).toBe('unplugged');
    expect(r.snap().context.lease).toBeUndefined();
    expect(r.snap().context.previousLease?.ip).toBe('192.168.6.101');
    r.send({ type: 'dhcp.media', connected: true });
    expect(r.snap().value).toBe('bound');
    expect(ops().at(-1)).toBe('REQUEST 255.255.255.255');
    const reboot = ofType(r.net, 'net.send').at(-1)!.packet as Packet;
    expect((reboot.body as DhcpClientMessage).requestedIp).toBe('192.168.6.101');
    expect(r.snap().context.previousLease).toBeUndefined();
  });
});
