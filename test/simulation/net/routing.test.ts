import type { FirewallRule, Transport } from '../../../simulation/core/definition';
import { describe, expect, it } from 'vitest';
import {
  canReturn,
  findFlow,
  firewallVerdict,
  flowOpen,
  hostMatches,
  primaryAddress,
  route,
  type NetworkState,
  type NicState,
  type OpenFlow,
  type RouteResult,
} from '../../../simulation/net/routing';
import type { Packet } from '../../../simulation/net/packets';

const MASK = '255.255.255.0';
const HOST_MASK = '255.255.255.255';

function lanNic(ip: string, extra: Partial<NicState> = {}): NicState {
  return {
    segment: 'lan',
    addresses: [{ ip, mask: MASK }],
    gateway: '192.168.6.1',
    cableConnected: true,
    powered: true,
    ...extra,
  };
}

/**
 * The lab in miniature: the LAN 192.168.6.0/24 behind the router at .1, the DC at .2, PC2 at .101,
 * the internet (Google's resolver and the Service Bus relay) and Michael's phone on the mobile network.
 */
function lab(change?: (s: NetworkState) => void): NetworkState {
  const s: NetworkState = {
    lan: { cidr: '192.168.6.0/24', gateway: '192.168.6.1' },
    router: { powered: true, wanUp: true },
    nics: {
      dc01: lanNic('192.168.6.2'),
      pc2: lanNic('192.168.6.101'),
      internet: {
        segment: 'internet',
        addresses: [
          { ip: '8.8.8.8', mask: HOST_MASK },
          { ip: '20.50.15.10', mask: HOST_MASK },
        ],
        cableConnected: true,
        powered: true,
      },
      phone: {
        segment: 'cellular',
        addresses: [{ ip: '100.64.12.7', mask: HOST_MASK }],
        cableConnected: true,
        powered: true,
      },
    },
    firewall: [],
    flows: [],
  };
  change?.(s);
  return s;
}

function nic(s: NetworkState, id: string): NicState {
  const n = s.nics[id];
  if (!n) throw new Error(`no nic ${id}`);
  return n;
}

function pkt(
  srcId: string,
  src: string,
  dst: string,
  extra: { transport?: Transport; port?: number; host?: string } = {},
): Packet {
  return {
    id: 'p1',
    srcId,
    src,
    dst,
    transport: extra.transport ?? 'icmp',
    ...(extra.port !== undefined ? { port: extra.port } : {}),
    ...(extra.host !== undefined ? { host: extra.host } : {}),
    body: { kind: 'icmp.echo', bytes: 32 },
  };
}

const https = (srcId: string, src: string, dst: string, host?: string): Packet =>
  pkt(srcId, src, dst, { transport: 'tcp', port: 443, ...(host ? { host } : {}) });

const PC2 = '192.168.6.101';
const DC01 = '192.168.6.2';
const GW = '192.168.6.1';
const RELAY_HOST = 'ssprdedicatedsbprodfra-1.servicebus.windows.net';

