/** How a public host answers ping and TCP connection attempts (shared by the internet and the cloud). */
import type { AnyActorRef } from 'xstate';
import type { Ipv4 } from '../net/ipv4';
import type { NetworkEvent } from '../net/network.machine';
import type { Message, Packet } from '../net/packets';

export type EndpointAnswer = { kind: 'reply'; body: Message } | { kind: 'refuse' } | { kind: 'ignore' };

/** `pingTtl` undefined means the host drops ICMP (Microsoft's cloud endpoints do). */
export function serveEndpoint(
  ports: readonly number[],
  packet: Packet,
  pingTtl: number | undefined,
): EndpointAnswer {
  const body = packet.body;
  if (body.kind === 'icmp.echo') {
    return pingTtl === undefined
      ? { kind: 'ignore' }
      : { kind: 'reply', body: { kind: 'icmp.echoReply', bytes: body.bytes, ttl: pingTtl } };
  }
  if (body.kind === 'tcp.syn') {
    return packet.port !== undefined && ports.includes(packet.port)
      ? { kind: 'reply', body: { kind: 'tcp.accept' } }
      : { kind: 'refuse' };
  }
  return { kind: 'ignore' };
}

/** How a public host joins the network: on the internet segment, each of its addresses a /32, always up. */
export function publicAttach(id: string, addresses: readonly Ipv4[]): NetworkEvent {
  return {
    type: 'net.attach',
    id,
    nic: {
      segment: 'internet',
      addresses: addresses.map((ip) => ({ ip, mask: '255.255.255.255' })),
      cableConnected: true,
      powered: true,
    },
  };
}

/** What the network is told of an endpoint's answer to `packet`: nothing when the host ignores it. */
export function endpointEvent(
  answer: EndpointAnswer,
  packet: Packet,
  replyTo: AnyActorRef | undefined,
): NetworkEvent | undefined {
  if (answer.kind === 'reply')
    return { type: 'net.respond', request: packet, body: answer.body, from: packet.dst, replyTo };
  if (answer.kind === 'refuse')
    return { type: 'net.reject', request: packet, reason: 'port-closed', by: packet.dst, replyTo };
  return undefined;
}
