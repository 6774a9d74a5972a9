/**
 * A Windows host's state is kept in two parts by its actor: the host itself and its consoles, so
 * that a console update (a clear, a close) copies only the console, not the whole host. Its tools,
 * the lab's truth and the views see one `WindowsHostContext`: `hostView` puts the two together
 * (once per pair, in the host's own field order) and `splitHost` takes one apart again, keeping
 * the host part as it was when only the consoles changed.
 */
import type { AnyActorRef } from 'xstate';
import type { HostConsoles, HostCore, WindowsHostContext } from '../windows/hostState';
import type { AdSyncState } from '../sync/state';
import type { AdSyncInput, HostReader } from './adsync/types';
import type { HostMachineContext } from './hostTypes';

export type { HostConsoles, HostCore };

const VIEWS = new WeakMap<HostCore, { consoles: HostConsoles; view: WindowsHostContext }>();

/** The host with its consoles, as its tools and the truth see it (the same object for the same pair). */
export function hostView(host: HostCore, consoles: HostConsoles): WindowsHostContext {
  const known = VIEWS.get(host);
  if (known?.consoles === consoles) return known.view;
  if (known) {
    // Only the consoles changed (a console command): the known view with them, in its field order.
    const next = { ...known.view, consoles };
    VIEWS.set(host, { consoles, view: next });
    return next;
  }
  // The consoles go where the host's state has them (after its logs), so the view reads as before.
  const from = host as unknown as Record<string, unknown>;
  const view: Record<string, unknown> = {};
  let placed = false;
  for (const k in from) {
    view[k] = from[k];
    if (k === 'logs') {
      view.consoles = consoles;
      placed = true;
    }
  }
  if (!placed) view.consoles = consoles;
  // One copy more, so the view has fast properties: an object filled key by key can be left in
  // dictionary mode, which makes every read of it and every copy made from it (each console
  // command's) slow.
  const full = { ...view } as unknown as WindowsHostContext;
  VIEWS.set(host, { consoles, view: full });
  return full;
}

/** A whole host's own part, without its consoles. */
export function hostCoreOf(host: WindowsHostContext): HostCore {
  const { consoles: _consoles, ...core } = host;
  return core;
}

/** Takes a whole host apart; `was` stays the host part when nothing but the consoles changed. */
export function splitHost(
  view: WindowsHostContext,
  was: HostCore,
): { host: HostCore; consoles: HostConsoles } {
  if (VIEWS.get(was)?.view === view) return { host: was, consoles: view.consoles };
  let host = was;
  if (!sameCore(view, was)) {
    const { consoles: _consoles, ...core } = view;
    host = core;
  }
  VIEWS.set(host, { consoles: view.consoles, view });
  return { host, consoles: view.consoles };
}

function sameCore(view: WindowsHostContext, core: HostCore): boolean {
  const a = view as unknown as Record<string, unknown>;
  const b = core as unknown as Record<string, unknown>;
  let n = 0;
  for (const k in b) {
    if (a[k] !== b[k] || !(k in a)) return false;
    n++;
  }
  let m = 0;
  for (const k in a) if (k !== 'consoles') m++;
  return n === m;
}

/** The ADSync service's input: plain data (it reads its host through the actor system: `hostReader`). */
export function adsyncInput(context: HostMachineContext, state: AdSyncState): AdSyncInput {
  return {
    hostId: context.host.id,
    rng: (context.host.rng ^ 0x2545f491) >>> 0,
    netbios: context.host.domainNetbios,
    offsetMinutes: context.host.timeZoneOffsetMinutes,
    namespace: context.relayNamespace,
    env: context.env,
    state,
    running: context.host.services.ADSync?.status === 'Running',
  };
}

/** The host actor registered as `hostId` in `system`, as its tools see it (hostView), read when called. */
export function hostReader(
  system: { get: (id: string) => AnyActorRef | undefined },
  hostId: string,
): HostReader {
  return () => {
    const ctx = (system.get(hostId)?.getSnapshot() as { context?: HostMachineContext } | undefined)?.context;
    if (!ctx) throw new Error(`hostReader: no host actor ${hostId} in the lab`);
    return hostView(ctx.host, ctx.consoles);
  };
}
