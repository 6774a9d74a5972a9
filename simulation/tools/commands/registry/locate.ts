/**
 * Resolving a registry cmdlet's -Path arguments to the keys they name (wildcards expanded), with
 * the not-found errors for the ones that name none, and picking a key's values by -Name.
 */
import type { ConsoleLine } from '../../../windows/hostState';
import { formatPsError } from '../../shell/psError';
import { bind } from '../args';
import { missingMandatory } from '../errors';
import type { BoundValue, CmdletSpec } from '../../shell/bind';
import { wildcard } from '../../shell/wildcard';
import { noFileSystem, pathNotFound } from './cmdletErrors';
import { expand, isRegistryPath, normalise } from './paths';
import type { CommandEnv } from '../types';

/** The keys a cmdlet's paths name, and the errors for the paths that name none. */
export interface Located {
  keys: string[];
  errors: ConsoleLine[];
}

/**
 * Resolves each -Path to its keys; paths that are not registry paths or do not exist give errors.
 * When the paths are file-system paths only (no key, no error), the lab's note instead.
 */
export function locate(
  env: CommandEnv,
  spec: CmdletSpec,
  paths: string[],
): Located | { note: ConsoleLine[] } {
  const keys: string[] = [];
  const errors: ConsoleLine[] = [];
  let fileSystem = false;
  for (const typed of paths) {
    if (!isRegistryPath(typed)) {
      fileSystem = true;
      continue;
    }
    const n = normalise(typed, true);
    const found = n ? expand(env.host.registry, n) : [];
    if (found.length === 0 && !/[*?[]/.test(typed)) errors.push(...pathNotFound(env, spec, typed));
    keys.push(...found);
  }
  if (fileSystem && keys.length === 0 && errors.length === 0) return { note: noFileSystem() };
  return { keys, errors };
}

/**
 * How a registry cmdlet starts: its arguments bound, its `mandatory` parameters there (checked in
 * that order; `Path` is -Path or -LiteralPath), then the keys its paths name (`fallback` when it
 * has none); or the lines it prints instead.
 */
export function bindLocated(
  env: CommandEnv,
  spec: CmdletSpec,
  mandatory: readonly ('Path' | 'Name')[],
  fallback: string[] = [],
): { ok: true; v: Record<string, BoundValue>; at: Located } | { ok: false; lines: ConsoleLine[] } {
  const b = bind(env, spec);
  if (!b.ok) return { ok: false, lines: formatPsError(b.error) };
  const v = b.values;
  for (const name of mandatory) {
    const given = name === 'Path' ? pathsOf(v) : v[name];
    if (given === undefined) return { ok: false, lines: missingMandatory(env, spec, [name]) };
  }
  const at = locate(env, spec, pathsOf(v) ?? fallback);
  return 'note' in at ? { ok: false, lines: at.note } : { ok: true, v, at };
}

/** -Path, or -LiteralPath, as bound. */
export const pathsOf = (values: Record<string, BoundValue>): string[] | undefined =>
  (values.Path ?? values.LiteralPath) as string[] | undefined;

/**
 * The values one -Name picks among a key's: those a wildcard matches, or the one of that name in
 * any case; `missing` when a plain name is not there.
 */
export function valuesNamed<T extends readonly [string, ...unknown[]]>(
  values: readonly T[],
  name: string,
): { matched: T[]; missing: boolean } {
  const re = wildcard(name);
  const matched = values.filter(([vn]) => (re ? re.test(vn) : vn.toLowerCase() === name.toLowerCase()));
  return { matched, missing: matched.length === 0 && !re };
}
