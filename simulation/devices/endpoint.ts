/** How a public host answers ping and TCP connection attempts (shared by the internet and the cloud). */
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
