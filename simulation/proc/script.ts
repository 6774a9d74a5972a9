/**
 * Scripts: the steps of one operation that talks over the network (a console command, a sign-in,
 * a DNS forward), written as a generator. A script yields what it needs — send a packet and wait
 * for the answer, or wait a while — and the script runner actor (script.machine.ts) carries that
 * out on the lab clock. Scripts never touch actors or context: they read the input they were given
 * and return a result; the actor that started one applies that result.
 */
import type { ExchangeResult, Packet } from '../net/packets';

export type OutboundPacket = Omit<Packet, 'id' | 'srcId'>;

export type ScriptOp =
  { op: 'exchange'; packet: OutboundPacket; timeoutMs: number } | { op: 'sleep'; ms: number };

export type ScriptResume = ExchangeResult | undefined;

export type Script<T> = Generator<ScriptOp, T, ScriptResume>;

/** Sends one packet and waits for its answer, a refusal, or the timeout. */
export function* exchange(
  packet: OutboundPacket,
  timeoutMs: number,
): Generator<ScriptOp, ExchangeResult, ScriptResume> {
  const result = yield { op: 'exchange', packet, timeoutMs };
  return result ?? { status: 'timeout' };
}

export function* sleep(ms: number): Generator<ScriptOp, void, ScriptResume> {
  yield { op: 'sleep', ms };
}
