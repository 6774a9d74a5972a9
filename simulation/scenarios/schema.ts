/**
 * The scenario file format (version 1), its zod schema and the loader. The loader never throws:
 * every problem comes back as `<file>: <path>: <what was expected>, got <what was there>`, first
 * the shape (schema) and then the meaning (users, hosts, faults, triggers and actions named must
 * exist in the lab). docs/scenario-format.md describes the format for authors.
 */
import { z } from 'zod';
import { parseDuration } from '../core/time';
import { FAULT_IDS } from '../faults/catalog';
import { TRIGGER_IDS } from '../faults/triggers';
import type { LabDefinition } from '../core/definition';
import { presetDefinition, type PresetId } from '../lab/presets';
import { parseAction } from './actions';
import { checkDepthError } from './checkDepth';
import { checkMeaning, checkSchema, type Check } from './checks';
import { giveAwayErrors } from './giveaway';

export const SCENARIO_FORMAT = 'hybridlab-scenario';
export const SCENARIO_VERSION = 1;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected lower-case letters, digits and dashes');
const text = (max: number) => z.string().min(1).max(max);
const duration = z
  .string()
  .max(32)
  .refine((s) => (parseDuration(s) ?? 0) > 0, 'expected a duration such as 30s, 5m, 2h or 1d');

const faultRef = z.string().max(16);

