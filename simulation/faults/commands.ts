/**
 * The instructor's fault commands (inject, clear, schedule, unschedule): declared and validated
 * here, in the fault layer, because they name the catalog's faults and triggers. The lab engine
 * below never sees them: the facade (facade/labFaults.ts) turns them into the catalog's ordinary lab
 * commands.
 */
import { z } from 'zod';
import type { LabDefinition } from '../core/definition';
import { isObject, parseCommand, type LabCommand, type LabCommandInput } from '../lab/commands';
import { formatIssues } from '../lab/definitionSchema';
import type { FaultParams } from '../lab/lab.machine';
import { FAULT_IDS } from './catalog';
import { TRIGGER_IDS, type TriggerId } from './triggers';

/** Instructor operations on faults (see catalog.ts). */
export type FaultCommand =
  | { type: 'fault.inject'; fault: string; params?: Partial<FaultParams> }
  | { type: 'fault.clear'; fault: string }
  | { type: 'fault.schedule'; fault: string; params?: Partial<FaultParams>; at?: number; trigger?: TriggerId }
  | { type: 'fault.unschedule'; fault: string };

/** What a session's journal holds: the lab's commands and the instructor's fault commands. */
export type JournalCommand = LabCommand | FaultCommand;

/** A journal command as a caller writes it (lab commands before their defaults are filled in). */
export type JournalCommandInput = LabCommandInput | FaultCommand;

const FAULT_COMMAND_TYPES: readonly FaultCommand['type'][] = [
  'fault.inject',
  'fault.clear',
  'fault.schedule',
  'fault.unschedule',
];

const faultParamsSchema = z.object({ user: z.string().max(64), pc: z.string().max(64) }).partial();

type Parsed<C> = { ok: true; command: C } | { ok: false; error: string };

function isFaultType(type: unknown): type is FaultCommand['type'] {
  return (FAULT_COMMAND_TYPES as readonly unknown[]).includes(type);
}

/** Checks any command a journal may hold: a lab command, or a fault command against the catalog. */
export function parseJournalCommand(def: LabDefinition, value: unknown): Parsed<JournalCommand> {
  if (isObject(value) && isFaultType(value.type)) return parseFaultCommand(def, value, value.type);
  return parseCommand(def, value, FAULT_COMMAND_TYPES);
}

function parseFaultCommand(
  def: LabDefinition,
  value: Record<string, unknown>,
  type: FaultCommand['type'],
): Parsed<FaultCommand> {
  const fail = (error: string | undefined): Parsed<FaultCommand> => ({ ok: false, error: error ?? '' });
  if (typeof value.fault !== 'string' || !FAULT_IDS.includes(value.fault as never))
    return fail(
      `${type}.fault: expected a fault of the catalog (${FAULT_IDS[0]}–${FAULT_IDS[FAULT_IDS.length - 1]}), got ${JSON.stringify(value.fault)}`,
    );
  const p =
    value.params === undefined
      ? { success: true as const, data: undefined }
      : faultParamsSchema.safeParse(value.params);
  if (!p.success) return fail(formatIssues(p.error.issues, `${type}.params`)[0]);
  if (p.data?.pc !== undefined && !def.hosts.some((h) => h.id === p.data?.pc && h.kind === 'client'))
    return fail(`${type}.params.pc: expected a client PC of the lab, got ${JSON.stringify(p.data.pc)}`);
  if (
    p.data?.user !== undefined &&
    !def.users.some((u) => u.sam.toLowerCase() === p.data?.user?.toLowerCase())
  )
    return fail(`${type}.params.user: expected a user of the lab, got ${JSON.stringify(p.data.user)}`);
  const fault = value.fault;
  if (type === 'fault.inject')
    return { ok: true, command: p.data ? { type, fault, params: p.data } : { type, fault } };
  if (type === 'fault.clear' || type === 'fault.unschedule') return { ok: true, command: { type, fault } };
  const { at, trigger } = value;
  if (at === undefined && trigger === undefined)
    return fail('fault.schedule: expected "at" (a lab time) or "trigger"');
  if (at !== undefined && (typeof at !== 'number' || !Number.isFinite(at)))
    return fail('fault.schedule.at: expected a lab time in milliseconds');
  if (trigger !== undefined && !(TRIGGER_IDS as readonly unknown[]).includes(trigger))
    return fail(
      `fault.schedule.trigger: expected one of ${TRIGGER_IDS.join(', ')}, got ${JSON.stringify(trigger)}`,
    );
  return {
    ok: true,
    command: {
      type,
      fault,
      ...(p.data ? { params: p.data } : {}),
      ...(at !== undefined ? { at: at as number } : {}),
      ...(trigger !== undefined ? { trigger: trigger as TriggerId } : {}),
    },
  };
}
