/**
 * What the registry cmdlets share: resolving each -Path to its keys, and the errors they print
 * (path not found, property missing, a value that does not convert, a missing mandatory parameter,
 * a file-system path).
 */
import { cmdletError } from '../errors';
import type { ConsoleLine } from '../../../windows/hostState';
import type { CmdletSpec } from '../../shell/bind';
import { expand, isRegistryPath, LAB_TEXT, normalise } from './paths';
import type { CommandEnv } from '../types';

export function pathNotFound(env: CommandEnv, spec: CmdletSpec, typed: string): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Cannot find path '${typed}' because it does not exist.`,
    category: 'ObjectNotFound',
    targetName: typed,
    targetType: 'String',
    exception: 'ItemNotFoundException',
    errorId: 'PathNotFound',
  });
}

export function propertyMissing(env: CommandEnv, spec: CmdletSpec, name: string, key: string): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Property ${name} does not exist at path ${key}.`,
    category: 'InvalidArgument',
    targetName: name,
    targetType: 'String',
    exception: 'PSArgumentException',
    errorId: 'System.Management.Automation.PSArgumentException',
  });
}

export function castError(env: CommandEnv, spec: CmdletSpec, raw: string, type: string): ConsoleLine[] {
  return cmdletError(env, spec, {
    message: `Cannot convert value "${raw}" to type "${type}". Error: "Input string was not in a correct format."`,
    category: 'NotSpecified',
    exception: 'PSInvalidCastException',
    errorId: 'System.Management.Automation.PSInvalidCastException',
  });
}

export const noFileSystem = (): ConsoleLine[] => [{ kind: 'warning', text: LAB_TEXT.noFileSystem }];

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
