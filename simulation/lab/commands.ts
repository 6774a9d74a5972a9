/**
 * The lab's input vocabulary: plain, serialisable commands, lower-case and dot-namespaced. Every
 * learner or instructor action is one of these; a session's journal is a list of them. Each
 * command is declared once in `devices/labCommands.ts`; this module validates a command against
 * a lab definition (with an error that names what is wrong) and says which actor it is for,
 * both derived from the declarations.
 */
import type { EventObject } from 'xstate';
import type { LabDefinition } from '../core/definition';
import { commandSet, type ParseResult } from '../devices/commandKit';
import { LAB_COMMANDS, VIEW_SURFACES, type LabCommand } from '../devices/labCommands';

export type { LabCommand, LabCommandInput } from '../devices/labCommands';
export { VIEW_SURFACES };
export type ViewSurface = (typeof VIEW_SURFACES)[number];

const LAB = commandSet(LAB_COMMANDS);

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks that `value` is a command this lab can take. Returns the command, typed, or an error
 * that names the field and what was expected.
 */
export function parseCommand(
  def: LabDefinition,
  value: unknown,
  /** Types a layer above adds (the instructor's fault commands), named in the error for an unknown type. */
  moreTypes: readonly string[] = [],
): ParseResult<LabCommand> {
  if (!isObject(value)) return { ok: false, error: 'command: expected an object' };
  const type = value.type;
  if (!LAB.has(type)) {
    return {
      ok: false,
      error: `command.type: expected one of ${[...LAB.types, ...moreTypes].join(', ')}, got ${JSON.stringify(type)}`,
    };
  }
  return LAB.parse(def, value as typeof value & { type: typeof type });
}

/** The actor a command goes to and the event it becomes there; undefined for what the lab itself handles (clock, views). */
export function routeCommand(
  c: LabCommand,
  syncHost: string,
  dcHost: string,
): { target: string; event: EventObject } | undefined {
  return LAB.route(c, { sync: syncHost, dc: dcHost });
}
