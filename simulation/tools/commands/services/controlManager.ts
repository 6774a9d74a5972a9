/**
 * How the Service Control Manager treats the lab's services: the ones that start or stop slowly,
 * the ones it will not stop, and its event 7040 for a start-type change.
 */
import type { HostEffect } from '../../../windows/hostOps';
import type { ServiceState, StartType } from '../../../windows/services';

/** Services that take long enough to start or stop for the cmdlets to print "Waiting for service…". */
export const SLOW_SERVICES: Readonly<Record<string, { start: number; stop: number }>> = {
  ADSync: { start: 1, stop: 1 },
  NTDS: { start: 0, stop: 1 },
};

/** Services the Service Control Manager will not stop. */
export const UNSTOPPABLE = ['RpcSs', 'Dnscache'];

/** The Service Control Manager's words for start types (event 7040, sc qc). */
const SCM_START: Record<StartType, string> = {
  Automatic: 'auto start',
  Manual: 'demand start',
  Disabled: 'disabled',
};

export function scmStartTypeEvent(s: ServiceState, to: StartType): HostEffect {
  return {
    type: 'log',
    entry: {
      log: 'System',
      source: 'Service Control Manager',
      eventId: 7040,
      level: 'Information',
      message: `The start type of the ${s.displayName} service was changed from ${SCM_START[s.startType]} to ${SCM_START[to]}.`,
    },
  };
}
