/**
 * What a console command is: a name (and aliases), where it exists, and a pure `run` that returns
 * either its output at once, a script that talks over the network and then returns its output,
 * or a hand-over to the DHCP client (ipconfig /renew, /release). Side effects on the host are
 * returned as data (`HostEffect`) and applied by the host machine.
 */
import type { Script } from '../../proc/script';
import type { AdsyncReply, AdsyncRequest } from '../../sync/requests';
import type { ConsoleLine, ShellKind, WindowsHostContext } from '../../windows/hostState';
import type { HostEffect } from '../../windows/hostOps';
import type { ParsedCommand } from '../shell/parse';
import type { PsObject } from '../shell/psObject';

export interface CommandEnv {
  host: WindowsHostContext;
  /** Lab time (epoch ms). The host's own clock is `now + host.clockOffsetMs`. */
  now: number;
  /** The lab's time-zone offset, for dates the host prints. */
  offsetMinutes: number;
  shell: ShellKind;
  line: string;
  cmd: ParsedCommand;
}

export interface CommandResult {
  /** What it prints when nothing follows it on the pipeline. */
  lines: ConsoleLine[];
  effects?: HostEffect[];
  /** The objects a cmdlet wrote (props as it displays them); undefined for text-only output. */
  objects?: PsObject[];
}

export type CommandOutcome =
  | { kind: 'done'; result: CommandResult }
  | { kind: 'script'; script: () => Script<CommandResult> }
  | { kind: 'dhcp'; op: 'renew' | 'release' }
  /** Ask a service running on this host (the ADSync service) and print what it answers. */
  | {
      kind: 'local';
      service: 'adsync';
      request: AdsyncRequest;
      format: (reply: AdsyncReply) => CommandResult;
    };

/**
 * A command's implementation. Its name, aliases, shells, hosts and parameters are declared in the
 * catalog (`../catalog`) under `name`; the implementation only runs it.
 */
export interface CommandDef {
  /** The catalog entry it implements. */
  name: string;
  run: (env: CommandEnv) => CommandOutcome;
  /**
   * The parameter that takes pipeline input: after a `|` the command runs once per object, with
   * this parameter bound to the first of `from` (property names) the object has, or to a plain value.
   */
  pipelineInput?: PipelineInput;
}

export interface PipelineInput {
  param: string;
  /** The properties that bind to it by name, in order. */
  from: readonly string[];
  /** The parameter is mandatory and a string: an empty string cannot bind. */
  mandatory?: boolean;
  /**
   * The ActiveDirectory module's identity parameters: a custom object (Select-Object's) converts
   * to an AD object, which fails the module's validation when it has none of `from`.
   */
  adIdentity?: boolean;
}

export function done(lines: ConsoleLine[], effects?: HostEffect[], objects?: PsObject[]): CommandOutcome {
  return { kind: 'done', result: objects ? { lines, effects, objects } : { lines, effects } };
}
