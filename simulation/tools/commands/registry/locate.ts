/**
 * Resolving a registry cmdlet's -Path arguments to the keys they name (wildcards expanded), with
 * the not-found errors for the ones that name none.
 */
import type { ConsoleLine } from '../../../windows/hostState';
import type { CmdletSpec } from '../../shell/bind';
import { pathNotFound } from './cmdletErrors';
import { expand, isRegistryPath, normalise } from './paths';
import type { CommandEnv } from '../types';

interface Located {
  typed: string;
  keys: string[];
}

/** Resolves each -Path to its keys; paths that are not registry paths or do not exist give errors. */
export function locate(
  env: CommandEnv,
  spec: CmdletSpec,
  paths: string[],
): { found: Located[]; errors: ConsoleLine[]; fileSystem: boolean } {
  const found: Located[] = [];
  const errors: ConsoleLine[] = [];
  let fileSystem = false;
  for (const typed of paths) {
    if (!isRegistryPath(typed)) {
      fileSystem = true;
      continue;
    }
    const n = normalise(typed, true);
    const keys = n ? expand(env.host.registry, n) : [];
    if (keys.length === 0) {
      if (!/[*?[]/.test(typed)) errors.push(...pathNotFound(env, spec, typed));
      continue;
    }
    found.push({ typed, keys });
  }
  return { found, errors, fileSystem };
}
