/** (being written) */
import type { CommandDef } from './types';

export const SYSTEM_COMMANDS: readonly CommandDef[] = [];
