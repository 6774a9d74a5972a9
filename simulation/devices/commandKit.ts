/**
 * How a lab command is declared: once, as a zod shape (the TypeScript type is inferred from it),
 * with what the lab must check against its definition, where it goes and what it becomes there.
 * Parsing, validation, routing and the device's event type all derive from the declaration
 * (`labCommands.ts` holds the lab's table; `lab/commands.ts` parses and routes with it).
 *
 * A declaration's fields are a function of `LabRefs`: the lab-dependent field schemas (a host of
 * the lab, a client PC, the domain controller, a phone), built once per definition, so a field
 * that names a device is checked in its place, with an error that lists what the lab has.
 */
import { z } from 'zod';
import type { EventObject } from 'xstate';
import type { LabDefinition } from '../core/definition';

/** A message for a field, given the value that was there. */
const got = (expected: string) => (iss: { input?: unknown }) =>
  `${expected}, got ${JSON.stringify(iss.input)}`;

/** A string field that must be one of `ids` (a device of the lab). */
function oneOf(ids: readonly string[], expected: string): z.ZodString {
  const error = got(`${expected} (${ids.join(', ')})`);
  const known = new Set(ids); // a 1,000-PC lab checks a host on every command
  return z.string({ error }).refine((v) => known.has(v), { error }) as unknown as z.ZodString;
}

/** The lab-dependent field schemas a declaration builds its fields from. */
export interface LabRefs {
  def: LabDefinition;
  /** The lab's host ids (a quick check's `host` field). */
  hostIds: ReadonlySet<string>;
  /** A host of the lab. */
  host: z.ZodString;
  /** A client PC of the lab (the sign-in screen). */
  client: z.ZodString;
  /** The domain controller (ADUC runs there). */
  dc: z.ZodString;
  /** A phone of the lab. */
  phone: z.ZodString;
  /** The message for a host that is not one of the lab's. */
  hostError: (value: unknown) => string;
}

export function labRefs(def: LabDefinition): LabRefs {
  const hosts = def.hosts.map((h) => h.id);
  const hostError = got(`expected a host of the lab (${hosts.join(', ')})`);
  return {
    def,
    hostIds: new Set(hosts),
    host: oneOf(hosts, 'expected a host of the lab'),
    client: oneOf(
      def.hosts.filter((h) => h.kind === 'client').map((h) => h.id),
      'expected a client PC of the lab',
    ),
    dc: oneOf(
      def.hosts.filter((h) => h.kind === 'dc').map((h) => h.id),
      'expected the domain controller',
    ),
    phone: oneOf(
      def.phones.map((p) => p.id),
      'expected a phone of the lab',
    ),
    hostError: (input) => hostError({ input }),
  };
}

/**
 * Where a command goes: handled by the lab itself (the clock, a page looked at); the device its
 * `host` or `phone` field names; or a fixed actor of the lab (the tenant, the network, the sync
 * server, the domain controller).
 */
export type CommandTarget = 'lab' | 'host' | 'phone' | 'tenant' | 'network' | 'sync' | 'dc';

/** A problem the lab finds in an otherwise well-formed command (a path inside the command). */
export interface CommandIssue {
  path: (string | number)[];
  message: string;
}

export interface CommandDecl<S extends z.ZodRawShape = z.ZodRawShape, E extends EventObject = EventObject> {
  /** The command's fields (besides `type`), in the order a journal writes them. */
  fields: (refs: LabRefs) => S;
  to: CommandTarget;
  /** Checks between fields or against the lab (after every field is well-formed). */
  check?: (command: z.output<z.ZodObject<S>>, refs: LabRefs) => CommandIssue | undefined;
  /** The command as the journal keeps it (e.g. a service's real name). */
  normalise?: (command: z.output<z.ZodObject<S>>) => z.output<z.ZodObject<S>>;
  /** The event the device gets; by default the command without its `host` or `phone` field. */
  event?: (command: z.output<z.ZodObject<S>>) => E;
  /**
   * A fast path for a command sent many times (a console's, the clock's): the command exactly as
   * `parse` would return it when `value` is certainly well-formed, else undefined and the schema
   * decides (so it may accept less than the schema, never more, and every error still comes from it).
   */
  quick?: (
    value: { readonly [field: string]: unknown },
    refs: LabRefs,
  ) => { type: string; [field: string]: unknown } | undefined;
}

/** Declares one command (keeps its field types for inference). */
export function command<S extends z.ZodRawShape, E extends EventObject = EventObject>(
  decl: CommandDecl<S, E>,
): CommandDecl<S, E> {
  return decl;
}

type AnyDecl = CommandDecl<z.ZodRawShape, EventObject>;
type Table = Record<string, unknown>;

type FieldsOf<D> =
  D extends CommandDecl<infer S, EventObject>
    ? [keyof S] extends [never]
      ? object
      : z.output<z.ZodObject<S>>
    : never;

type InputFieldsOf<D> =
  D extends CommandDecl<infer S, EventObject>
    ? [keyof S] extends [never]
      ? object
      : z.input<z.ZodObject<S>>
    : never;

/** Every command of a table as a caller writes it (fields with defaults may be left out). */
export type CommandInputUnion<T extends Table> = {
  [K in keyof T & string]: { type: K } & InputFieldsOf<T[K]>;
}[keyof T & string];

