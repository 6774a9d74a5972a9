/** (being written) */
import type { CommandDef } from './types';

export const AD_COMMANDS: readonly CommandDef[] = [];
