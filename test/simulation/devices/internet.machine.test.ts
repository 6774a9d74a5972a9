import { describe, expect, it } from 'vitest';
import { internetMachine } from '../../../simulation/devices/internet.machine';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import type { Packet } from '../../../simulation/net/packets';
import { ofType, rig } from './machineRig';

function internet() {
  const r = rig(internetMachine, () => ({ definition: DEFAULT_LAB }), {
    systemId: 'internet',
    devices: { pc2: undefined },
  });
  let n = 0;
  const deliver = (p: Omit<Packet, 'id' | 'srcId' | 'src'>) => {
    const packet = { src: '192.168.6.101', ...p, id: `pc2.t.${++n}`, srcId: 'pc2' } as Packet;
    r.send({ type: 'net.deliver', packet, replyTo: r.stub('pc2') });
    return packet;
  };
  return { r, deliver };
}

const query = (name: string, qtype: 'A' | 'PTR' = 'A') =>
  ({ kind: 'dns.query', name, qtype, recursionDesired: true }) as const;

describe('internet.machine: the public resolver and public hosts', () => {
  it("attaches to the internet segment with the addresses the definition gives it, not the cloud's", () => {
    const { r } = internet();
    const mine = DEFAULT_LAB.internet.endpoints.filter((e) => e.owner === 'internet');
    expect(mine.map((e) => e.ip)).toEqual(['8.8.8.8', '20.50.15.20', '20.50.15.30']);
    const attach = ofType(r.net, 'net.attach');
    expect(attach).toEqual([
      {
        type: 'net.attach',
        id: 'internet',
        nic: {
          segment: 'internet',
          addresses: mine.map((e) => ({ ip: e.ip, mask: '255.255.255.255' })),
          cableConnected: true,
          powered: true,
        },
      },
    ]);
    expect(r.snap().context.addresses).not.toContain('20.190.160.20'); // the tenant's login endpoint
    expect(r.snap().context.ports['8.8.8.8']).toEqual([53, 443]);
    expect(r.snap().context.ports['20.50.15.20']).toEqual([443, 9350, 9351, 9352, 9353, 9354]);
  });

  it("answers a public name (not authoritative), and NXDOMAIN for the lab's internal names", () => {
    const { r, deliver } = internet();
    const pub = deliver({
      dst: '8.8.8.8',
      transport: 'udp',
      port: 53,
      body: query('login.microsoftonline.com'),
    });
    const internal = deliver({
      dst: '8.8.8.8',
      transport: 'udp',
      port: 53,
      body: query('dc01.laborhub.store'),
    });
    const [a, b] = ofType(r.net, 'net.respond');
    expect(a).toEqual(expect.objectContaining({ request: pub, from: '8.8.8.8', replyTo: r.stub('pc2') }));
    expect(a!.body).toEqual(
      expect.objectContaining({
        kind: 'dns.response',
        rcode: 'NOERROR',
        authoritative: false,
        answers: [expect.objectContaining({ type: 'A', data: '20.190.160.20' })],
      }),
    );
    expect(b).toEqual(expect.objectContaining({ request: internal }));
    expect(b!.body).toEqual(expect.objectContaining({ rcode: 'NXDOMAIN', answers: [] }));
  });

  it('answers ping with TTL 117, accepts its open ports and refuses the others', () => {
    const { r, deliver } = internet();
    const ping = deliver({ dst: '8.8.8.8', transport: 'icmp', body: { kind: 'icmp.echo', bytes: 32 } });
    const open = deliver({ dst: '8.8.8.8', transport: 'tcp', port: 443, body: { kind: 'tcp.syn' } });
    const closed = deliver({ dst: '8.8.8.8', transport: 'tcp', port: 80, body: { kind: 'tcp.syn' } });
    const responds = ofType(r.net, 'net.respond');
    expect(responds.map((e) => [e.request, e.body])).toEqual([
      [ping, { kind: 'icmp.echoReply', bytes: 32, ttl: 117 }],
      [open, { kind: 'tcp.accept' }],
    ]);
    expect(ofType(r.net, 'net.reject')).toEqual([
      { type: 'net.reject', request: closed, reason: 'port-closed', by: '8.8.8.8', replyTo: r.stub('pc2') },
    ]);
  });

  it('a DNS query on another port is not served as DNS, and its context never changes', () => {
    const { r, deliver } = internet();
    const before = r.snap().context;
    deliver({ dst: '8.8.8.8', transport: 'udp', port: 5353, body: query('dns.google') });
    expect(ofType(r.net, 'net.respond')).toHaveLength(0);
    expect(r.snap().context).toBe(before);
  });
});
