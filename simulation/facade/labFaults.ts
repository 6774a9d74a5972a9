/**
 * The instructor's faults in a running lab: inject, clear, schedule and unschedule (the fault
 * commands of faults/commands.ts), the list an instructor panel shows, and scheduled faults going
 * in. A fault scheduled for a lab time is a delayed event on the lab clock (faults/
 * faultScheduler.machine.ts, on the clock's late lane), so the clock's own timer puts it in place at
 * its time during any move of the clock; one scheduled on a trigger goes in when a learner command
 * has made the trigger true. The root lab actor's context keeps the records (they are part of the
 * truth and its hash); the scheduler actor only keeps time.
 */
import { createActor, type Actor } from 'xstate';
import type { LabClock } from '../core/clock';
import type { LabDefinition } from '../core/definition';
import { parseCommand, type LabCommand, type LabCommandInput } from '../lab/commands';
import type { FaultParams, FaultRecord, LabContext, ScheduledFault } from '../lab/lab.machine';
import type { LabTruth } from '../lab/truth';
import { DEFAULT_PARAMS, faultSpec, type FaultSpec } from '../faults/catalog';
import type { FaultCommand } from '../faults/commands';
import { faultSchedulerMachine, lateLane } from '../faults/faultScheduler.machine';
import { TRIGGERS, type TriggerId } from '../faults/triggers';

/** An active fault as the instructor panel lists it. */
export interface FaultStatus {
  id: string;
  title: string;
  category: string;
  target: string;
  params: FaultParams;
  injectedAt: number;
  /** Whether the fault's predicate still holds (false once the learner has fixed it, by any route). */
  holds: boolean;
}

/** What the faults need of the lab they are in. */
export interface FaultHost {
  readonly definition: LabDefinition;
  readonly clock: LabClock;
  /** The root lab actor's context (the fault records live there). */
  context(): LabContext;
  setFaults(faults: FaultRecord[], scheduled: ScheduledFault[]): void;
  truth(): LabTruth;
  /** Applies one lab command to its device and lets it run to its end. */
  deliver(command: LabCommand): void;
}

export class LabFaults {
  private readonly scheduler: Actor<typeof faultSchedulerMachine>;
  /**
   * Above 0 while a learner's command runs to its end or a fault's own commands are applied: a
   * fault falling due then waits until that is done (fireDue after it), as it always has.
   */
  private holding = 0;
  /** A bug met while a clock timer put a fault in place; the lab's next step rethrows it. */
  private error: unknown;

  constructor(private readonly lab: FaultHost) {
    this.scheduler = createActor(faultSchedulerMachine, { clock: lateLane(lab.clock) });
    this.scheduler.on('fault.due', () => {
      if (this.holding > 0) return;
      try {
        // Faults whose time came while this one's commands ran go in right after it.
        do this.fireDue();
        while (this.overdue());
      } catch (e) {
        this.error ??= e;
      }
    });
    this.scheduler.start();
  }

  /** Throws the bug a clock timer met while putting a fault in place, if any. */
  rethrow(): void {
    if (this.error === undefined) return;
    const e = this.error;
    this.error = undefined;
    throw e;
  }

  /** Runs `fn(arg)` (a learner's command running to its end) with scheduled faults held until after it. */
  hold<A>(fn: (arg: A) => void, arg: A): void {
    this.holding++;
    try {
      fn(arg);
    } finally {
      this.holding--;
    }
  }

