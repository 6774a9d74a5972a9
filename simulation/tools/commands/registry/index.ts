/**
 * The registry from the console: Get-ItemProperty, Get-ItemPropertyValue, Set-ItemProperty,
 * New-ItemProperty, Remove-ItemProperty, New-Item, Test-Path, Get-ChildItem and Get-Item on
 * registry paths, and reg.exe (query, add, delete). Changes go back to the host as `registry` /
 * `registryKey` effects. What reads the registry elsewhere (SCHANNEL at boot, the DC's SAM for
 * RestrictRemoteSam) sees the change the way Windows does: SCHANNEL only after a restart.
 *
 * The commands live in registry/: paths.ts (paths, keys and values), values.ts (showing and typing
 * values), locate.ts (the cmdlets' path resolution), cmdletErrors.ts (their errors), getItemProperty.ts,
 * changeItemProperty.ts, items.ts (New-Item, Test-Path, Get-ChildItem, Get-Item) and regExe.ts;
 * this module assembles them.
 */
import { newItemProperty, removeItemProperty, setItemProperty } from './changeItemProperty';
import { getItemProperty, getItemPropertyValue } from './getItemProperty';
import { getChildItem, getItem, newItem, testPath } from './items';
import { regExe } from './regExe';
import type { CommandDef } from '../types';

export const REGISTRY_COMMANDS: readonly CommandDef[] = [
  getItemProperty,
  getItemPropertyValue,
  setItemProperty,
  newItemProperty,
  removeItemProperty,
  newItem,
  testPath,
  getChildItem,
  getItem,
  regExe,
];