/** The command a table declares under `K`, as a value. */
export type CommandOf<T extends Table, K extends keyof T & string> = { type: K } & FieldsOf<T[K]>;

/** Every command of a table. */
export type CommandUnion<T extends Table> = { [K in keyof T & string]: CommandOf<T, K> }[keyof T & string];

/** What the device gets for the command `K` of a table. */
export type EventOf<T extends Table, K extends keyof T & string> = T[K] extends {
  event?: (c: never) => infer E;
}
  ? EventObject extends E
    ? { type: K } & Omit<FieldsOf<T[K]>, T[K] extends { to: 'phone' } ? 'phone' : 'host'>
    : E
  : never;

export type ParseResult<C> = { ok: true; command: C } | { ok: false; error: string };

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    prefix,
  );
}

function withoutUndefined<C extends object>(c: C): C {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as C;
}

/** The event a device gets for a command: the declaration's, else the command without its `host` or `phone` field. */
function eventOf(d: AnyDecl, fields: Record<string, unknown>): EventObject {
  if (d.event) return d.event(fields);
  const target = d.to === 'phone' ? 'phone' : 'host';
  const rest: Record<string, unknown> = {};
  for (const k in fields) if (k !== target) rest[k] = fields[k];
  return rest as EventObject;
}

/**
 * Parsing and routing for a table of declarations. `parse` checks a value against the lab
 * definition (the first problem, named by its path); `route` says which actor gets the command
 * and as what event.
 */
export function commandSet<T extends Table>(table: T) {
  const types = Object.keys(table) as (keyof T & string)[];
  const schemas = new WeakMap<LabDefinition, { refs: LabRefs; byType: Map<string, z.ZodType> }>();
  const decls = new Map(types.map((t) => [t as string, table[t] as AnyDecl]));
  const decl = (type: string): AnyDecl => decls.get(type) as AnyDecl;
  let last: { def: LabDefinition; refs: LabRefs; byType: Map<string, z.ZodType> } | undefined;

  function cachedFor(def: LabDefinition): { refs: LabRefs; byType: Map<string, z.ZodType> } {
    if (last?.def === def) return last;
    let cached = schemas.get(def);
    if (!cached) {
      cached = { refs: labRefs(def), byType: new Map() };
      schemas.set(def, cached);
    }
    last = { def, ...cached };
    return cached;
  }

  function schemaFor(def: LabDefinition, type: string): { refs: LabRefs; schema: z.ZodType } {
    const cached = cachedFor(def);
    let schema = cached.byType.get(type);
    if (!schema) {
      schema = z.object({ type: z.literal(type), ...decl(type).fields(cached.refs) });
      cached.byType.set(type, schema);
    }
    return { refs: cached.refs, schema };
  }

  return {
    types,
    has(type: unknown): type is keyof T & string {
      return typeof type === 'string' && decls.has(type);
    },
    /** Checks `value` (whose `type` is one of the table's) against the lab. */
    parse(
      def: LabDefinition,
      value: { type: keyof T & string; [field: string]: unknown },
    ): ParseResult<CommandUnion<T>> {
      const d = decl(value.type);
      if (d.quick) {
        const quick = d.quick(value, cachedFor(def).refs);
        if (quick) return { ok: true, command: quick as CommandUnion<T> };
      }
      const { refs, schema } = schemaFor(def, value.type);
      const r = schema.safeParse(value);
      if (!r.success) {
        const issue = r.error.issues[0];
        return { ok: false, error: `${formatPath(value.type, issue?.path ?? [])}: ${issue?.message}` };
      }
      const data = r.data as z.output<z.ZodObject<z.ZodRawShape>>;
      const problem = d.check?.(data, refs);
      if (problem) return { ok: false, error: `${formatPath(value.type, problem.path)}: ${problem.message}` };
      const command = withoutUndefined(d.normalise ? { type: value.type, ...d.normalise(data) } : data);
      return { ok: true, command: command as CommandUnion<T> };
    },
    /**
     * The declarations' quick checks (`quick`) for one lab, looked up by type, built once: the
     * command exactly as `parse` would return it for a value that is certainly well-formed, else
     * undefined (then `parse` decides).
     */
    quickFor(
      def: LabDefinition,
    ): (value: { readonly [field: string]: unknown }) => CommandUnion<T> | undefined {
      const { refs } = cachedFor(def);
      const quick = new Map<unknown, NonNullable<AnyDecl['quick']>>();
      for (const [type, d] of decls) if (d.quick) quick.set(type, d.quick);
      return (value) => quick.get(value.type)?.(value, refs) as CommandUnion<T> | undefined;
    },
    /** The actor a command goes to and the event it becomes there (undefined: the lab handles it). */
    route(
      c: CommandUnion<T>,
      roles: { sync: string; dc: string },
    ): { target: string; event: EventObject } | undefined {
      const d = decl(c.type);
      const fields = c as unknown as Record<string, unknown>;
      switch (d.to) {
        case 'lab':
          return undefined;
        case 'host':
        case 'phone':
          return { target: fields[d.to] as string, event: eventOf(d, fields) };
        case 'sync':
          return { target: roles.sync, event: eventOf(d, fields) };
        case 'dc':
          return { target: roles.dc, event: eventOf(d, fields) };
        default:
          return { target: d.to, event: eventOf(d, fields) };
      }
    },
  };
}
