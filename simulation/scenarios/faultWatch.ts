/**
 * What a scenario run notes about faults as it goes: each change of a fault's predicate (put in
 * place, fixed by the learner, broken again) with the learner action that made it, and which
 * collateral damage is a fault's doing rather than the learner's.
 */
import { faultSpec } from '../faults/catalog';
import { evaluate, type Check, type CheckContext } from './checks';
import type { FaultChange } from './runTypes';

type Collateral = { id: string; check: Check };

export class FaultWatch {
  /** Every change of a fault's predicate in this run, oldest first. */
  readonly changes: FaultChange[] = [];
  /** Every fault put in place so far (id and time), to notice the next one. */
  private readonly activeSeen = new Set<string>();
  /**
   * Collateral states a fault put in place (an instructor's injection, a scheduled fault going in),
   * not the learner: excused while they hold, counted again if the learner re-creates them.
   */
  private readonly byFault = new Set<string>();
  /** Collateral states currently held against the learner (their own doing). */
  private readonly counted = new Set<string>();
  /** Collateral states the scenario starts in: not the learner's. */
  private atStart: ReadonlySet<string> = new Set();

  /** Notes the collateral states the scenario starts in (never counted against the learner). */
  startWith(collateral: readonly Collateral[], ctx: CheckContext): void {
    this.atStart = new Set(collateral.filter((c) => evaluate(c.check, ctx)).map((c) => c.id));
  }

  /**
   * Notes every change of a fault's predicate, and which learner action (`entry`, -1 before the
   * learner started) made it. Returns whether a fault went in (started holding) in this step.
   */
  track(ctx: CheckContext, now: number, entry: number): boolean {
    let wentIn = false;
    for (const f of ctx.faults) {
      const spec = faultSpec(f.id);
      if (!spec || f.injectedAt === undefined) continue;
      const holds = spec.holds(ctx.truth, { def: ctx.def, params: f.params, injectedAt: f.injectedAt });
      const last = [...this.changes].reverse().find((c) => c.id === f.id);
      if (last?.holds !== holds) {
        this.changes.push({ id: f.id, at: now, entry, holds });
        if (holds) wentIn = true;
      }
    }
    // An instructor's fault (not in the scenario's plan) going in counts too.
    for (const a of ctx.truth.faults.active) {
      const key = `${a.id}@${a.injectedAt}`;
      if (this.activeSeen.has(key)) continue;
      this.activeSeen.add(key);
      wentIn = true;
    }
    return wentIn;
  }

  /**
   * Collateral damage is what the learner does: a penalty state that appears in the step a fault
   * went in (the instructor injecting L5 turns writeback off) is the fault's, not the learner's.
   */
  excuse(collateral: readonly Collateral[], ctx: CheckContext, byFault: boolean): void {
    for (const c of collateral) {
      const holds = evaluate(c.check, ctx);
      if (!holds) this.byFault.delete(c.id);
      else if (byFault && !this.counted.has(c.id)) this.byFault.add(c.id);
      if (holds && !this.byFault.has(c.id)) this.counted.add(c.id);
      else this.counted.delete(c.id);
    }
  }

  /** The collateral states that hold now and are the learner's doing. */
  chargeable<C extends Collateral>(collateral: readonly C[], ctx: CheckContext): C[] {
    return collateral.filter(
      (c) => !this.atStart.has(c.id) && !this.byFault.has(c.id) && evaluate(c.check, ctx),
    );
  }
}
