/**
 * A scenario's lab made ready for the learner: the setup lines (each must go through without a
 * console error), fresh console windows, time to settle, the starting faults, time for their
 * symptoms to develop, and the later faults scheduled (after a while or on a trigger).
 */
import { parseDuration } from '../core/time';
import type { Lab } from '../facade/lab';
import { resolveAction } from './actionResolve';
import { parseAction } from './actions';
import type { FaultPlan } from './plan';
import { ScenarioError } from './runTypes';
import type { Scenario } from './schema';

export function prepareLab(lab: Lab, scenario: Scenario, faults: readonly FaultPlan[]): void {
  const mustDispatch = (command: unknown): void => {
    const r = lab.dispatchUnknown(command);
    if (!r.ok) throw new ScenarioError(r.error);
  };
  for (const [i, line] of (scenario.start.setup ?? []).entries()) {
    const before = consoleErrors(lab);
    const r = perform(lab, line);
    if (!r.ok) throw new ScenarioError(`start.setup[${i}]: ${r.error}`);
    // A setup line that fails on the console would leave the starting state quietly different.
    const failed = consoleErrors(lab).slice(before.length);
    if (failed.length > 0)
      throw new ScenarioError(`start.setup[${i}]: the console answered with an error: ${failed[0]}`);
  }
  // The learner opens fresh console windows: what `setup` typed (the broken state's history) is
  // neither on screen nor under the arrow keys.
  for (const [host, t] of Object.entries(lab.truth().hosts)) {
    for (const shell of ['cmd', 'powershell'] as const) {
      const s = t.host?.consoles[shell];
      if (s && (s.history.length > 0 || s.transcript.length > 0))
        mustDispatch({ type: 'console.close', host, shell });
    }
  }
  const settle = parseDuration(scenario.start.settle ?? '5m') ?? 0;
  if (settle > 0) mustDispatch({ type: 'clock.advance', ms: settle });
  for (const f of faults)
    if (f.after === undefined && !f.on) mustDispatch({ type: 'fault.inject', fault: f.id, params: f.params });
  // Time for the starting faults' symptoms to develop (a listener timing out, a lease running out).
  const afterFaults = parseDuration(scenario.start.afterFaults ?? '0s') ?? 0;
  if (afterFaults > 0) mustDispatch({ type: 'clock.advance', ms: afterFaults });
  const now = lab.now();
  for (const f of faults) {
    if (f.after !== undefined)
      mustDispatch({ type: 'fault.schedule', fault: f.id, params: f.params, at: now + f.after });
    else if (f.on) mustDispatch({ type: 'fault.schedule', fault: f.id, params: f.params, trigger: f.on });
  }
}

/** Every error line on every console, in a stable order (to see what a setup line added). */
function consoleErrors(lab: Lab): string[] {
  const out: string[] = [];
  for (const t of Object.values(lab.truth().hosts))
    for (const shell of ['cmd', 'powershell'] as const)
      for (const l of t.host?.consoles[shell].transcript ?? []) if (l.kind === 'error') out.push(l.text);
  return out;
}

/** A setup line: part of the starting state, so neither observed nor stamped. */
function perform(lab: Lab, line: string): { ok: boolean; error?: string } {
  const parsed = parseAction(line);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const resolved = resolveAction(parsed.action, lab.learnerView());
  if (!resolved.ok) return { ok: false, error: resolved.error };
  const r = lab.dispatchUnknown(resolved.command);
  return r.ok ? { ok: true } : { ok: false, error: r.error };
}
