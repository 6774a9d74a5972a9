/**
 * reg.exe: `reg query`, `reg add` and `reg delete` (/v, /ve, /va, /t, /d, /s, /f), with reg's
 * usage and errors. Without /f the lab cannot answer reg's overwrite or delete prompt and says so.
 */
import type { HostEffect } from '../../../windows/hostOps';
import type { ConsoleLine } from '../../../windows/hostState';
import type { RegType, RegValue, Registry } from '../../../windows/registry';
import { out } from '../../shell/psError';
import { keyOf, LAB_TEXT, normalise, subkeysOf, valueOf, valuesOf } from './paths';
import { parseInteger, regData } from './values';
import { done, type CommandDef, type CommandEnv } from '../types';

const REG_TEXT = {
  ok: 'The operation completed successfully.',
  notFound: 'ERROR: The system was unable to find the specified registry key or value.',
  invalidKey: 'ERROR: Invalid key name.',
  invalidSyntax: 'ERROR: Invalid syntax.',
} as const;

const REG_TYPES: readonly RegType[] = ['REG_SZ', 'REG_MULTI_SZ', 'REG_EXPAND_SZ', 'REG_DWORD', 'REG_QWORD'];

function regUsage(op: string): ConsoleLine[] {
  return [{ kind: 'error', text: `Type "REG ${op ? `${op.toUpperCase()} ` : ''}/?" for usage.` }];
}

function regError(text: string, op?: string): ConsoleLine[] {
  return [{ kind: 'error', text }, ...(op !== undefined ? regUsage(op) : [])];
}

function regQueryBlock(reg: Registry, key: string, only?: string): string[] {
  const values = valuesOf(reg, key).filter(
    ([n]) => only === undefined || n.toLowerCase() === only.toLowerCase(),
  );
  return [key, ...values.map(([n, v]) => `    ${n}    ${v.type}    ${regData(v)}`)];
}

function regQuery(env: CommandEnv, args: string[]): ConsoleLine[] {
  const reg = env.host.registry;
  const path = args[0];
  if (!path || path.startsWith('/')) return regError(REG_TEXT.invalidSyntax, 'query');
  const n = normalise(path, false);
  if (!n) return regError(REG_TEXT.invalidKey, 'query');
  const key = keyOf(reg, n);
  let valueName: string | undefined;
  let recurse = false;
  for (let i = 1; i < args.length; i++) {
    const a = (args[i] as string).toLowerCase();
    if (a === '/v') {
      valueName = args[++i];
      if (valueName === undefined) return regError(REG_TEXT.invalidSyntax, 'query');
    } else if (a === '/s') recurse = true;
    else if (a === '/ve') valueName = '(default)';
    else if (a === '/reg:64' || a === '/reg:32') continue;
    else return regError(REG_TEXT.invalidSyntax, 'query');
  }
  if (!key) return regError(REG_TEXT.notFound);
  if (valueName !== undefined) {
    if (!recurse) {
      if (!valueOf(reg, key, valueName)) return regError(REG_TEXT.notFound);
      return out('', ...regQueryBlock(reg, key, valueName), '');
    }
    const matches: string[] = [];
    let count = 0;
    const visit = (k: string) => {
      if (valueOf(reg, k, valueName as string)) {
        matches.push('', ...regQueryBlock(reg, k, valueName));
        count++;
      }
      for (const c of subkeysOf(reg, k)) visit(`${k}\\${c}`);
    };
    visit(key);
    if (count === 0) return regError(REG_TEXT.notFound);
    return out(...matches, '', `End of search: ${count} match(es) found.`);
  }
  if (recurse) {
    const lines: string[] = [];
    const visit = (k: string) => {
      lines.push('', ...regQueryBlock(reg, k));
      for (const c of subkeysOf(reg, k)) visit(`${k}\\${c}`);
    };
    visit(key);
    return out(...lines, '');
  }
  const subkeys = subkeysOf(reg, key).map((c) => `${key}\\${c}`);
  return out('', ...regQueryBlock(reg, key), '', ...subkeys);
}

