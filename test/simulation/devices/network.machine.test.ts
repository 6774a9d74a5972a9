import { describe, expect, it } from 'vitest';
import { getNextSnapshot } from 'xstate';
import { networkMachine, type NetworkEvent } from '../../../simulation/net/network.machine';
import type { NicState } from '../../../simulation/net/routing';
import type { Packet } from '../../../simulation/net/packets';
import { ofType, rig } from './machineRig';

const INPUT = {
  lan: { cidr: '192.168.6.0/24', gateway: '192.168.6.1' },
  router: { powered: true, wanUp: true },
  nics: {},
  firewall: [],
  flows: [],
};

function lanNic(ip: string, extra: Partial<NicState> = {}): NicState {
  return {
    segment: 'lan',
    addresses: [{ ip, mask: '255.255.255.0' }],
    gateway: '192.168.6.1',
    cableConnected: true,
    powered: true,
    ...extra,
  };
}

/** A network with dc01 (DHCP listener), pc2 and one internet host attached, each a recording stub. */
function lab() {
  const r = rig(networkMachine, () => structuredClone(INPUT), {
    systemId: 'network',
    devices: { dc01: undefined, pc2: undefined, pc3: undefined, internet: undefined },
  });
  const attach = (id: string, nic: NicState) =>
    r.send({ type: 'net.attach', id, nic } satisfies NetworkEvent);
  attach('dc01', lanNic('192.168.6.2', { udpListen: [67] }));
  attach('pc2', lanNic('192.168.6.101', { udpListen: [] }));
  attach('pc3', lanNic('192.168.6.102', { udpListen: [] }));
  attach('internet', {
    segment: 'internet',
    addresses: [{ ip: '8.8.8.8', mask: '255.255.255.255' }],
    cableConnected: true,
    powered: true,
  });
  let n = 0;
  const send = (srcId: string, p: Omit<Packet, 'id' | 'srcId'>) => {
    const packet = { ...p, id: `${srcId}.t.${++n}`, srcId } as Packet;
    r.send({ type: 'net.send', packet, replyTo: r.stub(srcId) } satisfies NetworkEvent);
    return packet;
  };
  return { r, send };
}

const https = (src: string, dst: string): Omit<Packet, 'id' | 'srcId'> => ({
  src,
  dst,
  transport: 'tcp',
  port: 443,
  body: { kind: 'tcp.syn' },
});

