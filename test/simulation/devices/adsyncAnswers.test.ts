import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';
import { initialAdSync } from '../../../simulation/sync/adsyncInit';
import { CLOSED_WIZARD } from '../../../simulation/sync/wizard';
import type { AdSyncState } from '../../../simulation/sync/state';
import type { WindowsHostContext } from '../../../simulation/windows/hostState';
import { answerRequest, answerStopped } from '../../../simulation/devices/adsync/answers';
import { finishJob } from '../../../simulation/devices/adsync/jobs';
import type { AdSyncContext, AdSyncEvent } from '../../../simulation/devices/adsync/types';
import { labEnv } from '../../../simulation/core/env';

/** What the handlers read of the host (these answers do not look at it). */
const host = () => ({}) as WindowsHostContext;

/** The ADSync service's context as the default lab starts it (configured, idle). */
function context(over: Partial<AdSyncContext> = {}, state: Partial<AdSyncState> = {}): AdSyncContext {
  return {
    hostId: 'sync01',
    rng: 1,
    netbios: 'EVERESTITT',
    offsetMinutes: 0,
    namespace: 'everestitt-sspr.servicebus.windows.net',
    env: labEnv({ now: () => 0 }),
    state: { ...initialAdSync(DEFAULT_LAB, 0), ...state },
    running: true,
    wizard: CLOSED_WIZARD,
    jobs: {},
    seq: 4,
    wasListening: false,
    policy: 'Delta',
    ...over,
  };
}

describe("ADSync's answers to the cmdlets", () => {
  it('without a configuration, only the status and the scheduler answer', () => {
    const c = context({}, { config: undefined });
    expect(answerRequest(c, 'r1', { op: 'status' }, host).reply).toEqual({
      requestId: 'r1',
      reply: { ok: true, done: true },
    });
    expect(answerRequest(c, 'r2', { op: 'getScheduler' }, host).reply?.reply.ok).toBe(true);
    for (const request of [{ op: 'getConnectors' }, { op: 'getRunStatus' }] as const)
      expect(answerRequest(c, 'r3', request, host)).toEqual({
        reply: { requestId: 'r3', reply: { ok: false, error: 'not-configured' } },
      });
  });

  it('Start-ADSyncSyncCycle asks for a cycle, and is busy while one runs or is asked for', () => {
    const started = answerRequest(context(), 'r1', { op: 'startCycle', policy: 'Initial' }, host);
    expect(started.patch).toEqual({ requested: 'Initial' });
    expect(started.reply?.reply).toEqual({ ok: true, started: 'Initial' });
    for (const c of [context({}, { cycleInProgress: true }), context({ requested: 'Delta' })]) {
      const busy = answerRequest(c, 'r2', { op: 'startCycle', policy: 'Delta' }, host);
      expect(busy.patch).toBeUndefined();
      expect(busy.reply?.reply).toMatchObject({ ok: false, error: 'busy', connector: expect.any(String) });
    }
  });

  it('Set-ADSyncAADPasswordSyncConfiguration changes nothing for a connector that is not the AD one', () => {
    const c = context();
    const wrong = answerRequest(
      c,
      'r1',
      {
        op: 'setPhsConfig',
        sourceConnector: 'nowhere.local',
        targetConnector: 'x',
        enable: false,
      },
      host,
    );
    expect(wrong).toEqual({
      reply: {
        requestId: 'r1',
        reply: { ok: false, error: 'no-such-connector', connector: 'nowhere.local' },
      },
    });
    const adConnector = c.state.config?.adConnector ?? '';
    const right = answerRequest(
      c,
      'r2',
      {
        op: 'setPhsConfig',
        sourceConnector: adConnector.toUpperCase(),
        targetConnector: 'x',
        enable: false,
      },
      host,
    );
    expect(right.patch?.state?.config?.features.passwordHashSync).toBe(false);
    expect(right.reply?.reply).toEqual({ ok: true, done: true });
  });

  it('a request that needs the network starts a script and answers when it finishes', () => {
    const c = context();
    const asked = answerRequest(c, 'r7', { op: 'getCompanyFeature' }, host);
    expect(asked.reply).toBeUndefined();
    expect(asked.patch).toEqual({ seq: 5, jobs: { 'request-5': { kind: 'request', requestId: 'r7' } } });
    expect(asked.spawn?.map((s) => s.id)).toEqual(['request-5']);

    const waiting = { ...c, ...asked.patch };
    const done: AdSyncEvent = {
      type: 'xstate.done.actor.request-5',
      output: { value: { ok: true, companyFeature: { passwordHashSync: true } }, failure: undefined },
    };
    expect(finishJob(waiting, done, 0, host)).toEqual({
      patch: { jobs: {} },
      reply: { requestId: 'r7', reply: { ok: true, companyFeature: { passwordHashSync: true } } },
    });
    const failed: AdSyncEvent = { type: 'xstate.error.actor.request-5', error: new Error('x') };
    expect(finishJob(waiting, failed, 0, host).reply?.reply).toEqual({ ok: false, error: 'failed' });
    // A script that is no job (the cycle, a relay call) changes nothing.
    expect(finishJob(waiting, { ...done, type: 'xstate.done.actor.cycle' }, 0, host)).toEqual({});
  });

  it('every request fails while the service is stopped', () => {
    expect(answerStopped('r9')).toEqual({
      reply: { requestId: 'r9', reply: { ok: false, error: 'service-stopped' } },
    });
  });
});
