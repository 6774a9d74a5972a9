/**
 * A cmdlet's arguments as the binder sees them: the token that holds a parameter's value, member
 * calls joined to the sub-expression before them, binding against the cmdlet's parameters, and
 * string[] arguments as PowerShell takes them.
 */
import type { ConsoleLine } from '../../windows/hostState';
import { bindParams, type BindResult, type BoundValue, type CmdletSpec } from '../shell/bind';
import { formatPsError } from '../shell/psError';
import type { Token } from '../shell/parse';
import type { CommandEnv } from './types';

/** The token holding a named parameter's value (`-Name value` or `-Name:value`). */
export function valueToken(args: readonly Token[], param: string): Token | undefined {
  const p = param.toLowerCase();
  for (let i = 0; i < args.length; i++) {
    const t = args[i] as Token;
    if (t.quoted || !t.text.startsWith('-')) continue;
    const body = t.text.slice(1);
    const colon = body.indexOf(':');
    const name = (colon >= 0 ? body.slice(0, colon) : body).toLowerCase();
    if (name.length === 0 || !p.startsWith(name)) continue;
    return colon >= 0 && colon < body.length - 1 ? t : args[i + 1];
  }
  return undefined;
}

/**
 * `(Get-Date).AddHours(-1)` arrives as two tokens (the sub-expression and the member call that
 * follows it without a space): join such neighbours so they bind as one value.
 */
export function joinMemberCalls(args: readonly Token[]): Token[] {
  const outTokens: Token[] = [];
  for (const t of args) {
    const prev = outTokens[outTokens.length - 1];
    if (prev && !t.quoted && t.at === prev.end && prev.text.endsWith(')') && t.text.startsWith('.')) {
      outTokens[outTokens.length - 1] = { ...prev, text: prev.text + t.text, end: t.end };
    } else {
      outTokens.push(t);
    }
  }
  return outTokens;
}

export function bind(env: CommandEnv, spec: CmdletSpec): BindResult {
  return bindParams(spec, joinMemberCalls(env.cmd.args), env.line);
}

/** Binds a cmdlet's parameters; the error lines PowerShell prints when that fails. */
export function bound(env: CommandEnv, spec: CmdletSpec): Record<string, BoundValue> | ConsoleLine[] {
  const b = bindParams(spec, env.cmd.args, env.line);
  return b.ok ? b.values : formatPsError(b.error);
}

/** The token that carried a parameter's value (for the ~~~ under it). */
export function tokenOfValue(env: CommandEnv, value: string): { at: number; end: number } | undefined {
  return env.cmd.args.find((t) => t.text === value && !/^-[A-Za-z]/.test(t.text));
}

/** A PowerShell string[] argument as typed: `a,b`, `"a","b"`, `("a","b")` or `@("a","b")`. */
export function listOf(v: BoundValue | undefined): string[] {
  if (v === undefined || typeof v === 'boolean' || typeof v === 'number')
    return v === undefined ? [] : [String(v)];
  const items = Array.isArray(v) ? v : [v];
  return items
    .flatMap((s) => s.replace(/^@?\(/, '').replace(/\)$/, '').split(','))
    .map((s) => s.trim().replace(/^['"]|['"]$/g, ''))
    .filter((s) => s.length > 0);
}