describe('route', () => {
  describe('broadcast', () => {
    it('delivers a DHCP broadcast to every other powered, connected NIC on the sender’s segment', () => {
      const s = lab((x) => {
        x.nics.pc1 = lanNic('0.0.0.0', { addresses: [] });
        x.nics.pc3 = lanNic('192.168.6.102', { powered: false });
        x.nics.sync01 = lanNic('192.168.6.10', { cableConnected: false });
      });
      expect(route(s, pkt('pc2', '0.0.0.0', '255.255.255.255', { transport: 'udp', port: 67 }))).toEqual({
        kind: 'deliver',
        to: ['dc01', 'pc1'],
        path: 'lan',
      });
    });

    it('delivers a DHCP broadcast only to the NICs listening on its port, when they say', () => {
      const s = lab((x) => {
        nic(x, 'dc01').udpListen = [67];
        x.nics.pc1 = lanNic('192.168.6.100', { udpListen: [] });
        x.nics.pc3 = lanNic('192.168.6.102');
      });
      const dhcp = pkt('pc2', '0.0.0.0', '255.255.255.255', { transport: 'udp', port: 67 });
      // pc3 says nothing about its listeners: it hears every broadcast, as before.
      expect(route(s, dhcp)).toEqual({ kind: 'deliver', to: ['dc01', 'pc3'], path: 'lan' });
      // Other broadcasts (a ping) still reach everyone on the segment.
      expect(route(s, pkt('pc2', '192.168.6.101', '255.255.255.255'))).toMatchObject({
        to: ['dc01', 'pc1', 'pc3'],
      });
    });

    it('delivers a broadcast from a NIC that has no address yet', () => {
      const s = lab((x) => {
        nic(x, 'pc2').addresses = [];
      });
      expect(route(s, pkt('pc2', '0.0.0.0', '255.255.255.255'))).toEqual({
        kind: 'deliver',
        to: ['dc01'],
        path: 'lan',
      });
    });

    it('delivers a broadcast to nobody when the sender is alone on its segment, on that segment', () => {
      expect(route(lab(), pkt('phone', '100.64.12.7', '255.255.255.255'))).toEqual({
        kind: 'deliver',
        to: [],
        path: 'cellular',
      });
    });

    it('refuses a broadcast from an unplugged NIC with "local"', () => {
      const s = lab((x) => {
        nic(x, 'pc2').cableConnected = false;
      });
      expect(route(s, pkt('pc2', '0.0.0.0', '255.255.255.255'))).toEqual({ kind: 'refuse', reason: 'local' });
    });
  });

  describe('on the sender itself', () => {
    it.each([
      { title: 'delivers 127.0.0.1 back to the sender (loopback)', dst: '127.0.0.1' },
      { title: 'delivers a packet to the sender’s own address back to the sender', dst: PC2 },
    ])('$title', ({ dst }) => {
      expect(route(lab(), pkt('pc2', PC2, dst))).toEqual({ kind: 'deliver', to: ['pc2'], path: 'local' });
    });

    it('delivers a packet to a secondary address of the sender back to the sender', () => {
      const s = lab((x) => {
        nic(x, 'dc01').addresses.push({ ip: '192.168.6.3', mask: MASK });
      });
      expect(route(s, pkt('dc01', DC01, '192.168.6.3'))).toEqual({
        kind: 'deliver',
        to: ['dc01'],
        path: 'local',
      });
    });
  });

  describe('on the local link', () => {
    it('delivers on-link traffic directly to the owner of the address', () => {
      expect(route(lab(), pkt('pc2', PC2, DC01))).toEqual({ kind: 'deliver', to: ['dc01'], path: 'lan' });
    });

    it.each([
      { title: 'nobody owns the address', change: () => undefined, dst: '192.168.6.77' },
      {
        title: 'the owner is powered off',
        change: (x: NetworkState) => {
          nic(x, 'dc01').powered = false;
        },
        dst: DC01,
      },
      {
        title: 'the owner is unplugged',
        change: (x: NetworkState) => {
          nic(x, 'dc01').cableConnected = false;
        },
        dst: DC01,
      },
    ])(
      'refuses on-link traffic with host-unreachable by the sender’s own ip when $title',
      ({ change, dst }) => {
        expect(route(lab(change), pkt('pc2', PC2, dst))).toEqual({
          kind: 'refuse',
          reason: 'host-unreachable',
          by: PC2,
        });
      },
    );

    it('delivers a packet addressed to the gateway to the router', () => {
      expect(route(lab(), pkt('pc2', PC2, GW))).toEqual({ kind: 'deliver', to: ['router'], path: 'lan' });
    });

    it('refuses a packet to the gateway address with host-unreachable by the sender when the router is off', () => {
      const s = lab((x) => {
        x.router.powered = false;
      });
      expect(route(s, pkt('pc2', PC2, GW))).toEqual({ kind: 'refuse', reason: 'host-unreachable', by: PC2 });
    });

    it('decides on-link by the address the packet was sent from, not the first address bound', () => {
      const s = lab((x) => {
        nic(x, 'dc01').addresses.push({ ip: '192.168.7.2', mask: MASK });
      });
      expect(route(s, pkt('dc01', '192.168.7.2', '192.168.7.9'))).toEqual({
        kind: 'refuse',
        reason: 'host-unreachable',
        by: '192.168.7.2',
      });
    });
  });

  describe('off the local link', () => {
    it('refuses off-link traffic with "local" (General failure) when the sender has no default gateway', () => {
      const s = lab((x) => {
        delete nic(x, 'pc2').gateway;
      });
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toStrictEqual({ kind: 'refuse', reason: 'local' });
    });

    it.each([
      { title: 'an internet address', dst: '8.8.8.8' },
      { title: 'a LAN address that is off-link for a /16 APIPA address', dst: DC01 },
    ])('refuses off-link traffic from an APIPA address with "local" (General failure): $title', ({ dst }) => {
      const s = lab((x) => {
        nic(x, 'pc2').addresses = [{ ip: '169.254.12.34', mask: '255.255.0.0' }];
      });
      expect(route(s, pkt('pc2', '169.254.12.34', dst))).toStrictEqual({ kind: 'refuse', reason: 'local' });
    });

    it('refuses off-link traffic with "local" when the configured gateway is not on the sender’s subnet', () => {
      const s = lab((x) => {
        nic(x, 'pc2').gateway = '10.0.0.1';
      });
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toStrictEqual({ kind: 'refuse', reason: 'local' });
    });

    it('refuses off-link traffic with "local" when the NIC is up but has no address', () => {
      const s = lab((x) => {
        nic(x, 'pc2').addresses = [];
      });
      expect(route(s, pkt('pc2', '0.0.0.0', '8.8.8.8'))).toStrictEqual({ kind: 'refuse', reason: 'local' });
    });

    it('refuses with host-unreachable by the sender when the gateway is set but the router is powered off', () => {
      const s = lab((x) => {
        x.router.powered = false;
      });
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'refuse',
        reason: 'host-unreachable',
        by: PC2,
      });
    });

    it('refuses with host-unreachable by the sender when the gateway is an on-link address that is not the router', () => {
      const s = lab((x) => {
        nic(x, 'pc2').gateway = '192.168.6.254';
      });
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'refuse',
        reason: 'host-unreachable',
        by: PC2,
      });
    });

    describe('routed inside the LAN (sender with a narrower mask)', () => {
      const narrow = (x: NetworkState) => {
        nic(x, 'pc2').addresses = [{ ip: PC2, mask: '255.255.255.128' }];
      };

      it('delivers a LAN destination outside the sender’s subnet through the router', () => {
        const s = lab((x) => {
          narrow(x);
          x.nics.pc3 = lanNic('192.168.6.200');
        });
        expect(route(s, pkt('pc2', PC2, '192.168.6.200'))).toEqual({
          kind: 'deliver',
          to: ['pc3'],
          path: 'routed',
        });
      });

      it('refuses an absent routed LAN destination with host-unreachable by the gateway', () => {
        expect(route(lab(narrow), pkt('pc2', PC2, '192.168.6.200'))).toEqual({
          kind: 'refuse',
          reason: 'host-unreachable',
          by: GW,
        });
      });

      it('still routes inside the LAN when the WAN is down', () => {
        const s = lab((x) => {
          narrow(x);
          x.router.wanUp = false;
          x.nics.pc3 = lanNic('192.168.6.200');
        });
        expect(route(s, pkt('pc2', PC2, '192.168.6.200'))).toEqual({
          kind: 'deliver',
          to: ['pc3'],
          path: 'routed',
        });
      });
    });

    it.each([
      { dst: '10.1.2.3' },
      { dst: '10.255.255.254' },
      { dst: '172.16.0.9' },
      { dst: '172.31.255.1' },
      { dst: '169.254.1.1' },
    ])('refuses the private non-LAN destination $dst with net-unreachable by the gateway', ({ dst }) => {
      expect(route(lab(), pkt('pc2', PC2, dst))).toEqual({
        kind: 'refuse',
        reason: 'net-unreachable',
        by: GW,
      });
    });

    it('does not treat 172.32.0.1 (just outside 172.16.0.0/12) as private', () => {
      expect(route(lab(), pkt('pc2', PC2, '172.32.0.1'))).toEqual({
        kind: 'drop',
        reason: 'no such internet host',
      });
    });

    it('refuses internet traffic with net-unreachable by the gateway when the WAN is down', () => {
      const s = lab((x) => {
        x.router.wanUp = false;
      });
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'refuse',
        reason: 'net-unreachable',
        by: GW,
      });
    });

    it('delivers internet traffic to the internet host that owns the address', () => {
      expect(route(lab(), pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'deliver',
        to: ['internet'],
        path: 'internet',
      });
    });

    it('delivers LAN traffic out to the phone’s address on the mobile network', () => {
      expect(route(lab(), pkt('pc2', PC2, '100.64.12.7'))).toEqual({
        kind: 'deliver',
        to: ['phone'],
        path: 'internet',
      });
    });

    it('drops internet traffic to an address no internet host owns (the sender times out)', () => {
      expect(route(lab(), pkt('pc2', PC2, '1.2.3.4'))).toEqual({
        kind: 'drop',
        reason: 'no such internet host',
      });
    });

    it('drops internet traffic to an internet host that is powered off', () => {
      const s = lab((x) => {
        nic(x, 'internet').powered = false;
      });
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({ kind: 'drop', reason: 'no such internet host' });
    });
  });

  describe('the edge firewall', () => {
    const withRules =
      (...rules: FirewallRule[]) =>
      (x: NetworkState) => {
        x.firewall = rules;
      };

    it('drops outbound traffic silently on a block rule in drop mode, naming the rule', () => {
      const s = lab(
        withRules({
          id: 'fw-1',
          direction: 'outbound',
          action: 'block',
          mode: 'drop',
          dstCidr: '8.8.8.8/32',
        }),
      );
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'drop',
        reason: 'edge firewall rule fw-1',
      });
    });

    it('drops on a block rule that names no mode', () => {
      const s = lab(withRules({ id: 'no-mode', direction: 'outbound', action: 'block' }));
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'drop',
        reason: 'edge firewall rule no-mode',
      });
    });

    it('refuses outbound traffic at once with "rejected" by the gateway on a block rule in reject mode', () => {
      const s = lab(withRules({ id: 'fw-2', direction: 'outbound', action: 'block', mode: 'reject' }));
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({ kind: 'refuse', reason: 'rejected', by: GW });
    });

    it('lets traffic through when an allow rule comes before a matching block rule', () => {
      const s = lab(
        withRules(
          { id: 'allow-dns', direction: 'outbound', action: 'allow', dstCidr: '8.8.8.8/32' },
          { id: 'block-all', direction: 'outbound', action: 'block', mode: 'reject' },
        ),
      );
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'deliver',
        to: ['internet'],
        path: 'internet',
      });
      expect(route(s, pkt('pc2', PC2, '20.50.15.10'))).toEqual({
        kind: 'refuse',
        reason: 'rejected',
        by: GW,
      });
    });

    it('blocks when the block rule comes before an allow rule that also matches', () => {
      const s = lab(
        withRules(
          { id: 'block-all', direction: 'outbound', action: 'block', mode: 'drop' },
          { id: 'allow-dns', direction: 'outbound', action: 'allow', dstCidr: '8.8.8.8/32' },
        ),
      );
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'drop',
        reason: 'edge firewall rule block-all',
      });
    });

    it('ignores inbound rules for outbound traffic', () => {
      const s = lab(withRules({ id: 'in', direction: 'inbound', action: 'block', mode: 'reject' }));
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({
        kind: 'deliver',
        to: ['internet'],
        path: 'internet',
      });
    });

    it.each([
      { title: 'blocks the relay host named by the pattern', host: RELAY_HOST, blocked: true },
      {
        title: 'blocks a host name matching the pattern in another case',
        host: 'X.ServiceBus.Windows.NET',
        blocked: true,
      },
      { title: 'passes traffic to the same address with no host name', host: undefined, blocked: false },
      { title: 'passes traffic to another host name', host: 'login.microsoftonline.com', blocked: false },
    ])('host-pattern rule *.servicebus.windows.net: $title', ({ host, blocked }) => {
      const s = lab(
        withRules({
          id: 'sb',
          direction: 'outbound',
          action: 'block',
          mode: 'reject',
          host: '*.servicebus.windows.net',
        }),
      );
      const expected: RouteResult = blocked
        ? { kind: 'refuse', reason: 'rejected', by: GW }
        : { kind: 'deliver', to: ['internet'], path: 'internet' };
      expect(route(s, https('pc2', PC2, '20.50.15.10', host))).toEqual(expected);
    });

    it.each([
      { title: 'blocks tcp/443', transport: 'tcp' as const, port: 443, blocked: true },
      { title: 'passes tcp/9350 (other port)', transport: 'tcp' as const, port: 9350, blocked: false },
      { title: 'passes udp/443 (other transport)', transport: 'udp' as const, port: 443, blocked: false },
      { title: 'passes icmp with no port', transport: 'icmp' as const, port: undefined, blocked: false },
    ])('port and transport rule tcp/443: $title', ({ transport, port, blocked }) => {
      const s = lab(
        withRules({ id: 'tcp443', direction: 'outbound', action: 'block', transport: 'tcp', port: 443 }),
      );
      const p = pkt('pc2', PC2, '20.50.15.10', { transport, ...(port !== undefined ? { port } : {}) });
      const expected: RouteResult = blocked
        ? { kind: 'drop', reason: 'edge firewall rule tcp443' }
        : { kind: 'deliver', to: ['internet'], path: 'internet' };
      expect(route(s, p)).toEqual(expected);
    });

    it('applies a source-CIDR rule only to senders inside that range', () => {
      const s = lab(
        withRules({
          id: 'pc2-only',
          direction: 'outbound',
          action: 'block',
          mode: 'reject',
          srcCidr: '192.168.6.101/32',
        }),
      );
      expect(route(s, pkt('pc2', PC2, '8.8.8.8'))).toEqual({ kind: 'refuse', reason: 'rejected', by: GW });
      expect(route(s, pkt('dc01', DC01, '8.8.8.8'))).toEqual({
        kind: 'deliver',
        to: ['internet'],
        path: 'internet',
      });
    });

    it('does not filter LAN traffic', () => {
      const s = lab(withRules({ id: 'all', direction: 'outbound', action: 'block', mode: 'reject' }));
      expect(route(s, pkt('pc2', PC2, DC01))).toEqual({ kind: 'deliver', to: ['dc01'], path: 'lan' });
    });

    it('does not filter traffic from the mobile network', () => {
      const s = lab(withRules({ id: 'all', direction: 'outbound', action: 'block', mode: 'reject' }));
      expect(route(s, pkt('phone', '100.64.12.7', '8.8.8.8'))).toEqual({
        kind: 'deliver',
        to: ['internet'],
        path: 'cellular',
      });
    });
  });

  describe('a sender that is not on its cable', () => {
    it.each([
      {
        title: 'unplugged',
        change: (x: NetworkState) => {
          nic(x, 'pc2').cableConnected = false;
        },
      },
      {
        title: 'powered off',
        change: (x: NetworkState) => {
          nic(x, 'pc2').powered = false;
        },
      },
      {
        title: 'unknown to the network',
        change: (x: NetworkState) => {
          delete x.nics.pc2;
        },
      },
    ])('refuses with "local" when the sender is $title', ({ change }) => {
      for (const dst of [DC01, GW, '192.168.6.77', '8.8.8.8']) {
        expect(route(lab(change), pkt('pc2', PC2, dst))).toStrictEqual({ kind: 'refuse', reason: 'local' });
      }
    });

    // Windows answers `ping 127.0.0.1` with the cable out (it is the first check of the TCP/IP stack
    // in any troubleshooting guide); route() checks the cable before it looks for loopback, so the lab
    // prints "PING: transmit failed. General failure." instead.
    it('still delivers 127.0.0.1 back to an unplugged sender (loopback needs no cable)', () => {
      const s = lab((x) => {
        nic(x, 'pc2').cableConnected = false;
      });
      expect(route(s, pkt('pc2', PC2, '127.0.0.1'))).toEqual({ kind: 'deliver', to: ['pc2'], path: 'local' });
    });
  });

  describe('the internet and the mobile network', () => {
    it('delivers from the phone on the mobile network to an internet host (path cellular)', () => {
      expect(route(lab(), https('phone', '100.64.12.7', '20.50.15.10'))).toEqual({
        kind: 'deliver',
        to: ['internet'],
        path: 'cellular',
      });
    });

    it('delivers from an internet host to the phone (path internet)', () => {
      expect(route(lab(), pkt('internet', '8.8.8.8', '100.64.12.7'))).toEqual({
        kind: 'deliver',
        to: ['phone'],
        path: 'internet',
      });
    });

    it('reaches the internet from the phone even when the lab’s WAN is down', () => {
      const s = lab((x) => {
        x.router.wanUp = false;
        x.router.powered = false;
      });
      expect(route(s, pkt('phone', '100.64.12.7', '8.8.8.8'))).toEqual({
        kind: 'deliver',
        to: ['internet'],
        path: 'cellular',
      });
    });

    it.each([
      { title: 'an unknown internet address', dst: '1.2.3.4' },
      {
        title: 'a private LAN address no LAN host opened a flow to it from (the LAN is behind NAT)',
        dst: DC01,
      },
    ])('drops traffic from the phone to $title', ({ dst }) => {
      expect(route(lab(), pkt('phone', '100.64.12.7', dst))).toEqual({
        kind: 'drop',
        reason: 'no such internet host',
      });
    });

    describe('over a flow a LAN host opened', () => {
      const RELAY = '20.50.15.10';
      /** PC2 keeps a connection open to the Service Bus relay on tcp/443. */
      const RELAY_FLOW: OpenFlow = { lanId: 'pc2', lanIp: PC2, remoteIp: RELAY, port: 443, host: RELAY_HOST };

      function withFlow(change?: (s: NetworkState) => void): NetworkState {
        return lab((x) => {
          x.flows.push({ ...RELAY_FLOW });
          change?.(x);
        });
      }

      it('delivers from the internet host at the far end of the flow to the LAN host (path internet)', () => {
        expect(route(withFlow(), https('internet', RELAY, PC2))).toEqual({
          kind: 'deliver',
          to: ['pc2'],
          path: 'internet',
        });
      });

      it('delivers from the phone over a flow to the phone (path internet)', () => {
        const s = lab((x) => {
          x.flows.push({ lanId: 'dc01', lanIp: DC01, remoteIp: '100.64.12.7', port: 443 });
        });
        expect(route(s, pkt('phone', '100.64.12.7', DC01))).toEqual({
          kind: 'deliver',
          to: ['dc01'],
          path: 'internet',
        });
      });

      it.each([
        { title: 'another internet address of the same host', src: '8.8.8.8', dst: PC2 },
        { title: 'another LAN host than the flow’s', src: RELAY, dst: DC01 },
      ])('drops traffic from $title as "no such internet host"', ({ src, dst }) => {
        expect(route(withFlow(), https('internet', src, dst))).toEqual({
          kind: 'drop',
          reason: 'no such internet host',
        });
      });

      it.each([
        {
          title: 'the LAN host was unplugged',
          change: (x: NetworkState) => {
            nic(x, 'pc2').cableConnected = false;
          },
        },
        {
          title: 'the LAN host was powered off',
          change: (x: NetworkState) => {
            nic(x, 'pc2').powered = false;
          },
        },
        {
          title: 'the LAN host left the network',
          change: (x: NetworkState) => {
            delete x.nics.pc2;
          },
        },
        {
          title: 'the LAN host’s address changed',
          change: (x: NetworkState) => {
            nic(x, 'pc2').addresses = [{ ip: '192.168.6.150', mask: MASK }];
          },
        },
        {
          title: 'another LAN host now has the flow’s address',
          change: (x: NetworkState) => {
            nic(x, 'pc2').addresses = [{ ip: '192.168.6.150', mask: MASK }];
            x.nics.pc3 = lanNic(PC2);
          },
        },
        {
          title: 'the WAN is down',
          change: (x: NetworkState) => {
            x.router.wanUp = false;
          },
        },
        {
          title: 'the router is powered off',
          change: (x: NetworkState) => {
            x.router.powered = false;
          },
        },
        {
          title: 'an edge firewall rule now blocks the flow’s outbound port',
          change: (x: NetworkState) => {
            x.firewall = [{ id: 'b', direction: 'outbound', action: 'block', mode: 'reject', port: 443 }];
          },
        },
        {
          title: 'an edge firewall rule now blocks the flow’s host name',
          change: (x: NetworkState) => {
            x.firewall = [
              {
                id: 'b',
                direction: 'outbound',
                action: 'block',
                mode: 'drop',
                host: '*.servicebus.windows.net',
              },
            ];
          },
        },
        {
          title: 'an edge firewall rule now blocks the flow’s remote address',
          change: (x: NetworkState) => {
            x.firewall = [{ id: 'b', direction: 'outbound', action: 'block', dstCidr: '20.50.15.0/24' }];
          },
        },
      ])('drops traffic over the flow as "the inbound connection is closed" when $title', ({ change }) => {
        expect(route(withFlow(change), https('internet', RELAY, PC2))).toEqual({
          kind: 'drop',
          reason: 'the inbound connection is closed',
        });
      });

      it.each([
        {
          title: 'a block rule for another port',
          rule: { id: 'b', direction: 'outbound', action: 'block', mode: 'reject', port: 80 } as FirewallRule,
        },
        {
          title: 'a block rule for another host name',
          rule: {
            id: 'b',
            direction: 'outbound',
            action: 'block',
            mode: 'reject',
            host: 'login.microsoftonline.com',
          } as FirewallRule,
        },
        {
          title: 'a block rule for another LAN host',
          rule: {
            id: 'b',
            direction: 'outbound',
            action: 'block',
            srcCidr: '192.168.6.2/32',
          } as FirewallRule,
        },
        {
          title: 'a block rule for udp on the flow’s port',
          rule: {
            id: 'b',
            direction: 'outbound',
            action: 'block',
            transport: 'udp',
            port: 443,
          } as FirewallRule,
        },
        {
          title: 'an inbound block rule',
          rule: { id: 'b', direction: 'inbound', action: 'block', mode: 'reject' } as FirewallRule,
        },
        {
          title: 'an allow rule for the flow before a block-everything rule',
          rule: { id: 'a', direction: 'outbound', action: 'allow', port: 443 } as FirewallRule,
          after: { id: 'b', direction: 'outbound', action: 'block', mode: 'reject' } as FirewallRule,
        },
      ])('still delivers over the flow with $title', ({ rule, after }) => {
        const s = withFlow((x) => {
          x.firewall = after ? [rule, after] : [rule];
        });
        expect(route(s, https('internet', RELAY, PC2))).toEqual({
          kind: 'deliver',
          to: ['pc2'],
          path: 'internet',
        });
      });

      it('delivers over the flow again once the LAN host is plugged back in', () => {
        const s = withFlow((x) => {
          nic(x, 'pc2').cableConnected = false;
        });
        expect(route(s, https('internet', RELAY, PC2)).kind).toBe('drop');
        nic(s, 'pc2').cableConnected = true;
        expect(route(s, https('internet', RELAY, PC2))).toEqual({
          kind: 'deliver',
          to: ['pc2'],
          path: 'internet',
        });
      });
    });

    it('drops traffic from the internet to a phone that is switched off', () => {
      const s = lab((x) => {
        nic(x, 'phone').powered = false;
      });
      expect(route(s, pkt('internet', '8.8.8.8', '100.64.12.7'))).toEqual({
        kind: 'drop',
        reason: 'no such internet host',
      });
    });
  });
});

