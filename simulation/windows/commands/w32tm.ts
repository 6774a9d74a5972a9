/** (being written) */
import type { CommandDef } from './types';

export const TIME_COMMANDS: readonly CommandDef[] = [];
