/**
 * Every console command the lab runs: the catalog's declarations joined to their implementations.
 * A name finds its declaration (and so its shells, hosts and parameters) in the catalog; the
 * implementation found under the declared name runs it.
 */
import { CATALOG, namesOf, type CommandDecl } from '../catalog';
import { ADSYNC_COMMANDS } from './adsync';
import { AD_COMMANDS } from './ad';
import { NETDIAG_COMMANDS } from './net';
import { SYSTEM_COMMANDS } from './system';
import { TIME_COMMANDS } from './time';
import { getCommandCommand, getHelpCommand, helpCommand } from './help';
import { cls, echo, hostname, ver } from './system/basic';
import { whoami } from './system/whoami';
import { dcdiag } from './system/dcdiag';
import { ipconfig } from './net/ipconfig';
import { nslookup } from './net/nslookup';
import { ping } from './net/ping';
import type { CmdletSpec } from '../shell/bind';
import type { CommandDef } from './types';

export const IMPLEMENTATIONS: readonly CommandDef[] = [
  ipconfig,
  ping,
  nslookup,
  hostname,
  whoami,
  dcdiag,
  cls,
  echo,
  ver,
  getHelpCommand,
  helpCommand,
  getCommandCommand,
  ...ADSYNC_COMMANDS,
  ...AD_COMMANDS,
  ...NETDIAG_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...TIME_COMMANDS,
];

/** A declared command with what runs it. */
export interface Command extends CommandDef {
  decl: CommandDecl;
  /** A cmdlet's binding spec (its declared parameters). */
  spec?: CmdletSpec;
}

const byDeclName = new Map(IMPLEMENTATIONS.map((c) => [c.name, c]));

function join(decl: CommandDecl): Command | undefined {
  const impl = byDeclName.get(decl.name);
  if (!impl) return undefined;
  const spec =
    decl.params && decl.className
      ? { name: decl.name, className: decl.className, params: decl.params }
      : undefined;
  return { ...impl, decl, spec };
}

const byName = new Map<string, Command>();
for (const d of CATALOG) {
  const c = join(d);
  if (c) for (const n of namesOf(d)) byName.set(n, c);
}

/** The command a typed name runs (any shell, any host), if the catalog declares it and the lab implements it. */
export function findCommand(name: string): Command | undefined {
  return byName.get(name.toLowerCase());
}