describe('canReturn', () => {
  it.each([
    { title: 'a LAN request', request: pkt('pc2', PC2, DC01) },
    { title: 'an internet request', request: https('pc2', PC2, '20.50.15.10', RELAY_HOST) },
    { title: 'a DHCP broadcast sent from 0.0.0.0', request: pkt('pc2', '0.0.0.0', '255.255.255.255') },
    { title: 'a request from the phone', request: pkt('phone', '100.64.12.7', '8.8.8.8') },
  ])('lets the reply to $title come back while nothing changed', ({ request }) => {
    expect(canReturn(lab(), request)).toBe(true);
  });

  it.each([
    {
      title: 'the requester was unplugged',
      change: (x: NetworkState) => {
        nic(x, 'pc2').cableConnected = false;
      },
      request: pkt('pc2', PC2, DC01),
    },
    {
      title: 'the requester was powered off',
      change: (x: NetworkState) => {
        nic(x, 'pc2').powered = false;
      },
      request: pkt('pc2', PC2, DC01),
    },
    {
      title: 'the requester left the network',
      change: (x: NetworkState) => {
        delete x.nics.pc2;
      },
      request: pkt('pc2', PC2, DC01),
    },
    {
      title: 'the requester’s address changed',
      change: (x: NetworkState) => {
        nic(x, 'pc2').addresses = [{ ip: '192.168.6.150', mask: MASK }];
      },
      request: pkt('pc2', PC2, DC01),
    },
    {
      title: 'the WAN went down (internet request)',
      change: (x: NetworkState) => {
        x.router.wanUp = false;
      },
      request: pkt('pc2', PC2, '8.8.8.8'),
    },
    {
      title: 'the router was powered off (internet request)',
      change: (x: NetworkState) => {
        x.router.powered = false;
      },
      request: pkt('pc2', PC2, '8.8.8.8'),
    },
    {
      title: 'the firewall now drops the flow',
      change: (x: NetworkState) => {
        x.firewall = [
          { id: 'b', direction: 'outbound', action: 'block', mode: 'drop', host: '*.servicebus.windows.net' },
        ];
      },
      request: https('pc2', PC2, '20.50.15.10', RELAY_HOST),
    },
    {
      title: 'the firewall now rejects the flow',
      change: (x: NetworkState) => {
        x.firewall = [{ id: 'b', direction: 'outbound', action: 'block', mode: 'reject', port: 443 }];
      },
      request: https('pc2', PC2, '20.50.15.10'),
    },
  ])('refuses the reply when $title', ({ change, request }) => {
    expect(canReturn(lab(change), request)).toBe(false);
  });

  it.each([
    {
      title: 'a LAN request when the WAN went down',
      change: (x: NetworkState) => {
        x.router.wanUp = false;
      },
      request: pkt('pc2', PC2, DC01),
    },
    {
      title: 'a LAN request when a block-everything rule was added',
      change: (x: NetworkState) => {
        x.firewall = [{ id: 'b', direction: 'outbound', action: 'block', mode: 'reject' }];
      },
      request: pkt('pc2', PC2, DC01),
    },
    {
      title: 'an internet request when only an inbound rule matches',
      change: (x: NetworkState) => {
        x.firewall = [{ id: 'in', direction: 'inbound', action: 'block', mode: 'reject' }];
      },
      request: pkt('pc2', PC2, '8.8.8.8'),
    },
    {
      title: 'a broadcast when the WAN went down',
      change: (x: NetworkState) => {
        x.router.wanUp = false;
      },
      request: pkt('pc2', '0.0.0.0', '255.255.255.255'),
    },
    {
      title: 'a phone request when the lab’s WAN went down',
      change: (x: NetworkState) => {
        x.router.wanUp = false;
      },
      request: pkt('phone', '100.64.12.7', '8.8.8.8'),
    },
    {
      title: 'a request from a secondary address that is still bound',
      change: (x: NetworkState) => {
        nic(x, 'pc2').addresses.unshift({ ip: '192.168.6.150', mask: MASK });
      },
      request: pkt('pc2', PC2, DC01),
    },
  ])('still lets the reply come back for $title', ({ change, request }) => {
    expect(canReturn(lab(change), request)).toBe(true);
  });
});