describe('network.machine: the LAN, the gateway and the edge', () => {
  it('net.attach and net.bind write the NIC table and leave counters, trace and flows as they were', () => {
    const r = rig(networkMachine, () => structuredClone(INPUT), { systemId: 'network' });
    const before = r.snap().context;
    r.send({ type: 'net.attach', id: 'pc2', nic: lanNic('192.168.6.101') });
    r.send({
      type: 'net.bind',
      id: 'pc2',
      addresses: [{ ip: '169.254.7.9', mask: '255.255.0.0' }],
      gateway: undefined,
    });
    const c = r.snap().context;
    expect(c.nics.pc2).toEqual(
      expect.objectContaining({
        addresses: [{ ip: '169.254.7.9', mask: '255.255.0.0' }],
        gateway: undefined,
      }),
    );
    expect(c).not.toBe(before);
    expect(c.counters).toEqual({ delivered: 0, refused: 0, dropped: 0, replies: 0 });
    expect(c.trace).toEqual([]);
    expect(c.flows).toEqual([]);
    expect(c.lan).toEqual(INPUT.lan);
    // Binding a NIC that was never attached changes nothing.
    r.send({ type: 'net.bind', id: 'ghost', addresses: [] });
    expect(r.snap().context.nics.ghost).toBeUndefined();
  });

  it('delivers a LAN unicast to its holder with the reply address, and counts and traces it', () => {
    const { r, send } = lab();
    const p = send('pc2', {
      src: '192.168.6.101',
      dst: '192.168.6.2',
      transport: 'icmp',
      body: { kind: 'icmp.echo', bytes: 32 },
    });
    const got = ofType(r.got.dc01!, 'net.deliver');
    expect(got).toHaveLength(1);
    expect(got[0]!.packet).toEqual(p);
    expect(got[0]!.replyTo).toBe(r.stub('pc2'));
    expect(r.got.pc3).toEqual([]);
    expect(r.snap().context.counters).toEqual({ delivered: 1, refused: 0, dropped: 0, replies: 0 });
    expect(r.snap().context.trace.at(-1)).toEqual({
      packetId: p.id,
      from: 'pc2',
      dst: '192.168.6.2',
      kind: 'icmp.echo',
      verdict: 'deliver',
      detail: 'lan → dc01',
    });
  });

  it('a DHCP broadcast reaches only the NICs listening on port 67', () => {
    const { r, send } = lab();
    send('pc2', {
      src: '0.0.0.0',
      dst: '255.255.255.255',
      transport: 'udp',
      port: 67,
      body: { kind: 'dhcp.client', op: 'DISCOVER', xid: 1, mac: '00-15-5D-06-01-02', hostname: 'PC2' },
    });
    expect(ofType(r.got.dc01!, 'net.deliver')).toHaveLength(1);
    expect(ofType(r.got.pc3!, 'net.deliver')).toHaveLength(0);
    expect(ofType(r.got.pc2!, 'net.deliver')).toHaveLength(0);
    expect(r.snap().context.trace.at(-1)?.kind).toBe('dhcp DISCOVER');
  });

  it('the gateway answers ping itself and refuses TCP; an empty LAN address is host-unreachable', () => {
    const { r, send } = lab();
    const ping = send('pc2', {
      src: '192.168.6.101',
      dst: '192.168.6.1',
      transport: 'icmp',
      body: { kind: 'icmp.echo', bytes: 32 },
    });
    const syn = send('pc2', https('192.168.6.101', '192.168.6.1'));
    const none = send('pc2', https('192.168.6.101', '192.168.6.77'));
    expect(r.got.pc2).toEqual([
      {
        type: 'net.reply',
        requestId: ping.id,
        body: { kind: 'icmp.echoReply', bytes: 32, ttl: 64 },
        from: '192.168.6.1',
      },
      { type: 'net.refused', requestId: syn.id, reason: 'port-closed' },
      { type: 'net.refused', requestId: none.id, reason: 'host-unreachable', by: '192.168.6.101' },
    ]);
    expect(r.snap().context.counters).toEqual({ delivered: 2, refused: 1, dropped: 0, replies: 0 });
  });

  it('net.cable: the NIC goes down, its device hears net.media, and what it sends is refused as local', () => {
    const { r, send } = lab();
    r.send({ type: 'net.cable', id: 'pc2', connected: false });
    expect(r.snap().context.nics.pc2?.cableConnected).toBe(false);
    expect(r.got.pc2).toEqual([{ type: 'net.media', connected: false }]);
    const p = send('pc2', https('192.168.6.101', '192.168.6.2'));
    expect(r.got.pc2?.at(-1)).toEqual({
      type: 'net.refused',
      requestId: p.id,
      reason: 'local',
      by: undefined,
    });
    // Nor does anything reach it.
    send('pc3', https('192.168.6.102', '192.168.6.101'));
    expect(ofType(r.got.pc2!, 'net.deliver')).toHaveLength(0);
    r.send({ type: 'net.cable', id: 'pc2', connected: true });
    expect(r.got.pc2?.at(-1)).toEqual({ type: 'net.media', connected: true });
    send('pc3', https('192.168.6.102', '192.168.6.101'));
    expect(ofType(r.got.pc2!, 'net.deliver')).toHaveLength(1);
  });

  it('the edge firewall: a reject rule refuses, a drop rule drops, an allow rule put first wins, remove restores', () => {
    const { r, send } = lab();
    r.send({
      type: 'firewall.add',
      rule: { id: 'block-443', direction: 'outbound', action: 'block', mode: 'reject', port: 443 },
    });
    const a = send('pc2', https('192.168.6.101', '8.8.8.8'));
    expect(r.got.pc2?.at(-1)).toEqual({
      type: 'net.refused',
      requestId: a.id,
      reason: 'rejected',
      by: '192.168.6.1',
    });
    r.send({
      type: 'firewall.add',
      rule: { id: 'block-443', direction: 'outbound', action: 'block', mode: 'drop', port: 443 },
    });
    expect(r.snap().context.firewall).toHaveLength(1); // the same id replaces the rule
    const b = send('pc2', https('192.168.6.101', '8.8.8.8'));
    expect(r.snap().context.counters.dropped).toBe(1);
    expect(r.snap().context.trace.at(-1)).toEqual(
      expect.objectContaining({ packetId: b.id, verdict: 'drop', detail: 'edge firewall rule block-443' }),
    );
    r.send({
      type: 'firewall.add',
      first: true,
      rule: { id: 'allow-dns-google', direction: 'outbound', action: 'allow', dstCidr: '8.8.8.8/32' },
    });
    expect(r.snap().context.firewall.map((x) => x.id)).toEqual(['allow-dns-google', 'block-443']);
    send('pc2', https('192.168.6.101', '8.8.8.8'));
    expect(ofType(r.got.internet!, 'net.deliver')).toHaveLength(1);
    r.send({ type: 'firewall.remove', id: 'allow-dns-google' });
    r.send({ type: 'firewall.remove', id: 'block-443' });
    expect(r.snap().context.firewall).toEqual([]);
    send('pc2', https('192.168.6.101', '8.8.8.8'));
    expect(ofType(r.got.internet!, 'net.deliver')).toHaveLength(2);
  });

  it('router.wan and router.power are pure context changes (transition) that cut the way out', () => {
    const s0 = networkMachine.resolveState({
      value: {},
      context: {
        ...structuredClone(INPUT),
        counters: { delivered: 0, refused: 0, dropped: 0, replies: 0 },
        trace: [],
      },
    });
    const s1 = getNextSnapshot(networkMachine, s0, { type: 'router.wan', up: false });
    expect(s1.context.router).toEqual({ powered: true, wanUp: false });
    expect(s1.context.nics).toBe(s0.context.nics);
    const s2 = getNextSnapshot(networkMachine, s1, { type: 'router.power', powered: false });
    expect(s2.context.router).toEqual({ powered: false, wanUp: false });

    const { r, send } = lab();
    r.send({ type: 'router.wan', up: false });
    const p = send('pc2', https('192.168.6.101', '8.8.8.8'));
    expect(r.got.pc2?.at(-1)).toEqual({
      type: 'net.refused',
      requestId: p.id,
      reason: 'net-unreachable',
      by: '192.168.6.1',
    });
    r.send({ type: 'router.power', powered: false });
    const q = send('pc2', https('192.168.6.101', '8.8.8.8'));
    expect(r.got.pc2?.at(-1)).toEqual({
      type: 'net.refused',
      requestId: q.id,
      reason: 'host-unreachable',
      by: '192.168.6.101',
    });
  });

  it('net.respond returns the answer to the requester, or loses it once the requester is off its cable', () => {
    const { r, send } = lab();
    const p = send('pc2', https('192.168.6.101', '192.168.6.2'));
    r.send({
      type: 'net.respond',
      request: p,
      body: { kind: 'tcp.accept' },
      from: '192.168.6.2',
      replyTo: r.stub('pc2'),
    });
    expect(r.got.pc2?.at(-1)).toEqual({
      type: 'net.reply',
      requestId: p.id,
      body: { kind: 'tcp.accept' },
      from: '192.168.6.2',
    });
    expect(r.snap().context.trace.at(-1)?.verdict).toBe('reply');
    const q = send('pc2', https('192.168.6.101', '192.168.6.2'));
    r.send({ type: 'net.power', id: 'pc2', powered: false });
    const before = r.got.pc2!.length;
    r.send({
      type: 'net.reject',
      request: q,
      reason: 'port-closed',
      by: '192.168.6.2',
      replyTo: r.stub('pc2'),
    });
    expect(r.got.pc2).toHaveLength(before);
    expect(r.snap().context.trace.at(-1)).toEqual(
      expect.objectContaining({ packetId: q.id, kind: 'reject:port-closed', verdict: 'reply-lost' }),
    );
    expect(r.snap().context.counters.replies).toBe(2);
  });

  it('a kept-open connection to the internet is a flow; powering the host off closes it', () => {
    const { r, send } = lab();
    send('pc2', { ...https('192.168.6.101', '8.8.8.8'), keepOpen: true, host: 'dns.google' });
    expect(r.snap().context.flows).toEqual([
      { lanId: 'pc2', lanIp: '192.168.6.101', remoteIp: '8.8.8.8', port: 443, host: 'dns.google' },
    ]);
    // Over it, the far end reaches the LAN host.
    r.send({
      type: 'net.send',
      packet: { id: 'in.1', srcId: 'internet', ...https('8.8.8.8', '192.168.6.101') } as Packet,
    });
    expect(ofType(r.got.pc2!, 'net.deliver')).toHaveLength(1);
    r.send({ type: 'net.power', id: 'pc2', powered: false });
    expect(r.snap().context.flows).toEqual([]);
    expect(r.snap().context.nics.pc2?.powered).toBe(false);
  });

  it('notes a learner packet and its answer in learnerFlow; other packets leave the context without one', () => {
    const { r, send } = lab();
    send('pc2', https('192.168.6.101', '192.168.6.2'));
    expect('learnerFlow' in r.snap().context).toBe(false);
    const flow = { id: 'script.1', label: 'ping 192.168.6.1' };
    const ping = send('pc2', {
      src: '192.168.6.101',
      dst: '192.168.6.1',
      transport: 'icmp',
      body: { kind: 'icmp.echo', bytes: 32 },
      learnerFlow: flow,
    });
    // The gateway's own answer: routed, answered and counted in one step.
    expect(r.snap().context.learnerFlow?.packets).toEqual([
      expect.objectContaining({ packetId: ping.id, result: 'answered', answer: 'echo reply' }),
    ]);
    expect(r.snap().context.counters).toEqual({ delivered: 2, refused: 0, dropped: 0, replies: 0 });
    const syn = send('pc2', { ...https('192.168.6.101', '192.168.6.2'), learnerFlow: flow });
    expect(r.snap().context.learnerFlow?.packets.at(-1)).toEqual(
      expect.objectContaining({ packetId: syn.id, result: 'pending' }),
    );
    r.send({
      type: 'net.reject',
      request: syn,
      reason: 'port-closed',
      by: '192.168.6.2',
      replyTo: r.stub('pc2'),
    });
    expect(r.got.pc2?.at(-1)).toEqual({
      type: 'net.refused',
      requestId: syn.id,
      reason: 'port-closed',
      by: '192.168.6.2',
    });
    expect(r.snap().context.learnerFlow?.packets.at(-1)).toEqual(
      expect.objectContaining({
        packetId: syn.id,
        result: 'stopped',
        stop: { code: 'refused', reason: 'port-closed' },
      }),
    );
    expect(r.snap().context.counters.replies).toBe(1);
    expect(r.snap().context.trace.at(-1)?.kind).toBe('reject:port-closed');
  });

  it('keeps only the last 64 packets in its trace', () => {
    const { r, send } = lab();
    for (let i = 0; i < 70; i++) send('pc2', https('192.168.6.101', '192.168.6.2'));
    const trace = r.snap().context.trace;
    expect(trace).toHaveLength(64);
    expect(trace[0]?.packetId).toBe('pc2.t.7');
    expect(trace.at(-1)?.packetId).toBe('pc2.t.70');
    expect(r.snap().context.counters.delivered).toBe(70);
  });
});
