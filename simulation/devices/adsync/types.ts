/** The ADSync actor's types: what it starts with, what it holds, what it takes and what it reports. */
import type { AnyActorRef } from 'xstate';
import type { RngState } from '../../core/random';
import type { LabEnv } from '../../core/env';
import type { Packet } from '../../net/packets';
import type { ScriptOutput } from '../../proc/script.machine';
import type { NewEvent } from '../../windows/eventlog';
import type { WindowsHostContext } from '../../windows/hostState';
import type { AdsyncReply, AdsyncRequest } from '../../sync/requests';
import type { AdSyncState } from '../../sync/state';
import type { WizardAction, WizardEffect, WizardState } from '../../sync/wizard';
import type { AdSyncPatch } from '../backstage';
import type { JobDone } from './jobScript';

export interface AdSyncInput {
  hostId: string;
  rng: RngState;
  netbios: string;
  offsetMinutes: number;
  namespace: string;
  env: LabEnv;
  state: AdSyncState;
  running: boolean;
}

/**
 * Reads the service's host as it is now (its actor's context, through the actor system by
 * `hostId`): handlers that need the host take one, so the context stays plain data.
 */
export type HostReader = () => WindowsHostContext;

export type ConfigureEffect = Extract<WizardEffect, { type: 'configure' }>;

export type Job =
  | { kind: 'writeback'; packet: Packet; replyTo?: AnyActorRef }
  | { kind: 'wizardCheck' }
  | { kind: 'wizardConfigure'; effect: ConfigureEffect }
  /** The cloud took the configuration; the server's own stages run on the lab clock, then it applies. */
  | { kind: 'wizardFinish'; effect: ConfigureEffect; syncAccount?: { user: string; password: string } }
  /** A cmdlet request the service answers once it has asked the cloud or the directory. */
  | { kind: 'request'; requestId: string };

export interface AdSyncContext extends AdSyncInput {
  wizard: WizardState;
  jobs: Record<string, Job>;
  seq: number;
  /** A cycle asked for by Start-ADSyncSyncCycle, to run as soon as none is running. */
  requested?: 'Delta' | 'Initial';
  /** Whether the writeback listener connected at least once since the service started. */
  wasListening: boolean;
  /** The policy of the cycle running now. */
  policy: 'Delta' | 'Initial';
}

export type AdSyncEvent =
  | { type: 'adsync.service'; running: boolean }
  | { type: 'adsync.request'; requestId: string; request: AdsyncRequest }
  | { type: 'adsync.wizard'; action: WizardAction }
  | { type: 'adsync.patch'; patch: AdSyncPatch }
  | { type: 'phs.kick' }
  | { type: 'net.deliver'; packet: Packet; replyTo?: AnyActorRef }
  | JobDone
  | { type: `xstate.done.actor.${string}`; output: ScriptOutput }
  | { type: `xstate.error.actor.${string}`; error: unknown };

/** Sent to the host. */
export type AdSyncReport =
  { type: 'host.log'; entries: NewEvent[] } | { type: 'adsync.reply'; requestId: string; reply: AdsyncReply };