describe('canReturn for a request from the internet to a LAN host over its flow', () => {
  const RELAY = '20.50.15.10';
  const RELAY_FLOW: OpenFlow = { lanId: 'pc2', lanIp: PC2, remoteIp: RELAY, port: 443, host: RELAY_HOST };
  const request = https('internet', RELAY, PC2);

  function withFlow(change?: (s: NetworkState) => void): NetworkState {
    return lab((x) => {
      x.flows.push({ ...RELAY_FLOW });
      change?.(x);
    });
  }

  it('lets the LAN host’s answer back while the flow is open', () => {
    expect(canReturn(withFlow(), request)).toBe(true);
  });

  it('lets the LAN host’s answer back to the phone over the phone’s flow', () => {
    const s = lab((x) => {
      x.flows.push({ lanId: 'dc01', lanIp: DC01, remoteIp: '100.64.12.7', port: 443 });
    });
    expect(canReturn(s, pkt('phone', '100.64.12.7', DC01))).toBe(true);
  });

  it.each([
    {
      title: 'there is no flow',
      change: (x: NetworkState) => {
        x.flows = [];
      },
    },
    {
      title: 'the flow is to another internet address',
      change: (x: NetworkState) => {
        x.flows = [{ ...RELAY_FLOW, remoteIp: '8.8.8.8' }];
      },
    },
    {
      title: 'the LAN host was unplugged',
      change: (x: NetworkState) => {
        nic(x, 'pc2').cableConnected = false;
      },
    },
    {
      title: 'the LAN host was powered off',
      change: (x: NetworkState) => {
        nic(x, 'pc2').powered = false;
      },
    },
    {
      title: 'the LAN host’s address changed',
      change: (x: NetworkState) => {
        nic(x, 'pc2').addresses = [{ ip: '192.168.6.150', mask: MASK }];
      },
    },
    {
      title: 'the WAN went down',
      change: (x: NetworkState) => {
        x.router.wanUp = false;
      },
    },
    {
      title: 'the router was powered off',
      change: (x: NetworkState) => {
        x.router.powered = false;
      },
    },
    {
      title: 'an edge firewall rule now blocks the flow’s outbound port',
      change: (x: NetworkState) => {
        x.firewall = [{ id: 'b', direction: 'outbound', action: 'block', mode: 'reject', port: 443 }];
      },
    },
    {
      title: 'an edge firewall rule now blocks the flow’s host name',
      change: (x: NetworkState) => {
        x.firewall = [
          { id: 'b', direction: 'outbound', action: 'block', mode: 'drop', host: '*.servicebus.windows.net' },
        ];
      },
    },
    {
      title: 'the internet requester itself went away',
      change: (x: NetworkState) => {
        nic(x, 'internet').powered = false;
      },
    },
  ])('refuses the answer when $title', ({ change }) => {
    expect(canReturn(withFlow(change), request)).toBe(false);
  });

  it('still lets the answer back when a rule blocks only another port', () => {
    const s = withFlow((x) => {
      x.firewall = [{ id: 'b', direction: 'outbound', action: 'block', mode: 'reject', port: 80 }];
    });
    expect(canReturn(s, request)).toBe(true);
  });
});

