/**
 * The declaration of a console command: what a learner can discover about it without running it.
 * One entry per command in the catalog (index.ts); the binder, `Get-Help`, `Get-Command`, cmd's
 * `help` and Tab completion all read these entries, and the implementations in `commands/` look
 * their parameters up here, so a command's name, aliases, hosts and parameters are written once.
 */
import type { HostKind } from '../../core/definition';
import type { ParamSpec } from '../shell/bind';

/** Where a command runs: PowerShell only (cmdlets, functions), cmd only (its internal commands), or both (programs). */
export type CommandShell = 'powershell' | 'cmd' | 'both';

/** Values Tab completion can offer for a parameter from what the host knows (its services, the lab's users…). */
export type ValueCompleter =
  'service' | 'adUser' | 'adGroup' | 'host' | 'connector' | 'registryPath' | 'eventLog';

export interface ParamDecl extends ParamSpec {
  /** Where Tab completion takes the parameter's values from (enum values complete without it). */
  complete?: ValueCompleter;
}

export interface CommandDecl {
  /** As PowerShell prints it (`Get-Service`), or a program's name (`ipconfig`). */
  name: string;
  /** Other names it answers to, lower-case (`gsv`, `ipconfig.exe`). */
  aliases?: readonly string[];
  shell: CommandShell;
  /** The hosts where it exists; every host when absent. */
  hosts?: readonly HostKind[];
  /** PowerShell: the module `Get-Command` names as Source, its version, and Cmdlet or Function. */
  module?: string;
  version?: string;
  commandType?: 'Cmdlet' | 'Function';
  /** The .NET class in FullyQualifiedErrorId (a function's errors name the function). */
  className?: string;
  /** A cmdlet's parameters, which the binder matches (prefixes, aliases, positions, types). */
  params?: readonly ParamDecl[];
  /** A program's or cmd command's switches, for completion and `/?`. */
  switches?: readonly string[];
  /** One sentence, as the command's help gives it. */
  synopsis: string;
}
