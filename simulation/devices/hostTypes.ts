/**
 * The Windows host actor's input, context and events (windowsHost.machine.ts): plain types, so the
 * console interpreter (hostConsole.ts) and the machine share them without an import circle.
 */
import type { ScriptDone } from '../proc/reportedScript';
import type { AnyActorRef } from 'xstate';
import type { LabEnv } from '../core/env';
import type { Message, Packet, RefuseReason } from '../net/packets';
import type { Ipv4 } from '../net/ipv4';
import type { ScriptOutput } from '../proc/script.machine';
import type { HostConsoles, HostCore, ShellKind, WindowsHostContext } from '../windows/hostState';
import type { ServerRoles } from '../windows/serve';
import type { InterpretEnv, Step, StepTail } from '../tools/shell/console';
import type { DhcpClientReport } from './dhcpClientTypes';
import type { W32TimeTimerReport } from './w32timeTimer.machine';
import type { AdSyncReport } from './adsync/types';
import type { AdSyncState } from '../sync/state';
import type { LabCommandEvent } from './labCommands';

export interface HostInput {
  host: WindowsHostContext;
  roles: ServerRoles;
  /** The sync server: Entra Connect's state on disk (the ADSync actor runs from it while the host is on). */
  adsyncDisk?: AdSyncState;
  env: LabEnv;
  /** The tenant's Service Bus relay namespace (the writeback listener connects to it). */
  relayNamespace: string;
}

export type Job =
  | { kind: 'console'; shell: ShellKind; tail: StepTail; rest: Step[] }
  | { kind: 'signin'; user: string }
  | { kind: 'passwordChange'; user: string }
  | { kind: 'aduc' }
  | { kind: 'dns.forward'; request: Packet; replyTo?: AnyActorRef; from: Ipv4 }
  | { kind: 'dns.register' }
  | { kind: 'time.poll' };

export interface HostMachineContext {
  /** The host's state but its consoles (hostView.ts puts the two together for its tools and the truth). */
  host: HostCore;
  /** Its console windows, apart from the rest so that a console update copies only the console. */
  consoles: HostConsoles;
  roles: ServerRoles;
  /** The sync server: Entra Connect's state as it is on disk while the ADSync actor is not running. */
  adsyncDisk?: AdSyncState;
  env: LabEnv;
  relayNamespace: string;
  /** Running scripts by child id (transient: not part of the lab's truth). */
  jobs: Record<string, Job>;
  /** Something a learner started that another actor on this host is finishing (e.g. the Connect wizard). */
  busyWith?: string;
  /**
   * A console waiting on a local service's answer (the ADSync cmdlets), and what it runs next. The
   * step that asked and what it saw then give the answer's format again (hostConsole.ts localResult).
   */
  localWait?: {
    shell: ShellKind;
    requestId: string;
    tail: Step;
    seen: InterpretEnv;
    rest: Step[];
  };
  /** A console waiting on the DHCP client (ipconfig /renew or /release), and what it runs next. */
  dhcpWait?: { shell: ShellKind; op: 'renew' | 'release'; tail: StepTail; rest: Step[] };
}

/** The lab commands a host takes; each event's type is inferred from the command's declaration (labCommands.ts). */
export type HostCommandEvent = LabCommandEvent<
  | 'host.power'
  | 'host.restart'
  | 'service.start'
  | 'service.stop'
  | 'service.restart'
  | 'console.exec'
  | 'console.clear'
  | 'console.close'
  | 'desktop.signIn'
  | 'desktop.signOut'
  | 'desktop.changePassword'
  | 'connect.wizard'
  | 'backstage.host'
  | 'backstage.ad'
  | 'backstage.adsync'
  | 'syncmanager.connector'
  | 'aduc.action'
>;

export type HostEvent =
  | HostCommandEvent
  | { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef }
  | { type: 'net.media'; connected: boolean }
  /** The answer to the host's own DNS registration (hostNet.ts dnsRegistration), or its timeout. */
  | { type: 'net.reply'; requestId: string; body: Message; from: Ipv4 }
  | { type: 'net.refused'; requestId: string; reason: RefuseReason; by?: Ipv4 }
  | { type: 'dns.register.timeout'; job: string }
  | DhcpClientReport
  | W32TimeTimerReport
  | AdSyncReport
  /** A job's script has ended (hostJobs.ts HOST_JOB_DONE, proc/reportedScript.ts). */
  | ScriptDone<'host.job.done'>
  | { type: `xstate.done.actor.${string}`; output: ScriptOutput; actorId?: string }
  | { type: `xstate.error.actor.${string}`; error: unknown; actorId?: string };