describe('findFlow', () => {
  const flows: OpenFlow[] = [
    { lanId: 'pc2', lanIp: PC2, remoteIp: '20.50.15.10', port: 443, host: RELAY_HOST },
    { lanId: 'dc01', lanIp: DC01, remoteIp: '20.50.15.10', port: 9350 },
  ];
  const s = lab((x) => {
    x.flows = flows;
  });

  it('finds the flow by its LAN address and its remote address', () => {
    expect(findFlow(s, PC2, '20.50.15.10')).toBe(flows[0]);
    expect(findFlow(s, DC01, '20.50.15.10')).toBe(flows[1]);
  });

  it.each([
    { title: 'another remote address', lanIp: PC2, remoteIp: '8.8.8.8' },
    { title: 'a LAN address with no flow', lanIp: '192.168.6.77', remoteIp: '20.50.15.10' },
    { title: 'the addresses swapped', lanIp: '20.50.15.10', remoteIp: PC2 },
  ])('finds nothing for $title', ({ lanIp, remoteIp }) => {
    expect(findFlow(s, lanIp, remoteIp)).toBeUndefined();
  });

  it('finds nothing when there are no flows', () => {
    expect(findFlow(lab(), PC2, '20.50.15.10')).toBeUndefined();
  });
});

describe('flowOpen', () => {
  const flow: OpenFlow = { lanId: 'pc2', lanIp: PC2, remoteIp: '20.50.15.10', port: 443, host: RELAY_HOST };

  it('is open while the LAN host, the router, the WAN and the edge firewall all allow it', () => {
    expect(flowOpen(lab(), flow)).toBe(true);
  });

  it('does not need the flow to be listed in the state', () => {
    expect(lab().flows).toEqual([]);
    expect(flowOpen(lab(), flow)).toBe(true);
  });

  it('is closed for a LAN host the network does not know', () => {
    expect(flowOpen(lab(), { ...flow, lanId: 'nobody' })).toBe(false);
  });

  it('is closed when a tcp rule blocks the flow’s port, and open when a udp rule does', () => {
    const tcp = lab((x) => {
      x.firewall = [{ id: 't', direction: 'outbound', action: 'block', transport: 'tcp', port: 443 }];
    });
    const udp = lab((x) => {
      x.firewall = [{ id: 'u', direction: 'outbound', action: 'block', transport: 'udp', port: 443 }];
    });
    expect(flowOpen(tcp, flow)).toBe(false);
    expect(flowOpen(udp, flow)).toBe(true);
  });

  it('is closed when a rule blocks the LAN host’s source address', () => {
    const s = lab((x) => {
      x.firewall = [{ id: 's', direction: 'outbound', action: 'block', srcCidr: '192.168.6.101/32' }];
    });
    expect(flowOpen(s, flow)).toBe(false);
    expect(flowOpen(s, { ...flow, lanId: 'dc01', lanIp: DC01 })).toBe(true);
  });
});

