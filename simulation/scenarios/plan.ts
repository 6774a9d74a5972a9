/**
 * What a scenario puts in place for a given seed: the variant user and PC, the faults drawn from the
 * pool, and when each fault goes in (at the start, after a while, on a trigger). Pure.
 */
import { nextInt, seedFrom, type RngState } from '../core/random';
import { parseDuration } from '../core/time';
import { DEFAULT_PARAMS, type FaultParams } from '../faults/catalog';
import { bind } from './checks';
import type { Scenario } from './schema';

export interface FaultPlan {
  id: string;
  params: FaultParams;
  after?: number;
  on?: string;
}

/** What the scenario puts in place, from its seed: the variant user and PC, and the faults drawn from the pool. */
export function planVariants(s: Scenario, seed: number): { params: FaultParams; faults: FaultPlan[] } {
  let rng: RngState = seedFrom(seed, `scenario:${s.id}`);
  const pickOne = <T>(items: readonly T[] | undefined, fallback: T): T => {
    if (!items || items.length === 0) return fallback;
    const [i, next] = nextInt(rng, 0, items.length - 1);
    rng = next;
    return items[i] as T;
  };
  const params: FaultParams = {
    user: pickOne(s.variants?.user, DEFAULT_PARAMS.user),
    pc: pickOne(s.variants?.pc, DEFAULT_PARAMS.pc),
  };
  const pool = s.variants?.faultPool;
  const drawn: string[] = [];
  if (pool) {
    const left = [...pool.from];
    for (let k = 0; k < pool.pick && left.length; k++) {
      const [i, next] = nextInt(rng, 0, left.length - 1);
      rng = next;
      drawn.push(...left.splice(i, 1));
    }
  }
  const faults: FaultPlan[] = [];
  for (const f of s.faults ?? []) {
    const ids = f.fault === '$pool' ? drawn : [f.fault];
    for (const id of ids) {
      faults.push({
        id,
        params: { user: bind(f.params?.user ?? '$user', params), pc: bind(f.params?.pc ?? '$pc', params) },
        ...(f.after ? { after: parseDuration(f.after) } : {}),
        ...(f.on ? { on: f.on } : {}),
      });
    }
  }
  return { params, faults };
}