export const scenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    id,
    /** The scenario's own revision: raise it when a change would grade an old attempt differently. */
    revision: z.number().int().min(1).max(100000).optional(),
    title: text(120),
    summary: text(400),
    briefing: z.object({ from: text(120), subject: text(200), body: text(4000) }).strict(),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
    estimatedMinutes: z.number().int().min(1).max(600),
    tags: z.array(text(40)).max(20).optional(),
    start: z
      .object({
        preset: z.enum(['fresh', 'configured']),
        /** Lab time that passes before the learner starts (the first sync cycle, the listener coming up). */
        settle: duration.optional(),
        /** Lab time that passes after the starting faults go in, so their symptoms have developed. */
        afterFaults: duration.optional(),
        /** Learner actions run before the scenario starts (part of the starting state, not of the attempt). */
        setup: z.array(z.string().max(4096)).max(200).optional(),
      })
      .strict(),
    variants: z
      .object({
        user: z.array(text(64)).min(1).max(20).optional(),
        pc: z.array(text(64)).min(1).max(20).optional(),
        faultPool: z
          .object({ pick: z.number().int().min(1).max(3), from: z.array(faultRef).min(1).max(33) })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    faults: z
      .array(
        z
          .object({
            /** A catalog id (L1–L33), or "$pool" for the faults drawn from variants.faultPool. */
            fault: faultRef,
            after: duration.optional(),
            on: z.enum(TRIGGER_IDS as [string, ...string[]]).optional(),
            params: z
              .object({ user: text(64), pc: text(64) })
              .partial()
              .strict()
              .optional(),
          })
          .strict(),
      )
      .max(10)
      .optional(),
    mode: z.enum(['guided', 'objectives']),
    objectives: z
      .array(
        z
          .object({
            id,
            title: text(200),
            description: z.string().max(1000).optional(),
            check: checkSchema,
            points: z.number().int().min(0).max(1000).optional(),
            required: z.boolean().optional(),
            /** Graded on the root cause: the learner sees "Root cause found and fixed" until the end. */
            rootCause: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(40),
    hints: z
      .array(
        z
          .object({
            id,
            text: text(1000),
            cost: z.number().int().min(0).max(1000),
            /** Offered only while this holds (e.g. while the symptom is still there). */
            when: checkSchema.optional(),
          })
          .strict(),
      )
      .max(30)
      .optional(),
    scoring: z
      .object({
        passMark: z.number().int().min(0).max(10000).optional(),
        timePenalty: z
          .object({
            afterMinutes: z.number().min(0).max(6000),
            pointsPerMinute: z.number().min(0).max(100),
            max: z.number().min(0).max(10000),
          })
          .strict()
          .optional(),
        collateral: z
          .array(
            z
              .object({ id, title: text(200), check: checkSchema, cost: z.number().int().min(0).max(1000) })
              .strict(),
          )
          .max(20)
          .optional(),
      })
      .strict()
      .optional(),
    timeLimit: duration.optional(),
    solution: z.array(z.string().max(4096)).min(1).max(500),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export interface Scenario extends Omit<ScenarioFile, 'objectives'> {
  objectives: (ScenarioFile['objectives'][number] & { check: Check })[];
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'an object';
}

interface IssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  discriminator?: string;
  options?: readonly unknown[];
}

function message(i: IssueLike): string {
  const got = describe(i.input);
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined
        ? `expected ${String(i.expected)}, got nothing (the field is required)`
        : `expected ${String(i.expected)}, got ${got}`;
    case 'invalid_value':
      return `expected ${(i.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'unrecognized_keys':
      return `unknown field${(i.keys ?? []).length > 1 ? 's' : ''} ${(i.keys ?? []).map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return i.origin === 'array'
        ? `expected at least ${String(i.minimum)} item(s)`
        : i.origin === 'string'
          ? `expected at least ${String(i.minimum)} character(s), got ${got}`
          : `expected at least ${String(i.minimum)}, got ${got}`;
    case 'too_big':
      return i.origin === 'array'
        ? `expected at most ${String(i.maximum)} item(s)`
        : i.origin === 'string'
          ? `expected at most ${String(i.maximum)} characters`
          : `expected at most ${String(i.maximum)}, got ${got}`;
    case 'invalid_union':
      return i.discriminator
        ? `expected "${i.discriminator}" to be one of ${(i.options ?? []).map((o) => JSON.stringify(o)).join(', ')}, got ${describe((i.input as Record<string, unknown> | undefined)?.[i.discriminator])}`
        : `expected one of the allowed forms, got ${got}`;
    case 'invalid_format':
    case 'custom':
      return `${i.message}, got ${got}`;
    default:
      return `${i.message}${i.input !== undefined ? `, got ${got}` : ''}`;
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
      '',
    ) || '(root)'
  );
}

/** Parses and checks a scenario file's text. `file` names it in every error. */
export function loadScenario(textIn: unknown, file: string, base?: LabDefinition): LoadResult {
  if (typeof textIn !== 'string') return { ok: false, errors: [`${file}: expected the text of a JSON file`] };
  let value: unknown;
  try {
    value = JSON.parse(textIn);
  } catch (e) {
    return { ok: false, errors: [`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  try {
    return checkScenario(value, file, base);
  } catch (e) {
    // A fault in the checker is reported as this file's error, never as the end of a whole run.
    return {
      ok: false,
      errors: [`${file}: could not be checked (${e instanceof Error ? e.message : String(e)})`],
    };
  }
}

/** Checks an already-parsed scenario object. */
export function checkScenario(value: unknown, file: string, base?: LabDefinition): LoadResult {
  const tooDeep = checkDepthError(value);
  if (tooDeep) return { ok: false, errors: [`${file}: ${tooDeep}`] };
  const r = scenarioSchema.safeParse(value, { reportInput: true });
  if (!r.success) {
    const errors = r.error.issues
      .slice(0, 20)
      .map((i) => `${file}: ${pathOf(i.path)}: ${message(i as unknown as IssueLike)}`);
    return { ok: false, errors };
  }
  const s = r.data as Scenario;
  const errors = meaningErrors(s, base).map((e) => `${file}: ${e}`);
  return errors.length ? { ok: false, errors } : { ok: true, scenario: s };
}

/** The lab a scenario starts from. */
export function scenarioDefinition(s: Pick<Scenario, 'start'>, base?: LabDefinition): LabDefinition {
  return presetDefinition(s.start.preset as PresetId, base);
}

function meaningErrors(s: Scenario, base?: LabDefinition): string[] {
  const def = scenarioDefinition(s, base);
  const errors: string[] = [];
  const users = def.users.map((u) => u.sam.toLowerCase());
  const pcs = def.hosts.filter((h) => h.kind === 'client').map((h) => h.id);
  s.variants?.user?.forEach((u, i) => {
    if (!users.includes(u.toLowerCase()))
      errors.push(`variants.user[${i}]: expected a user of the lab, got "${u}"`);
  });
  s.variants?.pc?.forEach((p, i) => {
    if (!pcs.includes(p))
      errors.push(`variants.pc[${i}]: expected a client PC of the lab (${pcs.join(', ')}), got "${p}"`);
  });
  s.variants?.faultPool?.from.forEach((f, i) => {
    if (!FAULT_IDS.includes(f as never))
      errors.push(`variants.faultPool.from[${i}]: expected a fault of the catalog (L1–L33), got "${f}"`);
  });
  const pool = s.variants?.faultPool;
  if (pool && pool.pick > pool.from.length)
    errors.push(
      `variants.faultPool.pick: expected at most ${pool.from.length} (the size of the pool), got ${pool.pick}`,
    );
  const faultIds: string[] = [];
  s.faults?.forEach((f, i) => {
    if (f.fault === '$pool') {
      if (!pool) errors.push(`faults[${i}].fault: "$pool" needs variants.faultPool`);
      else faultIds.push(...pool.from);
    } else if (!FAULT_IDS.includes(f.fault as never)) {
      errors.push(
        `faults[${i}].fault: expected a fault of the catalog (L1–L33) or "$pool", got "${f.fault}"`,
      );
      faultIds.push(f.fault); // so that checks naming it do not report it again
    } else if (faultIds.includes(f.fault)) errors.push(`faults[${i}].fault: "${f.fault}" is listed twice`);
    else faultIds.push(f.fault);
    if (f.after && f.on) errors.push(`faults[${i}]: give "after" or "on", not both`);
    if (f.params?.user && f.params.user !== '$user' && !users.includes(f.params.user.toLowerCase()))
      errors.push(`faults[${i}].params.user: expected a user of the lab, got "${f.params.user}"`);
    if (f.params?.pc && f.params.pc !== '$pc' && !pcs.includes(f.params.pc))
      errors.push(
        `faults[${i}].params.pc: expected a client PC of the lab (${pcs.join(', ')}), got "${f.params.pc}"`,
      );
  });
  const seen = new Set<string>();
  s.objectives.forEach((o, i) => {
    if (seen.has(o.id)) errors.push(`objectives[${i}].id: "${o.id}" is used twice`);
    seen.add(o.id);
    errors.push(...checkMeaning(o.check, def, faultIds, `objectives[${i}].check`));
  });
  if (!s.objectives.some((o) => o.required !== false))
    errors.push('objectives: expected at least one required objective');
  s.hints?.forEach((h, i) => {
    if (h.when) errors.push(...checkMeaning(h.when, def, faultIds, `hints[${i}].when`));
  });
  s.scoring?.collateral?.forEach((c, i) =>
    errors.push(...checkMeaning(c.check, def, faultIds, `scoring.collateral[${i}].check`)),
  );
  const lines = (list: readonly string[] | undefined, where: string) =>
    list?.forEach((line, i) => {
      const a = parseAction(line);
      if (!a.ok) errors.push(`${where}[${i}]: ${a.error}`);
    });
  lines(s.start.setup, 'start.setup');
  lines(s.solution, 'solution');
  errors.push(...giveAwayErrors(s));
  return errors;
}
