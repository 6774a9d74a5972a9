/**
 * A host's finished job scripts leave its actor's `children` (windowsHost.machine.ts jobFinished):
 * after a lab day of time polls, DNS forwards and console commands, each host holds only its
 * services' children and the script children of the jobs still running.
 */
import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { Lab } from '../../../simulation/facade/lab';
import type { HostMachineContext } from '../../../simulation/devices/hostTypes';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';

const HOUR = 3_600_000;

function hostSnapshot(lab: Lab, id: string) {
  const root = (lab as unknown as { root: AnyActorRef }).root;
  const ref = root.system.get(id) as AnyActorRef;
  return ref.getSnapshot() as {
    context: HostMachineContext;
    children: Record<string, AnyActorRef | undefined>;
  };
}

/** The script children a host should hold: its running jobs but its own DNS registrations (no child). */
function runningScripts(ctx: HostMachineContext): string[] {
  return Object.entries(ctx.jobs)
    .filter(([, j]) => j.kind !== 'dns.register')
    .map(([id]) => id)
    .sort();
}

function scriptChildren(children: Record<string, AnyActorRef | undefined>): string[] {
  return Object.keys(children)
    .filter((id) => id.startsWith('job-'))
    .sort();
}

describe('windowsHost.machine: finished job scripts leave the host actor', () => {
  it('through a lab day with commands run, every host holds only the children of its running jobs', () => {
    const lab = new Lab();
    const seqAtStart = Object.fromEntries(
      DEFAULT_LAB.hosts.map((h) => [h.id, hostSnapshot(lab, h.id).context.host.seq]),
    );
    // Checked on every snapshot of every host, so also while jobs run.
    const wrong: string[] = [];
    let whileRunning = 0;
    const root = (lab as unknown as { root: AnyActorRef }).root;
    for (const h of DEFAULT_LAB.hosts) {
      (root.system.get(h.id) as AnyActorRef).subscribe(
        (s: { context: HostMachineContext; children: Record<string, AnyActorRef | undefined> }) => {
          const running = runningScripts(s.context);
          if (running.length > 0) whileRunning += 1;
          const held = scriptChildren(s.children);
          if (held.join() !== running.join() && wrong.length < 5)
            wrong.push(`${h.id}: holds ${held.join()} while running ${running.join()}`);
        },
      );
    }
    const lines = [
      { host: 'pc1', shell: 'cmd', line: 'ping -n 2 dc01 && hostname' },
      { host: 'pc3', shell: 'cmd', line: 'nslookup login.microsoftonline.com' },
      { host: 'sync01', shell: 'powershell', line: 'Start-ADSyncSyncCycle' },
    ] as const;
    for (const l of lines) expect(lab.dispatch({ type: 'console.exec', ...l }).ok).toBe(true);
    expect(lab.dispatch({ type: 'clock.advance', ms: 24 * HOUR }).ok).toBe(true);

    expect(wrong).toEqual([]);
    let jobsRun = 0;
    for (const h of DEFAULT_LAB.hosts) {
      const s = hostSnapshot(lab, h.id);
      jobsRun += s.context.host.seq - seqAtStart[h.id]!;
      expect(scriptChildren(s.children), h.id).toEqual(runningScripts(s.context));
      for (const id of Object.keys(s.children).filter((c) => !c.startsWith('job-')))
        expect(['dhcp', 'w32time', 'adsync'], `${h.id} ${id}`).toContain(id);
    }
    // The day did run jobs, and hosts were seen while some ran (else this would prove nothing).
    expect(jobsRun).toBeGreaterThan(50);
    expect(whileRunning).toBeGreaterThan(0);
  });
});
