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

/**
 * The quick check for a command sent many times (a console's, the clock's), built once for a lab:
 * the command exactly as `parseCommand` returns it when `value` is certainly well-formed, else
 * undefined (and `parseCommand` decides, with its errors).
 */
export function quickParser(def: LabDefinition): (value: Record<string, unknown>) => LabCommand | undefined {
  return LAB.quickFor(def);
}

/** The actor a command goes to and the event it becomes there; undefined for what the lab itself handles (clock, views). */
export function routeCommand(
  c: LabCommand,
  syncHost: string,
  dcHost: string,
): { target: string; event: EventObject } | undefined {
  return LAB.route(c, { sync: syncHost, dc: dcHost });
}

/** `routeCommand` for one lab's sync server and domain controller (their roles object made once). */
export function router(
  syncHost: string,
  dcHost: string,
): (c: LabCommand) => { target: string; event: EventObject } | undefined {
  const roles = { sync: syncHost, dc: dcHost };
  return (c) => LAB.route(c, roles);
}
