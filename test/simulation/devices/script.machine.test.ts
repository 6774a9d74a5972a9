import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { scriptMachine, type ScriptOutput } from '../../../simulation/proc/script.machine';
import { exchange, sleep, type OutboundPacket, type Script } from '../../../simulation/proc/script';
import type { ExchangeResult, Packet } from '../../../simulation/net/packets';
import { ofType, rig, type NetworkStub, type Sent } from './machineRig';

const PING: OutboundPacket = {
  src: '192.168.6.101',
  dst: '192.168.6.2',
  transport: 'icmp',
  body: { kind: 'icmp.echo', bytes: 32 },
};

function packetOf(e: Sent): Packet {
  return e.packet as Packet;
}

/** A network that answers every packet it is sent with `answer` (or nothing, for undefined). */
function answering(answer: (p: Packet) => ExchangeResult | undefined): NetworkStub {
  return (e) => {
    if (e.type !== 'net.send') return;
    const p = packetOf(e);
    const a = answer(p);
    const to = e.replyTo as AnyActorRef;
    if (!a || a.status === 'timeout') return;
    to.send(
      a.status === 'ok'
        ? { type: 'net.reply', requestId: p.id, body: a.body, from: a.from }
        : { type: 'net.refused', requestId: p.id, reason: a.reason, by: a.by },
    );
  };
}

function run(start: () => Script<unknown>, network?: NetworkStub, learnerLabel?: string) {
  return rig(scriptMachine, () => ({ deviceId: 'pc2', idPrefix: 'pc2.job-7', start, learnerLabel }), {
    network,
  });
}

function outputOf(r: ReturnType<typeof run>): ScriptOutput {
  return r.snap().output as ScriptOutput;
}

describe('script.machine: stepping → exchanging | sleeping → done', () => {
  it('a script that returns at once is done with its value, sending nothing', () => {
    // eslint-disable-next-line require-yield
    const r = run(function* () {
      return 42;
    });
    expect(r.snap().status).toBe('done');
    expect(r.snap().value).toBe('done');
    expect(outputOf(r)).toEqual({ value: 42, failure: undefined });
    expect(r.net).toHaveLength(0);
  });

  it('sleeping waits on the lab clock for exactly the time asked', () => {
    const r = run(function* () {
      yield* sleep(30_000);
      return 'woke';
    });
    expect(r.snap().value).toBe('sleeping');
    r.advance(29_999);
    expect(r.snap().value).toBe('sleeping');
    r.advance(1);
    expect(r.snap().status).toBe('done');
    expect(outputOf(r).value).toBe('woke');
  });

  it('an exchange sends through the network with its own id and reply address, and takes the answer', () => {
    const r = run(
      function* () {
        const a = yield* exchange(PING, 4_000);
        const b = yield* exchange(PING, 4_000);
        return [a, b];
      },
      answering((p) =>
        p.id.endsWith('.1')
          ? { status: 'ok', body: { kind: 'icmp.echoReply', bytes: 32, ttl: 128 }, from: p.dst }
          : { status: 'refused', reason: 'host-unreachable', by: '192.168.6.1' },
      ),
    );
    const sends = ofType(r.net, 'net.send');
    expect(sends.map((e) => packetOf(e).id)).toEqual(['pc2.job-7.1', 'pc2.job-7.2']);
    expect(packetOf(sends[0]!).srcId).toBe('pc2');
    expect(packetOf(sends[0]!).learnerFlow).toBeUndefined();
    expect(sends[0]!.replyTo).toBe(r.ref());
    expect(r.snap().status).toBe('done');
    expect(r.snap().context.sent).toBe(2);
    expect(outputOf(r).value).toEqual([
      { status: 'ok', body: { kind: 'icmp.echoReply', bytes: 32, ttl: 128 }, from: '192.168.6.2' },
      { status: 'refused', reason: 'host-unreachable', by: '192.168.6.1' },
    ]);
  });

  it('no answer: the exchange times out after its timeout and the script goes on', () => {
    const r = run(function* () {
      return yield* exchange(PING, 4_000);
    });
    expect(r.snap().value).toBe('exchanging');
    r.advance(3_999);
    expect(r.snap().value).toBe('exchanging');
    r.advance(1);
    expect(outputOf(r).value).toEqual({ status: 'timeout' });
  });

  it('the ours guard: an answer to an earlier packet is ignored, the timeout still stands', () => {
    const r = run(function* () {
      yield* exchange(PING, 1_000); // times out
      return yield* exchange(PING, 4_000);
    });
    r.advance(1_000);
    expect(r.snap().context.sent).toBe(2);
    // A late answer to the first packet.
    r.send({
      type: 'net.reply',
      requestId: 'pc2.job-7.1',
      body: { kind: 'tcp.accept' },
      from: '192.168.6.2',
    });
    expect(r.snap().value).toBe('exchanging');
    expect(r.snap().context.resume).toBeUndefined();
    r.send({ type: 'net.refused', requestId: 'pc2.job-7.2', reason: 'port-closed' });
    expect(outputOf(r).value).toEqual({ status: 'refused', reason: 'port-closed', by: undefined });
  });

  it("a learner's script labels its packets for the learner's flow", () => {
    const r = run(
      function* () {
        return yield* exchange(PING, 4_000);
      },
      undefined,
      'ping dc01',
    );
    expect(packetOf(ofType(r.net, 'net.send')[0]!).learnerFlow).toEqual({
      id: 'pc2.job-7',
      label: 'ping dc01',
    });
  });

  it('a script that throws ends the run with the failure, not a crash', () => {
    const r = run(function* () {
      yield* sleep(10);
      throw new Error('bug in the lab');
    });
    r.advance(10);
    expect(r.snap().status).toBe('done');
    expect(outputOf(r)).toEqual({ value: undefined, failure: 'bug in the lab' });
  });

  it('its parent is told when it ends, with its output', () => {
    const r = run(function* () {
      yield* sleep(5);
      return 'slept';
    });
    expect(ofType(r.parent, 'xstate.done.actor.dut')).toHaveLength(0);
    r.advance(5);
    expect(ofType(r.parent, 'xstate.done.actor.dut')).toEqual([
      { type: 'xstate.done.actor.dut', output: { value: 'slept', failure: undefined }, actorId: 'dut' },
    ]);
  });

  it('stopped while it waits (its host powered off), it is stopped for good: an answer finds it gone', () => {
    const r = run(function* () {
      yield* exchange(PING, 4_000);
      return 'answered';
    });
    const ref = r.ref();
    expect(ref.getSnapshot().status).toBe('active');
    r.stop();
    expect(ref.getSnapshot().status).toBe('stopped');
    ref.send({
      type: 'net.reply',
      requestId: 'pc2.job-7.1',
      body: { kind: 'tcp.accept' },
      from: '192.168.6.2',
    });
    r.advance(5_000);
    expect(ref.getSnapshot().status).toBe('stopped');
    expect(ofType(r.parent, 'xstate.done.actor.dut')).toHaveLength(0);
  });
});
