/**
 * The lab's command catalog: every console command it simulates, declared once (types.ts). The
 * implementations in `commands/` take their parameters from here (`cmdletSpec`), the console looks
 * names up here (which shell, which hosts), and `Get-Help`, `Get-Command`, cmd's `help` and Tab
 * completion read the same entries. Functions that read the catalog take it as an argument, with
 * this one as the default, so a caller can hand them a catalog with more entries.
 */
import type { HostKind } from '../../core/definition';
import type { CmdletSpec } from '../shell/bind';
import { AD_DECLS } from './ad';
import { ADSYNC_DECLS } from './adsync';
import { NET_DECLS } from './net';
import { REGISTRY_DECLS } from './registry';
import { SERVICE_DECLS } from './services';
import { SYSTEM_DECLS } from './system';
import type { CommandDecl } from './types';

export type { CommandDecl } from './types';

export const CATALOG: readonly CommandDecl[] = [
  ...NET_DECLS,
  ...SYSTEM_DECLS,
  ...SERVICE_DECLS,
  ...REGISTRY_DECLS,
  ...AD_DECLS,
  ...ADSYNC_DECLS,
];

/** Every name a declaration answers to, lower-case: its own and its aliases. */
export function namesOf(d: CommandDecl): string[] {
  return [d.name.toLowerCase(), ...(d.aliases ?? [])];
}

/** The declaration a typed name (any case, or an alias) finds, if any. */
export function lookup(name: string, catalog: readonly CommandDecl[] = CATALOG): CommandDecl | undefined {
  const n = name.toLowerCase();
  return catalog.find((d) => namesOf(d).includes(n));
}

/** Whether the command exists in this shell on this kind of host. */
export function existsOn(d: CommandDecl, host: { kind: HostKind }, shell: 'powershell' | 'cmd'): boolean {
  return (d.shell === 'both' || d.shell === shell) && (!d.hosts || d.hosts.includes(host.kind));
}

/** The commands a learner can run in this shell on this host, in catalog order. */
export function commandsOn(
  host: { kind: HostKind },
  shell: 'powershell' | 'cmd',
  catalog: readonly CommandDecl[] = CATALOG,
): CommandDecl[] {
  return catalog.filter((d) => existsOn(d, host, shell));
}

/** A declared cmdlet's binding spec. Throws at load time when an implementation names a command the catalog lacks. */
export function cmdletSpec(name: string): CmdletSpec {
  const d = lookup(name);
  if (!d?.params || !d.className) throw new Error(`The command catalog declares no cmdlet named '${name}'.`);
  return { name: d.name, className: d.className, params: d.params };
}
