/**
 * The errors the registry cmdlets print: a path not found, a property missing, a value that does
 * not convert, and the lab's note for a file-system path.
 */
import { cmdletError } from '../errors';
import type { ConsoleLine } from '../../../windows/hostState';
import type { CmdletSpec } from '../../shell/bind';
import { LAB_TEXT } from './paths';
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
