/** Every console command the lab knows, looked up by name. */
import { ADSYNC_COMMANDS } from './adsync';
import { AD_COMMANDS } from './ad';
import { NETDIAG_COMMANDS } from './net';
import { SYSTEM_COMMANDS } from './system';
import { TIME_COMMANDS } from './time';
import { cls, echo, hostname, ver, whoami } from './system/basic';
import { ipconfig } from './net/ipconfig';
import { nslookup } from './net/nslookup';
import { ping } from './net/ping';
import type { CommandDef } from './types';

export const COMMANDS: readonly CommandDef[] = [
  ipconfig,
  ping,
  nslookup,
  hostname,
  whoami,
  cls,
  echo,
  ver,
  ...ADSYNC_COMMANDS,
  ...AD_COMMANDS,
  ...NETDIAG_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...TIME_COMMANDS,
];

const byName = new Map<string, CommandDef>();
for (const c of COMMANDS) for (const n of c.names) byName.set(n, c);

export function findCommand(name: string): CommandDef | undefined {
  return byName.get(name.toLowerCase());
}
