/**
 * What the object cmdlets of a pipeline (Select-Object, Sort-Object, Format-Table…) share: how
 * their arguments bind (a comma list split across spaces is one list, calculated properties stand
 * in as markers) and the shape of a built filter. Pure.
 */
import type { ConsoleLine } from '../../windows/hostState';
import { bindParams, type BoundValue, type CmdletSpec, type ParamSpec } from './bind';
import { markCalculated, resolveSpecs, type PropertySpec } from './calculated';
import type { ParsedCommand, Token } from './parse';
import { formatPsError } from './psError';
import type { Stream } from './psObject';

export type PipeFilter = (s: Stream) => Stream;
export type Built = { ok: true; filter: PipeFilter } | { ok: false; lines: ConsoleLine[] };

export const NS = 'Microsoft.PowerShell.Commands';
export const property: ParamSpec = { name: 'Property', type: 'strings', position: 0 };

/** `Name, Status` is one list in PowerShell: join the tokens a comma splits across spaces. */
function joinCommaLists(args: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of args) {
    const prev = out[out.length - 1];
    if (prev && !prev.group && !t.group && (prev.text.endsWith(',') || t.text.startsWith(','))) {
      out[out.length - 1] = { ...prev, text: prev.text + t.text, end: t.end, quoted: false };
    } else out.push(t);
  }
  return out;
}

/** Binds the arguments and builds the filter; `check` may refuse values (a validation attribute). */
export function bound(
  spec: CmdletSpec,
  cmd: ParsedCommand,
  line: string,
  make: (v: Record<string, BoundValue>, properties: PropertySpec[] | undefined) => PipeFilter,
  check?: (v: Record<string, BoundValue>) => ConsoleLine[] | undefined,
): Built {
  const marked = markCalculated(cmd.args);
  if (!marked.ok) return marked;
  const b = bindParams(spec, joinCommaLists(marked.args), line);
  if (!b.ok) return { ok: false, lines: formatPsError(b.error) };
  const refused = check?.(b.values);
  if (refused) return { ok: false, lines: refused };
  const names = b.values.Property as string[] | undefined;
  return { ok: true, filter: make(b.values, names && resolveSpecs(names, marked.specs)) };
}
