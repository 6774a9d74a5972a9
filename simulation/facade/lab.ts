/**
 * The lab as a program uses it: create one from a definition and a seed, send it commands, move its
 * clock, read its truth, the learner's view and a state hash, and save or replay its journal.
 * Every command goes through `dispatch`, is validated, recorded in the journal and applied; a
 * console command also lets lab time pass until the command has finished (as it would on a real
 * host), which is part of what the command means, so a replay does the same.
 */
import { createActor, type Actor, type AnyActorRef } from 'xstate';
import { LabClock } from '../core/clock';
import { labEnv } from '../core/env';
import { hashString, treeText } from '../core/hash';
import { parseIsoTime } from '../core/time';
import type { HostMachineContext } from '../devices/windowsHost.machine';
import { allEvents, type WinEvent } from '../windows/eventlog';
import { sealConsoleArrays, withConsoleAppends, type ShellKind } from '../windows/hostState';
import { isObject, quickParser, router, type LabCommand } from '../lab/commands';
import { parseJournalCommand, type JournalCommand, type JournalCommandInput } from '../faults/commands';
import type { TriggerId } from '../faults/triggers';
import type { LabContext, ScheduledFault } from '../lab/lab.machine';
import { DEFAULT_LAB } from '../lab/defaultLab';
import type { LabDefinition } from '../core/definition';
import { labMachine } from '../lab/lab.machine';
import { projectLearnerView, type LearnerView } from '../lab/projection';
import { TIMINGS } from '../core/timings';
import { collectTruth, type LabTruth } from '../lab/truth';
import { completionContext } from '../lab/completionContext';
import { tab, type TabCycle } from '../tools/shell/complete';
import { LabFaults, type FaultStatus } from './labFaults';
import { BusyWatch } from './labBusy';

export type { FaultStatus };

export interface JournalEntry {
  /** Lab time when the command was given. */
  at: number;
  command: JournalCommand;
}

export type DispatchResult = { ok: true; at: number } | { ok: false; error: string };

export interface LabOptions {
  definition?: LabDefinition;
  seed?: number;
}

export class LabReplayError extends Error {}

export class Lab {
  readonly definition: LabDefinition;
  readonly seed: number;
  private readonly clock: LabClock;
  private readonly root: Actor<typeof labMachine>;
  private readonly entries: JournalEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  /** Entries before this index are closed: a clock advance is never merged into them (sealJournal). */
  private sealed = 0;
  private fault: string | undefined;
  /** The instructor's faults: injected, cleared, scheduled (labFaults.ts). */
  private readonly faults: LabFaults;
  private readonly dcHost: string;
  /** "Is the lab busy", kept up to date from the actors' snapshots (labBusy.ts). */
  private readonly busyWatch: BusyWatch;
  /** `!busy()`, made once (every command waits on it). */
  private readonly idle = (): boolean => !this.busy();
  /** The quick check of a well-formed console or clock command (lab/commands.ts), made once. */
  private readonly quick: (value: Record<string, unknown>) => LabCommand | undefined;
  /** Where a command goes (lab/commands.ts), made once. */
  private readonly route: (c: LabCommand) => { target: string; event: { type: string } } | undefined;
  /** `apply` and `deliver` with their command as an argument: no closure made per command. */
  private readonly applyOne = (command: JournalCommand): void => this.apply(command);
  private readonly deliverOne = (command: LabCommand): void => this.deliver(command);

  constructor(options: LabOptions = {}) {
    this.definition = options.definition ?? DEFAULT_LAB;
    this.seed = options.seed ?? 1;
    const start = parseIsoTime(this.definition.startTime);
    if (start === undefined)
      throw new RangeError(
        `definition.startTime: expected an ISO-8601 date-time, got ${JSON.stringify(this.definition.startTime)}`,
      );
    this.dcHost =
      this.definition.hosts.find((h) => h.kind === 'dc')?.id ?? this.definition.hosts[0]?.id ?? 'dc01';
    this.quick = quickParser(this.definition);
    this.route = router(this.definition.connect.host, this.dcHost);
    this.clock = new LabClock(start);
    const clock = this.clock;
    this.root = createActor(labMachine, {
      clock,
      input: { definition: this.definition, seed: this.seed, env: labEnv(clock) },
    });
    this.root.subscribe({ error: (e) => (this.fault = e instanceof Error ? e.message : String(e)) });
    this.root.start();
    this.faults = new LabFaults({
      definition: this.definition,
      clock,
      context: () => this.root.getSnapshot().context as LabContext,
      setFaults: (faults, scheduled) => this.root.send({ type: 'lab.faults', faults, scheduled }),
      truth: () => this.truth(),
      deliver: (command) => this.deliver(command),
    });
    this.busyWatch = new BusyWatch(
      this.root.system as unknown as { get: (id: string) => AnyActorRef | undefined },
      this.definition,
    );
  }

