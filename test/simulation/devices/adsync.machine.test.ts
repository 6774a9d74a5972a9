import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { adsyncMachine } from '../../../simulation/devices/adsync.machine';
import { initialHostContext } from '../../../simulation/devices/hostInit';
import { hostCoreOf } from '../../../simulation/devices/hostView';
import { initialAdSync } from '../../../simulation/sync/adsyncInit';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { TIMINGS } from '../../../simulation/core/timings';
import type { Packet } from '../../../simulation/net/packets';
import type { AdSyncState } from '../../../simulation/sync/state';
import { LAB_START, ofType, rig, type NetworkStub } from './machineRig';

const MINUTE = 60_000;
const INTERVAL = 30 * MINUTE;

/** A network on which nothing is reachable: every packet is refused at once. */
const unreachable: NetworkStub = (e) => {
  if (e.type !== 'net.send') return;
  const p = e.packet as Packet;
  (e.replyTo as AnyActorRef | undefined)?.send({
    type: 'net.refused',
    requestId: p.id,
    reason: 'host-unreachable',
  });
};

function adsync(features = { passwordHashSync: false, passwordWriteback: false }) {
  const def = DEFAULT_LAB.hosts.find((h) => h.id === 'sync01')!;
  const host = initialHostContext(DEFAULT_LAB, def, 1, LAB_START);
  const disk = initialAdSync(DEFAULT_LAB, LAB_START);
  const state: AdSyncState = {
    ...disk,
    config: { ...disk.config!, features: { ...disk.config!.features, ...features } },
  };
  const r = rig(
    adsyncMachine,
    (env) => ({
      hostId: 'sync01',
      rng: 5,
      netbios: 'LABORHUB',
      offsetMinutes: 0,
      namespace: 'everestitt.servicebus.windows.net',
      env,
      state,
      running: true,
    }),
    // Its host, read through the system as the sync server's host actor holds it.
    {
      systemId: 'adsync',
      network: unreachable,
      contexts: { sync01: { host: hostCoreOf(host), consoles: host.consoles } },
    },
  );
  const logged = () =>
    ofType(r.parent, 'host.log').map((e) => (e.entries as { eventId: number }[]).map((x) => x.eventId));
  const value = () => r.snap().value as { running?: Record<string, string> } | string;
  /** Moves the clock minute by minute until the scheduler is idle again (a cycle's stages take lab time). */
  const untilIdle = () => {
    for (
      let i = 0;
      i < 30 && (value() as { running: Record<string, string> }).running.scheduler !== 'idle';
      i++
    )
      r.advance(MINUTE);
  };
  return { r, logged, value, untilIdle, state };
}