function regAdd(env: CommandEnv, args: string[]): { lines: ConsoleLine[]; effects: HostEffect[] } {
  const fail = (lines: ConsoleLine[]) => ({ lines, effects: [] });
  const path = args[0];
  if (!path || path.startsWith('/')) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
  const n = normalise(path, false);
  if (!n) return fail(regError(REG_TEXT.invalidKey, 'add'));
  let name: string | undefined;
  let type: RegType = 'REG_SZ';
  let data: string | undefined;
  let force = false;
  let separator = '\\0';
  for (let i = 1; i < args.length; i++) {
    const a = (args[i] as string).toLowerCase();
    if (a === '/v') name = args[++i];
    else if (a === '/ve') name = '(default)';
    else if (a === '/t') {
      const t = args[++i]?.toUpperCase();
      if (!t || !REG_TYPES.includes(t as RegType)) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
      type = t as RegType;
    } else if (a === '/d') data = args[++i];
    else if (a === '/s') separator = args[++i] ?? separator;
    else if (a === '/f') force = true;
    else if (a === '/reg:64' || a === '/reg:32') continue;
    else return fail(regError(REG_TEXT.invalidSyntax, 'add'));
    if (args[i] === undefined) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
  }
  const reg = env.host.registry;
  const key = keyOf(reg, n) ?? n;
  if (name === undefined) {
    return {
      lines: out(REG_TEXT.ok),
      effects: keyOf(reg, n) ? [] : [{ type: 'registryKey', key, op: 'create' }],
    };
  }
  let value: RegValue;
  if (type === 'REG_DWORD' || type === 'REG_QWORD') {
    const num = parseInteger(data ?? '0');
    if (num === undefined || num < 0) return fail(regError(REG_TEXT.invalidSyntax, 'add'));
    value = { type, data: type === 'REG_DWORD' ? num >>> 0 : num };
  } else if (type === 'REG_MULTI_SZ') {
    value = { type, data: (data ?? '').split(separator).filter((s) => s.length > 0) };
  } else value = { type, data: data ?? '' };
  const existing = valueOf(reg, key, name);
  if (existing && !force) {
    return {
      lines: [
        { kind: 'output', text: `Value ${name} exists, overwrite(Yes/No)?` },
        { kind: 'warning', text: LAB_TEXT.noPrompt },
      ],
      effects: [],
    };
  }
  return {
    lines: out(REG_TEXT.ok),
    effects: [{ type: 'registry', key, name: existing?.[0] ?? name, value }],
  };
}

function regDelete(env: CommandEnv, args: string[]): { lines: ConsoleLine[]; effects: HostEffect[] } {
  const fail = (lines: ConsoleLine[]) => ({ lines, effects: [] });
  const path = args[0];
  if (!path || path.startsWith('/')) return fail(regError(REG_TEXT.invalidSyntax, 'delete'));
  const n = normalise(path, false);
  if (!n) return fail(regError(REG_TEXT.invalidKey, 'delete'));
  let name: string | undefined;
  let all = false;
  let force = false;
  for (let i = 1; i < args.length; i++) {
    const a = (args[i] as string).toLowerCase();
    if (a === '/v') {
      name = args[++i];
      if (name === undefined) return fail(regError(REG_TEXT.invalidSyntax, 'delete'));
    } else if (a === '/ve') name = '(default)';
    else if (a === '/va') all = true;
    else if (a === '/f') force = true;
    else if (a === '/reg:64' || a === '/reg:32') continue;
    else return fail(regError(REG_TEXT.invalidSyntax, 'delete'));
  }
  const reg = env.host.registry;
  const key = keyOf(reg, n);
  if (!key) return fail(regError(REG_TEXT.notFound));
  if (name !== undefined) {
    const v = valueOf(reg, key, name);
    if (!v) return fail(regError(REG_TEXT.notFound));
    if (!force)
      return fail([
        { kind: 'output', text: `Delete the registry value ${v[0]} (Yes/No)?` },
        { kind: 'warning', text: LAB_TEXT.noPrompt },
      ]);
    return { lines: out(REG_TEXT.ok), effects: [{ type: 'registry', key, name: v[0] }] };
  }
  if (all) {
    if (!force)
      return fail([
        { kind: 'output', text: `Delete all values under the registry key ${key} (Yes/No)?` },
        { kind: 'warning', text: LAB_TEXT.noPrompt },
      ]);
    return {
      lines: out(REG_TEXT.ok),
      effects: valuesOf(reg, key).map(([vn]): HostEffect => ({ type: 'registry', key, name: vn })),
    };
  }
  if (!force)
    return fail([
      { kind: 'output', text: `Permanently delete the registry key ${key} (Yes/No)?` },
      { kind: 'warning', text: LAB_TEXT.noPrompt },
    ]);
  return { lines: out(REG_TEXT.ok), effects: [{ type: 'registryKey', key, op: 'delete' }] };
}

const REG_USAGE = [
  '',
  'REG Operation [Parameter List]',
  '',
  '  Operation  [ QUERY   | ADD    | DELETE  | COPY    |',
  '               SAVE    | LOAD   | UNLOAD  | RESTORE |',
  '               COMPARE | EXPORT | IMPORT  | FLAGS ]',
  '',
  'Return Code: (Except for REG COMPARE)',
  '',
  '  0 - Successful',
  '  1 - Failed',
  '',
  'For help on a specific operation type:',
  '',
  '  REG Operation /?',
  '',
  'Examples:',
  '',
  '  REG QUERY /?',
  '  REG ADD /?',
  '  REG DELETE /?',
];

export const regExe: CommandDef = {
  name: 'reg',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const op = args[0]?.toLowerCase();
    if (op === undefined) return done(regError(REG_TEXT.invalidSyntax, ''));
    if (op === '/?' || op === '-?') return done(out(...REG_USAGE));
    switch (op) {
      case 'query':
        return done(regQuery(env, args.slice(1)));
      case 'add': {
        const r = regAdd(env, args.slice(1));
        return done(r.lines, r.effects);
      }
      case 'delete': {
        const r = regDelete(env, args.slice(1));
        return done(r.lines, r.effects);
      }
      default:
        return done(regError(REG_TEXT.invalidSyntax, ''));
    }
  },
};
