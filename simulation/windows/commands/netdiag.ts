/** (being written) */
import type { CommandDef } from './types';

export const NETDIAG_COMMANDS: readonly CommandDef[] = [];
