import { describe, expect, it } from 'vitest';
import { getNextSnapshot } from 'xstate';
import { w32timeTimerMachine } from '../../../simulation/devices/w32timeTimer.machine';
import { ofType, rig } from './machineRig';

describe('w32timeTimer.machine: waiting → polling → waiting on the lab clock', () => {
  it('waits firstInMs, then tells its host time.poll once and waits for time.next', () => {
    const r = rig(w32timeTimerMachine, () => ({ firstInMs: 5_000 }));
    expect(r.snap().value).toBe('waiting');
    expect(r.snap().context.inMs).toBe(5_000);
    r.advance(4_999);
    expect(r.snap().value).toBe('waiting');
    expect(ofType(r.parent, 'time.poll')).toHaveLength(0);
    r.advance(1);
    expect(r.snap().value).toBe('polling');
    expect(ofType(r.parent, 'time.poll')).toHaveLength(1);
    // Polling has no timer of its own: without an answer it never polls again.
    r.advance(10 * 86_400_000, 3_600_000);
    expect(r.snap().value).toBe('polling');
    expect(ofType(r.parent, 'time.poll')).toHaveLength(1);
  });

  it('time.next sets the next wait (the host backs off after a failed sample)', () => {
    const r = rig(w32timeTimerMachine, () => ({ firstInMs: 1_000 }));
    r.advance(1_000);
    r.send({ type: 'time.next', inMs: 1_024_000 });
    expect(r.snap().value).toBe('waiting');
    expect(r.snap().context.inMs).toBe(1_024_000);
    r.advance(1_023_999);
    expect(ofType(r.parent, 'time.poll')).toHaveLength(1);
    r.advance(1);
    expect(ofType(r.parent, 'time.poll')).toHaveLength(2);
    expect(r.snap().value).toBe('polling');
  });

  it('a wait below 1 ms is taken as 1 ms (no zero-delay loop)', () => {
    const s0 = w32timeTimerMachine.resolveState({ value: 'polling', context: { inMs: 5 } });
    expect(getNextSnapshot(w32timeTimerMachine, s0, { type: 'time.next', inMs: 0 }).context.inMs).toBe(1);
    expect(getNextSnapshot(w32timeTimerMachine, s0, { type: 'time.next', inMs: -50 }).context.inMs).toBe(1);
  });

  it('time.next while still waiting is ignored (the timer is not reset)', () => {
    const s0 = w32timeTimerMachine.resolveState({ value: 'waiting', context: { inMs: 5_000 } });
    const s1 = getNextSnapshot(w32timeTimerMachine, s0, { type: 'time.next', inMs: 7 });
    expect(s1.value).toBe('waiting');
    expect(s1.context).toEqual({ inMs: 5_000 });
    const r = rig(w32timeTimerMachine, () => ({ firstInMs: 5_000 }));
    r.advance(2_000);
    r.send({ type: 'time.next', inMs: 7 });
    r.advance(2_999);
    expect(r.snap().value).toBe('waiting');
    r.advance(1);
    expect(r.snap().value).toBe('polling');
  });
});