describe('firewallVerdict', () => {
  const probe = https('pc2', PC2, '20.50.15.10', RELAY_HOST);

  it('passes outbound traffic when no rule matches', () => {
    expect(firewallVerdict([], 'outbound', probe, PC2)).toStrictEqual({ pass: true });
  });

  it('drops inbound traffic when no rule matches, naming no rule', () => {
    expect(firewallVerdict([], 'inbound', probe, PC2)).toStrictEqual({ pass: false, mode: 'drop' });
  });

  it('passes inbound traffic that an inbound allow rule matches', () => {
    const rules: FirewallRule[] = [{ id: 'in-443', direction: 'inbound', action: 'allow', port: 443 }];
    expect(firewallVerdict(rules, 'inbound', probe, PC2)).toStrictEqual({ pass: true });
  });

  it('uses the first matching rule and reports its id and mode', () => {
    const rules: FirewallRule[] = [
      { id: 'other-port', direction: 'outbound', action: 'allow', port: 80 },
      {
        id: 'reject-sb',
        direction: 'outbound',
        action: 'block',
        mode: 'reject',
        host: '*.servicebus.windows.net',
      },
      { id: 'allow-all', direction: 'outbound', action: 'allow' },
    ];
    expect(firewallVerdict(rules, 'outbound', probe, PC2)).toStrictEqual({
      pass: false,
      mode: 'reject',
      rule: 'reject-sb',
    });
  });

  it('defaults a block rule without a mode to drop', () => {
    const rules: FirewallRule[] = [{ id: 'b', direction: 'outbound', action: 'block' }];
    expect(firewallVerdict(rules, 'outbound', probe, PC2)).toStrictEqual({
      pass: false,
      mode: 'drop',
      rule: 'b',
    });
  });

  it.each([
    { title: 'srcCidr that does not contain the source', rule: { srcCidr: '192.168.6.0/30' } },
    { title: 'dstCidr that does not contain the destination', rule: { dstCidr: '8.8.8.0/24' } },
    { title: 'a host that differs', rule: { host: 'login.microsoftonline.com' } },
    { title: 'a transport that differs', rule: { transport: 'udp' as const } },
    { title: 'a port that differs', rule: { port: 9350 } },
  ])('skips a rule with $title', ({ rule }) => {
    const rules: FirewallRule[] = [
      { id: 'x', direction: 'outbound', action: 'block', mode: 'reject', ...rule },
    ];
    expect(firewallVerdict(rules, 'outbound', probe, PC2)).toStrictEqual({ pass: true });
  });

  it('matches a rule only when every field it names matches', () => {
    const rules: FirewallRule[] = [
      {
        id: 'all-fields',
        direction: 'outbound',
        action: 'block',
        mode: 'reject',
        srcCidr: '192.168.6.0/24',
        dstCidr: '20.50.15.0/24',
        host: '*.servicebus.windows.net',
        transport: 'tcp',
        port: 443,
      },
    ];
    expect(firewallVerdict(rules, 'outbound', probe, PC2)).toStrictEqual({
      pass: false,
      mode: 'reject',
      rule: 'all-fields',
    });
  });

  it('judges the source CIDR by the address passed in, not the packet’s src field', () => {
    const rules: FirewallRule[] = [
      { id: 'dc-only', direction: 'outbound', action: 'block', mode: 'drop', srcCidr: '192.168.6.2/32' },
    ];
    expect(firewallVerdict(rules, 'outbound', probe, DC01)).toStrictEqual({
      pass: false,
      mode: 'drop',
      rule: 'dc-only',
    });
    expect(firewallVerdict(rules, 'outbound', probe, PC2)).toStrictEqual({ pass: true });
  });
});

