/**
 * The tenant's, the phones' and the sync engine's finished job scripts leave their actors'
 * `children` (their jobFinished handlers stop them, as windowsHost.machine.ts does; see
 * hostJobChildren.test.ts): through a lab day with an SSPR reset written back, an Authenticator
 * registered, a console sync cycle and the scheduler's cycles, each of these actors holds only the
 * script children of the jobs it still runs (and the sync engine its invoked cycle, password sync
 * and relay scripts).
 */
import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import type { Lab } from '../../../simulation/facade/lab';
import { must } from '../../harness';
import { registerAuthenticator, ssprAttempt, workingLab } from '../faults/faultHarness';

const HOUR = 3_600_000;
/** The sync engine's invoked scripts (its chart's states hold them; they are not jobs). */
const ADSYNC_INVOKED = ['cycle', 'phs', 'relay'];

type Watched = {
  context: { jobs: Record<string, unknown>; seq: number };
  children: Record<string, AnyActorRef | undefined>;
};

function rootOf(lab: Lab): AnyActorRef {
  return (lab as unknown as { root: AnyActorRef }).root;
}

/** The tenant, every phone and the sync engine (a child of its host), by a name for messages. */
function watchedActors(lab: Lab): Record<string, AnyActorRef> {
  const root = rootOf(lab);
  const out: Record<string, AnyActorRef> = { tenant: root.system.get('tenant') as AnyActorRef };
  for (const p of lab.definition.phones) out[p.id] = root.system.get(p.id) as AnyActorRef;
  for (const h of lab.definition.hosts) {
    const adsync = (root.system.get(h.id) as AnyActorRef).getSnapshot().children.adsync as
      AnyActorRef | undefined;
    if (adsync) out[`${h.id}/adsync`] = adsync;
  }
  return out;
}

function jobChildren(s: Watched): string[] {
  return Object.keys(s.children)
    .filter((id) => !ADSYNC_INVOKED.includes(id))
    .sort();
}

function runningJobs(s: Watched): string[] {
  return Object.keys(s.context.jobs).sort();
}

describe('tenant, phone and adsync machines: finished job scripts leave the actor', () => {
  it('through a lab day with SSPR, phone and sync activity, each holds only its running jobs', () => {
    const lab = workingLab();
    const actors = watchedActors(lab);
    expect(Object.keys(actors)).toEqual(expect.arrayContaining(['tenant', 'sync01/adsync']));
    expect(Object.keys(actors).some((k) => k.startsWith('phone-'))).toBe(true);

    const seqAtStart = Object.fromEntries(
      Object.entries(actors).map(([k, a]) => [k, (a.getSnapshot() as Watched).context.seq]),
    );
    // Checked on every snapshot, so also while jobs run; the first mismatch of each actor is kept.
    const wrong: Record<string, string> = {};
    const seenRunning: Record<string, number> = {};
    for (const [name, actor] of Object.entries(actors)) {
      actor.subscribe((s: Watched) => {
        const running = runningJobs(s);
        if (running.length > 0) seenRunning[name] = (seenRunning[name] ?? 0) + 1;
        const held = jobChildren(s);
        if (held.join() !== running.join() && !(name in wrong))
          wrong[name] = `holds ${held.join()} while running ${running.join()}`;
      });
    }

    // The tenant texts a code (a notify job to the phone) and writes the new password back (a
    // writeback job, relayed by the sync engine's writeback jobs to the DC).
    expect(ssprAttempt(lab).page).toBe('done');
    // The phone scans a QR code and answers the test notification (its scan and respond jobs).
    registerAuthenticator(lab, 'Spring#Reset2026');
    // A sync cycle asked for from PowerShell (the sync engine answers its host's request by a job).
    must(lab, { type: 'console.exec', host: 'sync01', shell: 'powershell', line: 'Get-ADSyncScheduler' });
    must(lab, {
      type: 'console.exec',
      host: 'sync01',
      shell: 'powershell',
      line: 'Start-ADSyncSyncCycle -PolicyType Delta',
    });
    expect(ssprAttempt(lab, 'Autumn#Reset2026').page).toBe('done');
    must(lab, { type: 'clock.advance', ms: 24 * HOUR });

    expect(wrong).toEqual({});
    for (const [name, actor] of Object.entries(actors)) {
      const s = actor.getSnapshot() as Watched;
      expect(jobChildren(s), name).toEqual(runningJobs(s));
    }
    // Jobs did run on each kind of actor, and were seen while running (else this proves nothing).
    const ran = (name: string) => (actors[name]!.getSnapshot() as Watched).context.seq - seqAtStart[name]!;
    expect(ran('tenant')).toBeGreaterThan(2);
    expect(ran('sync01/adsync')).toBeGreaterThan(2);
    expect(ran('phone-michael')).toBeGreaterThan(1);
    expect(seenRunning.tenant).toBeGreaterThan(0);
    expect(seenRunning['sync01/adsync']).toBeGreaterThan(0);
    expect(seenRunning['phone-michael']).toBeGreaterThan(0);
  });
});
