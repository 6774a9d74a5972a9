/**
 * The self-service password reset pages at passwordreset.microsoftonline.com: their data, the
 * actions a user takes on them, and `ssprStep`, which runs one action through the pages' state
 * machine (`ssprChart.ts`). A flow is plain data: which page is showing and what the cloud keeps
 * about it; the machine is rebuilt from it for every step, so nothing but data is ever stored.
 */
import { transition } from 'xstate';
import { distinctMethodCount, methodsRequired, usableMethods } from './policy';
import { ssprChart } from './ssprChart';
import type { SsprAction, SsprFlow, StepResult } from './ssprTypes';
import type { CloudUser, TenantState } from './tenantState';

export { CLOSED_FLOW } from './ssprTypes';
export type { SsprAction, SsprFlow, SsprPage, StepResult } from './ssprTypes';

/** One action on the SSPR pages: the tenant and the flow after it, and what must go out on the network. */
export function ssprStep(t: TenantState, flow: SsprFlow, action: SsprAction, now: number): StepResult {
  const snapshot = ssprChart.resolveState({
    value: flow.page.page,
    context: { t, f: flow, now, effects: [] },
  });
  const [next] = transition(ssprChart, snapshot, action);
  const { t: tenant, f, effects } = next.context;
  if (next.value !== f.page.page)
    throw new Error(`SSPR chart is on page ${String(next.value)} but its data says ${f.page.page}`);
  return { tenant, flow: f, effects };
}

/** Whether the user has everything SSPR needs (for the "User registered for self-service password reset" audit). */
export function ssprRegistered(t: TenantState, u: CloudUser): boolean {
  return distinctMethodCount(usableMethods(t, u)) >= methodsRequired(t, u);
}
