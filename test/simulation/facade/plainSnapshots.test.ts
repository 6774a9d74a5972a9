/**
 * Issue 11 item 3: no closures in actor state, so every snapshot is plain data. A session leaves
 * consoles waiting on the network (ping), the DHCP client (ipconfig /renew) and the ADSync service
 * (a cmdlet on SYNC01), each with more of its line still to run; then every actor in the system
 * must give a persisted snapshot that is data all the way down and survives a JSON round trip.
 */
import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { Lab } from '../../../simulation/facade/lab';
import type { HostMachineContext } from '../../../simulation/devices/hostTypes';

/** Every actor under the root, spawned or invoked, with its path of ids. */
function actors(root: AnyActorRef): { path: string; ref: AnyActorRef }[] {
  const found: { path: string; ref: AnyActorRef }[] = [];
  const visit = (ref: AnyActorRef, path: string): void => {
    found.push({ path, ref });
    const children = (ref.getSnapshot() as { children?: Record<string, AnyActorRef | undefined> }).children;
    for (const [id, child] of Object.entries(children ?? {})) if (child) visit(child, `${path}/${id}`);
  };
  visit(root, 'lab');
  return found;
}

/** Where the value holds something that is not plain data (a function, a class instance, a generator). */
function notData(value: unknown, path: string, into: string[]): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return;
  if (typeof value !== 'object') {
    into.push(`${path}: ${typeof value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => notData(v, `${path}[${i}]`, into));
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    into.push(`${path}: ${(value as object).constructor?.name ?? 'object'} instance`);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) notData(v, `${path}.${k}`, into);
}

function rootOf(lab: Lab): AnyActorRef {
  return (lab as unknown as { root: AnyActorRef }).root;
}

function hostContext(lab: Lab, id: string): HostMachineContext {
  const ref = rootOf(lab).system.get(id) as AnyActorRef;
  return (ref.getSnapshot() as { context: HostMachineContext }).context;
}

/** Checks every actor; returns the places that are not data (empty when all is well). */
function problems(lab: Lab): string[] {
  const found: string[] = [];
  for (const { path, ref } of actors(rootOf(lab))) {
    let s: unknown;
    try {
      s = ref.getPersistedSnapshot();
    } catch (e) {
      found.push(`${path}: getPersistedSnapshot threw ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const before = found.length;
    notData(s, path, found);
    if (found.length === before) expect(JSON.parse(JSON.stringify(s)), path).toEqual(s);
  }
  return found;
}

type Wait = 'network' | 'dhcp' | 'adsync' | 'forward';

function waitOf(ctx: HostMachineContext): Wait | undefined {
  if (ctx.localWait) return 'adsync';
  if (ctx.dhcpWait) return 'dhcp';
  if (Object.values(ctx.jobs).some((j) => j.kind === 'console')) return 'network';
  if (Object.values(ctx.jobs).some((j) => j.kind === 'dns.forward')) return 'forward';
  return undefined;
}

describe('actor snapshots are plain data', () => {
  it('holds for every actor while consoles wait on the network, DHCP and ADSync', () => {
    const lab = new Lab();
    // Whenever a host is waiting, every actor of the lab is checked (a few times per host and kind).
    const checked: Record<Wait, number> = { network: 0, dhcp: 0, adsync: 0, forward: 0 };
    const perHost = new Map<string, number>();
    const found = new Set<string>();
    for (const id of ['dc01', 'pc1', 'pc2', 'pc3', 'sync01']) {
      const ref = rootOf(lab).system.get(id) as AnyActorRef;
      ref.subscribe((s: { context: HostMachineContext }) => {
        const wait = waitOf(s.context);
        const key = `${id}:${wait}`;
        if (!wait || (perHost.get(key) ?? 0) >= 3) return;
        perHost.set(key, (perHost.get(key) ?? 0) + 1);
        checked[wait] += 1;
        for (const p of problems(lab)) found.add(p);
      });
    }
    // Each line waits mid-way with more of it still to run (a pipeline, a second statement).
    const lines = [
      { host: 'pc1', shell: 'cmd', line: 'ping -n 2 dc01 && hostname' },
      { host: 'pc2', shell: 'cmd', line: 'ipconfig /renew & hostname' },
      {
        host: 'sync01',
        shell: 'powershell',
        line: 'Get-ADSyncScheduler | Select-Object SyncCycleEnabled; hostname',
      },
      {
        host: 'sync01',
        shell: 'powershell',
        line: 'Get-Service ADSync | Get-ADSyncScheduler | Select-Object SyncCycleEnabled',
      },
      // The DC forwards an outside name (its job keeps the asker's address), and a sync cycle runs.
      { host: 'pc3', shell: 'cmd', line: 'nslookup login.microsoftonline.com' },
      { host: 'sync01', shell: 'powershell', line: 'Start-ADSyncSyncCycle' },
    ] as const;
    for (const l of lines) expect(lab.dispatch({ type: 'console.exec', ...l }).ok).toBe(true);
    // The consoles did wait, each in its own way (else this test would prove nothing), and every
    // snapshot taken meanwhile was data.
    expect(checked.network).toBeGreaterThan(0);
    expect(checked.dhcp).toBeGreaterThan(0);
    expect(checked.adsync).toBeGreaterThan(0);
    expect(checked.forward).toBeGreaterThan(0);
    expect([...found]).toEqual([]);
    // Once everything has finished it still holds, and the lines ran to their end.
    expect(problems(lab)).toEqual([]);
    const text = (id: string, shell: 'cmd' | 'powershell') =>
      hostContext(lab, id)
        .consoles[shell].transcript.map((l) => l.text)
        .join('\n');
    expect(text('pc1', 'cmd')).toMatch(/Reply from [\d.]+: bytes=32[\s\S]*\nPC1\n/);
    expect(text('pc2', 'cmd')).toMatch(/IPv4 Address[\s\S]*\nPC2\n/);
    expect(text('sync01', 'powershell')).toMatch(/SyncCycleEnabled\n-+\nTrue\n\nSYNC01/);
  });
});