describe('hostMatches', () => {
  it.each([
    { pattern: '*.servicebus.windows.net', host: RELAY_HOST, expected: true },
    { pattern: '*.servicebus.windows.net', host: 'a.b.servicebus.windows.net', expected: true },
    { pattern: '*.servicebus.windows.net', host: 'SSPR.ServiceBus.Windows.NET', expected: true },
    { pattern: '*.ServiceBus.Windows.Net', host: 'x.servicebus.windows.net', expected: true },
    { pattern: '*.servicebus.windows.net', host: 'servicebus.windows.net', expected: true },
    { pattern: '*.servicebus.windows.net', host: 'evilservicebus.windows.net', expected: false },
    { pattern: '*.servicebus.windows.net', host: 'servicebus.windows.net.evil.com', expected: false },
    { pattern: '*.servicebus.windows.net', host: 'windows.net', expected: false },
    { pattern: 'login.microsoftonline.com', host: 'login.microsoftonline.com', expected: true },
    { pattern: 'login.microsoftonline.com', host: 'LOGIN.MicrosoftOnline.com', expected: true },
    { pattern: 'login.microsoftonline.com', host: 'x.login.microsoftonline.com', expected: false },
    { pattern: 'login.microsoftonline.com', host: 'microsoftonline.com', expected: false },
    { pattern: '*.servicebus.windows.net', host: '', expected: false },
    { pattern: '*.servicebus.windows.net', host: undefined, expected: false },
  ])('pattern "$pattern" against host "$host" is $expected', ({ pattern, host, expected }) => {
    expect(hostMatches(pattern, host)).toBe(expected);
  });
});

describe('primaryAddress', () => {
  it('is the first address bound to the NIC', () => {
    const n = lanNic(PC2);
    n.addresses.push({ ip: '192.168.6.150', mask: MASK });
    expect(primaryAddress(n)).toEqual({ ip: PC2, mask: MASK });
  });

  it('is undefined for a NIC with no addresses or no NIC', () => {
    expect(primaryAddress(lanNic(PC2, { addresses: [] }))).toBeUndefined();
    expect(primaryAddress(undefined)).toBeUndefined();
  });
});
