/**
 * The fault scheduler on the lab clock: a scheduled fault's time is a delayed event the clock's own
 * timer delivers (on its late lane), after what the devices do at that instant.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { LabClock } from '../../../simulation/core/clock';
import { faultSchedulerMachine, lateLane } from '../../../simulation/faults/faultScheduler.machine';

const START = Date.UTC(2026, 2, 2, 8, 0, 0);
const MIN = 60_000;

function setup() {
  const clock = new LabClock(START);
  const log: string[] = [];
  const scheduler = createActor(faultSchedulerMachine, { clock: lateLane(clock) });
  scheduler.on('fault.due', (e) => log.push(`${e.fault}@${(clock.now() - START) / MIN}m`));
  scheduler.start();
  const device = (label: string, ms: number) =>
    clock.setTimeout(() => log.push(`${label}@${(clock.now() - START) / MIN}m`), ms);
  return { clock, log, scheduler, device };
}

describe('fault scheduler on the lab clock', () => {
  it("fires a fault at its time from the clock's timer, after the devices' timers of that instant", () => {
    const { clock, log, scheduler, device } = setup();
    scheduler.send({ type: 'fault.at', fault: 'L1', delay: 10 * MIN });
    device('sync', 10 * MIN);
    expect(clock.nextDue()).toBe(START + 10 * MIN); // the device's timer: a fault's time is not shown
    clock.advance(9 * MIN);
    expect(log).toEqual([]);
    clock.advance(2 * MIN);
    expect(log).toEqual(['sync@10m', 'L1@10m']);
    expect(clock.now()).toBe(START + 11 * MIN);
    clock.advance(60 * MIN);
    expect(log).toHaveLength(2);
  });

  it('moves a fault to its new time when it is scheduled again, and forgets it when cancelled', () => {
    const { clock, log, scheduler } = setup();
    scheduler.send({ type: 'fault.at', fault: 'L1', delay: 5 * MIN });
    scheduler.send({ type: 'fault.at', fault: 'L3', delay: 6 * MIN });
    scheduler.send({ type: 'fault.at', fault: 'L1', delay: 8 * MIN });
    scheduler.send({ type: 'fault.cancel', fault: 'L3' });
    clock.advance(30 * MIN);
    expect(log).toEqual(['L1@8m']);
  });

  it('is the next thing a clock.next reaches when nothing is due before it', () => {
    const { clock, log, scheduler, device } = setup();
    scheduler.send({ type: 'fault.at', fault: 'L2', delay: 3 * MIN });
    device('poll', 7 * MIN);
    expect(clock.runToNext()).toBe(true);
    expect(log).toEqual(['L2@3m']);
    expect(clock.now()).toBe(START + 3 * MIN);
  });

  it('closes the instant a move ends at: what the fault starts then runs on the next move', () => {
    const { clock, log, scheduler } = setup();
    scheduler.on('fault.due', () => clock.setTimeout(() => log.push('started'), 0));
    scheduler.send({ type: 'fault.at', fault: 'L4', delay: 2 * MIN });
    clock.advance(2 * MIN);
    expect(log).toEqual(['L4@2m']);
    clock.advance(0);
    expect(log).toEqual(['L4@2m', 'started']);
  });

  it('lets what the fault starts run in the same move when the move goes past its time', () => {
    const { clock, log, scheduler } = setup();
    scheduler.on('fault.due', () => clock.setTimeout(() => log.push('started'), 0));
    scheduler.send({ type: 'fault.at', fault: 'L4', delay: 2 * MIN });
    expect(clock.runUntil(() => log.includes('started'), 5 * MIN)).toBe(true);
    expect(log).toEqual(['L4@2m', 'started']);
    expect(clock.now()).toBe(START + 2 * MIN);
  });
});