  apply(command: FaultCommand): void {
    const spec = faultSpec(command.fault);
    if (!spec) return;
    const ctx = this.lab.context();
    switch (command.type) {
      case 'fault.inject':
        this.inject(spec, { ...DEFAULT_PARAMS, ...command.params });
        return;
      case 'fault.clear': {
        const record = ctx.faults.find((f) => f.id === spec.id);
        if (!record) return;
        this.run(spec.repair({ def: this.lab.definition, truth: this.lab.truth(), params: record.params }));
        const now = this.lab.context();
        this.lab.setFaults(
          now.faults.filter((f) => f !== record),
          now.scheduled,
        );
        return;
      }
      case 'fault.schedule': {
        const { at, trigger } = command;
        this.lab.setFaults(ctx.faults, [
          ...ctx.scheduled.filter((s) => s.id !== spec.id),
          {
            id: spec.id,
            params: { ...DEFAULT_PARAMS, ...command.params },
            ...(at !== undefined ? { at } : {}),
            ...(trigger ? { trigger } : {}),
          },
        ]);
        if (at !== undefined)
          this.scheduler.send({ type: 'fault.at', fault: spec.id, delay: at - this.lab.clock.now() });
        else this.scheduler.send({ type: 'fault.cancel', fault: spec.id });
        this.fireDue();
        return;
      }
      case 'fault.unschedule':
        this.lab.setFaults(
          ctx.faults,
          ctx.scheduled.filter((s) => s.id !== spec.id),
        );
        this.scheduler.send({ type: 'fault.cancel', fault: spec.id });
        return;
    }
  }

  /** Whether a fault's time has come and it has not gone in yet (it fell due while held). */
  overdue(): boolean {
    const now = this.lab.clock.now();
    return this.lab.context().scheduled.some((s) => s.at !== undefined && s.at <= now);
  }

  /** Puts in place every scheduled fault whose time has come or whose trigger has happened. */
  fireDue(): void {
    const { scheduled } = this.lab.context();
    if (scheduled.length === 0) return;
    const now = this.lab.clock.now();
    const truth = scheduled.some((s) => s.trigger) ? this.lab.truth() : undefined;
    const due = scheduled.filter(
      (s) =>
        (s.at !== undefined && s.at <= now) ||
        (s.trigger && truth && TRIGGERS[s.trigger as TriggerId].test(truth)),
    );
    if (due.length === 0) return;
    this.lab.setFaults(
      this.lab.context().faults,
      scheduled.filter((s) => !due.includes(s)),
    );
    for (const s of due) {
      if (s.at !== undefined) this.scheduler.send({ type: 'fault.cancel', fault: s.id });
      const spec = faultSpec(s.id);
      if (spec) this.inject(spec, s.params);
    }
  }

  /** Instructor only: the faults in place, each with whether it still holds. */
  status(): FaultStatus[] {
    const truth = this.lab.truth();
    const def = this.lab.definition;
    return truth.faults.active.flatMap((r) => {
      const spec = faultSpec(r.id);
      if (!spec) return [];
      return [
        {
          id: spec.id,
          title: spec.title,
          category: spec.category,
          target: spec.target(r.params, def),
          params: r.params,
          injectedAt: r.injectedAt,
          holds: spec.holds(truth, { def, params: r.params, injectedAt: r.injectedAt }),
        },
      ];
    });
  }

  /** Instructor only: faults waiting for their lab time or trigger. */
  scheduled(): (ScheduledFault & { trigger?: TriggerId })[] {
    // The root keeps triggers as plain ids; only fault commands (checked against TRIGGER_IDS) set them.
    return [...this.lab.context().scheduled] as (ScheduledFault & { trigger?: TriggerId })[];
  }

  stop(): void {
    this.scheduler.stop();
  }

  private inject(spec: FaultSpec, params: FaultParams): void {
    this.run(spec.inject({ def: this.lab.definition, truth: this.lab.truth(), params }));
    const ctx = this.lab.context();
    this.lab.setFaults(
      [
        ...ctx.faults.filter((f) => f.id !== spec.id),
        { id: spec.id, params, injectedAt: this.lab.clock.now() },
      ],
      ctx.scheduled,
    );
  }

  /** The commands a fault is made of: checked like any command, applied, never journaled (the fault command is). */
  private run(commands: LabCommandInput[]): void {
    this.holding++;
    try {
      for (const c of commands) {
        const parsed = parseCommand(this.lab.definition, c);
        if (!parsed.ok) throw new Error(`fault command ${JSON.stringify(c)} is invalid: ${parsed.error}`);
        const cmd = parsed.command;
        if (cmd.type === 'clock.advance') this.lab.clock.advance(cmd.ms);
        else if (cmd.type === 'clock.next') this.lab.clock.runToNext();
        else if (cmd.type !== 'surface.view') this.lab.deliver(cmd);
      }
    } finally {
      this.holding--;
    }
  }
}