describe('adsync.machine: boot → stopped | running (scheduler, PHS, writeback in parallel)', () => {
  it('waits in boot for the host to say whether the service runs; stopped, it answers cmdlets with the service down', () => {
    const { r, value, state } = adsync();
    expect(value()).toBe('boot');
    r.send({ type: 'adsync.service', running: false });
    expect(value()).toBe('stopped');
    r.send({ type: 'adsync.request', requestId: 'req-1', request: { op: 'getScheduler' } });
    expect(ofType(r.parent, 'adsync.reply')).toEqual([expect.objectContaining({ requestId: 'req-1' })]);
    expect(r.snap().context.state).toBe(state);
    expect(r.net).toEqual([]);
    // A second "stopped" from the host changes nothing (the serviceUp guard).
    r.send({ type: 'adsync.service', running: false });
    expect(value()).toBe('stopped');
  });

  it('service up: running, the engine loaded, the start logged (6127), and a due cycle started at once', () => {
    const { r, value, logged } = adsync();
    r.advance(5_000);
    r.send({ type: 'adsync.service', running: true });
    expect(value()).toEqual({ running: { scheduler: 'cycling', phs: 'waiting', writeback: 'off' } });
    expect(logged()[0]).toEqual([6127]);
    const s = r.snap().context.state;
    expect(s.engine).toEqual(expect.objectContaining({ loadedAt: LAB_START + 5_000 }));
    expect(s.cycleInProgress).toBe(true);
    expect(s.scheduler.cycleStartedAt).toBe(LAB_START + 5_000);
    expect(r.snap().context.seq).toBe(1);
  });

  it('after a cycle: idle, not in progress, next run one interval after the cycle started; the next one starts then', () => {
    const { r, value, untilIdle } = adsync();
    r.send({ type: 'adsync.service', running: true });
    const runsBefore = r.snap().context.state.runHistory.length;
    untilIdle();
    const s = r.snap().context.state;
    expect(s.cycleInProgress).toBe(false);
    expect(s.scheduler.cycleStartedAt).toBeUndefined();
    expect(s.scheduler.nextRunAt).toBe(LAB_START + INTERVAL);
    expect(s.runHistory.length).toBeGreaterThan(runsBefore);
    const idleAt = r.clock.now();
    r.advance(LAB_START + INTERVAL - idleAt - 1);
    expect(value()).toEqual({ running: expect.objectContaining({ scheduler: 'idle' }) });
    r.advance(1);
    expect(value()).toEqual({ running: expect.objectContaining({ scheduler: 'cycling' }) });
    expect(r.snap().context.state.scheduler.cycleStartedAt).toBe(LAB_START + INTERVAL);
  });

  it('a cycle cut short by the service stopping keeps its due time, and runs when the service starts again', () => {
    const { r, value } = adsync();
    r.send({ type: 'adsync.service', running: true });
    r.advance(1_000);
    r.send({ type: 'adsync.service', running: false });
    expect(value()).toBe('stopped');
    expect(r.snap().context.state.scheduler.nextRunAt).toBe(LAB_START);
    r.advance(10 * MINUTE);
    r.send({ type: 'adsync.service', running: true });
    expect(value()).toEqual({ running: expect.objectContaining({ scheduler: 'cycling' }) });
    expect(r.snap().context.state.scheduler.cycleStartedAt).toBe(LAB_START + 10 * MINUTE + 1_000);
  });

  it('Start-ADSyncSyncCycle while idle starts a cycle at once with the policy asked for', () => {
    const { r, value, untilIdle } = adsync();
    r.send({ type: 'adsync.service', running: true });
    untilIdle();
    r.send({ type: 'adsync.request', requestId: 'req-2', request: { op: 'startCycle', policy: 'Initial' } });
    expect(value()).toEqual({ running: expect.objectContaining({ scheduler: 'cycling' }) });
    expect(r.snap().context.policy).toBe('Initial');
    expect(r.snap().context.requested).toBeUndefined();
    expect(ofType(r.parent, 'adsync.reply')).toEqual([expect.objectContaining({ requestId: 'req-2' })]);
  });

  it('with the scheduler disabled, a due cycle does not start (the dueOrRequested guard)', () => {
    const { r, value, untilIdle } = adsync();
    r.send({ type: 'adsync.service', running: true });
    untilIdle();
    r.send({
      type: 'adsync.request',
      requestId: 'req-3',
      request: { op: 'setScheduler', syncCycleEnabled: false },
    });
    expect(r.snap().context.state.scheduler.syncCycleEnabled).toBe(false);
    r.advance(LAB_START + INTERVAL - r.clock.now());
    r.advance(5 * MINUTE, MINUTE);
    expect(value()).toEqual({ running: expect.objectContaining({ scheduler: 'idle' }) });
    expect(r.snap().context.state.scheduler.nextRunAt).toBe(LAB_START + INTERVAL);
  });

  it('writeback on and the relay unreachable: connecting → failing (31034, 32002, 31044), retried every two minutes', () => {
    const { r, value, logged } = adsync({ passwordHashSync: false, passwordWriteback: true });
    r.send({ type: 'adsync.service', running: true });
    expect(value()).toEqual({ running: expect.objectContaining({ writeback: 'failing' }) });
    expect(r.snap().context.state.writeback).toEqual({ listener: 'failing' });
    expect(logged()).toContainEqual([31034, 32002, 31044]);
    const relayTries = () =>
      ofType(r.net, 'net.send').filter((e) => (e.packet as Packet).id.startsWith('sync01.adsync.relay'))
        .length;
    const tries = relayTries();
    expect(tries).toBeGreaterThan(0);
    r.advance(TIMINGS.relayRetry - 1);
    expect(relayTries()).toBe(tries);
    r.advance(1);
    expect(relayTries()).toBeGreaterThan(tries);
    // A retry that fails again logs only the Service Bus error.
    expect(logged().at(-1)).toEqual([32002]);
    expect(r.snap().context.wasListening).toBe(false);
  });

  it('service down while writeback fails: the listener stops (31016) and nothing is retried', () => {
    const { r, value, logged } = adsync({ passwordHashSync: false, passwordWriteback: true });
    r.send({ type: 'adsync.service', running: true });
    r.send({ type: 'adsync.service', running: false });
    expect(value()).toBe('stopped');
    expect(r.snap().context.state.writeback).toEqual({ listener: 'stopped' });
    expect(logged().at(-1)).toEqual([31016]);
    const sent = r.net.length;
    r.advance(10 * MINUTE, MINUTE);
    expect(r.net.length).toBe(sent);
  });

  it('PHS on: a pass runs at start, then rests for the PHS interval before the next', () => {
    const { r, value } = adsync({ passwordHashSync: true, passwordWriteback: false });
    r.send({ type: 'adsync.service', running: true });
    expect(value()).toEqual({ running: expect.objectContaining({ phs: 'resting' }) });
    const phsTries = () =>
      ofType(r.net, 'net.send').filter((e) => (e.packet as Packet).id.startsWith('sync01.adsync.phs')).length;
    const tries = phsTries();
    r.advance(TIMINGS.phsInterval - 1);
    expect(phsTries()).toBe(tries);
    r.advance(1);
    expect(phsTries()).toBeGreaterThan(tries);
    expect(value()).toEqual({ running: expect.objectContaining({ phs: 'resting' }) });
  });
});