  /** Rebuilds a lab from its definition, seed and journal. Throws LabReplayError naming the entry that does not fit. */
  static replay(definition: LabDefinition, seed: number, journal: readonly JournalEntry[]): Lab {
    const lab = new Lab({ definition, seed });
    journal.forEach((entry, i) => {
      if (entry.at !== lab.now()) {
        throw new LabReplayError(
          `journal[${i}].at: expected ${lab.now()} (the lab's time at that point), got ${entry.at}`,
        );
      }
      const r = lab.dispatchUnknown(entry.command);
      if (!r.ok) throw new LabReplayError(`journal[${i}].command: ${r.error}`);
    });
    return lab;
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Validates (against this lab: its hosts, phones, services), records and applies one command.
   * Never throws for bad input.
   */
  dispatch(command: JournalCommandInput): DispatchResult {
    return this.dispatchUnknown(command);
  }

  /** `dispatch` for input that is not typed yet (a journal, IPC, a file): checked field by field. */
  dispatchUnknown(value: unknown): DispatchResult {
    if (this.fault) return { ok: false, error: `the lab stopped after an internal error: ${this.fault}` };
    let command: JournalCommand | undefined = isObject(value) ? this.quick(value) : undefined;
    if (!command) {
      const parsed = parseJournalCommand(this.definition, value);
      if (!parsed.ok) return parsed;
      command = parsed.command;
    }
    if (command.type === 'console.exec' && this.consoleBusy(command.host, command.shell)) {
      return {
        ok: false,
        error: `console.exec: the ${command.shell} console on ${command.host} is still running a command`,
      };
    }
    const at = this.clock.now();
    this.record({ at, command });
    try {
      withConsoleAppends(this.applyOne, command);
    } catch (e) {
      // A bug in HybridLab, not in the input: stop the lab rather than let it drift from its journal.
      this.fault = e instanceof Error ? e.message : String(e);
    }
    this.changed();
    return this.fault
      ? { ok: false, error: `the lab stopped after an internal error: ${this.fault}` }
      : { ok: true, at };
  }

  /**
   * Runs the clock until `done()` holds or `maxMs` passes. Recorded as the time it took, so a
   * replay needs no predicate.
   */
  runUntil(done: (lab: Lab) => boolean, maxMs: number): boolean {
    const start = this.clock.now();
    if (this.faults.overdue()) this.faults.fireDue();
    // A fault scheduled inside the window goes in at its time (its clock timer), as in a replayed advance.
    const ok = this.clock.runUntil(() => done(this), start + maxMs - this.clock.now());
    this.faults.rethrow();
    const elapsed = this.clock.now() - start;
    if (elapsed > 0) this.record({ at: start, command: { type: 'clock.advance', ms: elapsed } });
    this.changed();
    return ok;
  }

  /** Time of the next thing the lab has scheduled, if any. */
  nextDue(): number | undefined {
    return this.clock.nextDue();
  }

  truth(): LabTruth {
    // What is read from here on is never appended to in place (windows/hostState.ts).
    sealConsoleArrays();
    const ctx = this.root.getSnapshot().context as LabContext;
    return collectTruth(
      this.root.system as unknown as { get: (id: string) => AnyActorRef | undefined },
      this.definition,
      this.seed,
      this.clock.now(),
      { active: ctx.faults, scheduled: ctx.scheduled },
    );
  }

  /** Instructor only: the faults in place, each with whether it still holds. */
  faultStatus(): FaultStatus[] {
    return this.faults.status();
  }

  /** Instructor only: faults waiting for their lab time or trigger. */
  scheduledFaults(): (ScheduledFault & { trigger?: TriggerId })[] {
    return this.faults.scheduled();
  }

  learnerView(): LearnerView {
    return projectLearnerView(this.truth(), this.definition);
  }

  /**
   * Tab in a console: the next (or, with `back`, previous) completion of the line at the cursor,
   * continuing `prev` when the line is still the one it produced. A query: nothing is journaled.
   */
  tab(
    host: string,
    shell: ShellKind,
    line: string,
    cursor: number,
    back = false,
    prev?: TabCycle,
  ): TabCycle | undefined {
    const ctx = completionContext(this.truth(), host, shell);
    return ctx ? tab(prev, line, cursor, back, ctx) : undefined;
  }

  /** A hash of the whole truth, rebuilt only where the state changed since the last one (treeText). */
  stateHash(): string {
    return hashString(treeText(this.truth()));
  }

  /** Every host's event-log entries, oldest first. */
  events(): WinEvent[] {
    const t = this.truth();
    return Object.values(t.hosts)
      .flatMap((h) => allEvents(h.host.logs))
      .sort((a, b) => a.time - b.time || a.computer.localeCompare(b.computer) || a.recordId - b.recordId);
  }

  journal(): readonly JournalEntry[] {
    return this.entries;
  }

  /**
   * Closes the journal so far and returns its length: the next clock advance starts a new entry
   * instead of growing the last one, so a slice from here (a scenario's learner part) holds all of it.
   */
  sealJournal(): number {
    this.sealed = this.entries.length;
    return this.sealed;
  }

  /** Lab problems that are bugs in HybridLab, not in the learner's input. */
  health(): { ok: boolean; error?: string } {
    return this.fault ? { ok: false, error: this.fault } : { ok: true };
  }

  /** Increases on every change; a UI re-reads the views when it does. */
  getRevision(): number {
    return this.revision;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.faults.stop();
    // Every delayed event cancelled in one pass: XState's stop cancels each stopped actor's own by
    // scanning all the lab's scheduled events (thousands at 1,000 PCs, for each of its actors).
    const { scheduler } = this.root.system;
    for (const e of Object.values(this.root.system.getSnapshot()._scheduledEvents))
      scheduler.cancel(e.source, e.id);
    // The devices first, in the order that keeps XState's copies of the root's children cheap (a
    // root already stopped, by an error or an earlier stop, is not sent it).
    if (this.root.getSnapshot().status === 'active') this.root.send({ type: 'lab.stop' });
    this.root.stop();
    this.listeners.clear();
  }

  /** Whether something a learner started is still running (a console command, a sign-in). */
  busy(): boolean {
    return this.busyWatch.busy();
  }

  private consoleBusy(host: string, shell: ShellKind): boolean {
    const ref = this.root.system.get(host) as AnyActorRef | undefined;
    const ctx = ref?.getSnapshot().context as HostMachineContext | undefined;
    return ctx?.consoles[shell].busy ?? false;
  }

  private record(entry: JournalEntry): void {
    const last = this.entries[this.entries.length - 1];
    if (
      entry.command.type === 'clock.advance' &&
      last?.command.type === 'clock.advance' &&
      this.entries.length > this.sealed
    ) {
      // Two advances in a row are one advance: keeps a played clock from bloating the journal.
      this.entries[this.entries.length - 1] = {
        at: last.at,
        command: { type: 'clock.advance', ms: last.command.ms + entry.command.ms },
      };
      return;
    }
    this.entries.push(entry);
  }

  private apply(command: JournalCommand): void {
    switch (command.type) {
      case 'clock.advance':
        this.advanceTo(this.clock.now() + command.ms);
        return;
      case 'clock.next':
        // The next thing due, a scheduled fault's time included (the clock's late timers).
        if (this.faults.overdue()) this.faults.fireDue();
        else this.clock.runToNext();
        this.faults.rethrow();
        return;
      case 'fault.inject':
      case 'fault.clear':
      case 'fault.schedule':
      case 'fault.unschedule':
        this.faults.apply(command);
        return;
      case 'surface.view':
        // Looking changes nothing; the journal entry is the record.
        return;
      default: {
        this.faults.hold(this.deliverOne, command);
        // A learner's first visit to a page can be what a scheduled fault waits for.
        this.faults.fireDue();
      }
    }
  }

  private deliver(command: LabCommand): void {
    const route = this.route(command);
    if (!route) return;
    // Straight to the device actor: the root has no relay for commands.
    const ref = this.root.system.get(route.target) as AnyActorRef | undefined;
    if (ref) ref.send(route.event);
    // What the learner started runs to its end, with lab time passing as it would.
    this.clock.runUntil(this.idle, TIMINGS.commandSettleLimit);
  }

  /** Moves the clock to `end`; each scheduled fault's clock timer puts it in place at its time on the way. */
  private advanceTo(end: number): void {
    if (this.faults.overdue()) this.faults.fireDue();
    if (end > this.clock.now()) this.clock.advance(end - this.clock.now());
    this.faults.rethrow();
  }

  private changed(): void {
    this.revision++;
    if (this.listeners.size > 0) for (const l of this.listeners) l();
  }
}
