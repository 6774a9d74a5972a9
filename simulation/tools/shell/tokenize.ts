/**
 * The tokenisers: a cmd.exe line and a Windows PowerShell 5.1 line split into tokens, pipes and
 * statement ends (see parse.ts for the rules each follows).
 */
import { OPEN_DOUBLE, OPEN_SINGLE, PS_ESCAPES, groupAt, scanGroup } from './brackets';
import { parseHashtableBody } from './hashtable';
import type { Item, Token, Tokenized } from './parseTypes';

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

export function tokenizeCmd(line: string): Tokenized {
  const items: Item[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '|' || c === '&') {
      const double = line[i + 1] === c;
      const leading = !items.some((x) => x.kind === 'token') || items[items.length - 1]?.kind !== 'token';
      if (leading)
        return {
          error: `${double ? c + c : c} was unexpected at this time.`,
          column: i,
          errorId: 'CmdSyntax',
        };
      items.push(
        c === '|' && !double
          ? { kind: 'pipe', at: i }
          : { kind: 'end', at: i, next: !double ? 'always' : c === '&' ? 'and' : 'or' },
      );
      i += double ? 2 : 1;
      continue;
    }
    const start = i;
    let text = '';
    const quoted = c === '"';
    while (i < line.length && !isSpace(line[i]) && line[i] !== '|' && line[i] !== '&') {
      if (line[i] === '^' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else if (line[i] === '"') {
        i++;
        while (i < line.length && line[i] !== '"') text += line[i++];
        if (i < line.length) i++; // cmd tolerates a missing closing quote
      } else {
        text += line[i++];
      }
    }
    items.push({ kind: 'token', token: { text, quoted, at: start, end: i } });
  }
  const last = items[items.length - 1];
  // cmd ignores one trailing `&`, but a pipe or a conditional with nothing after it is an error.
  if (last && last.kind === 'end' && last.next === 'always') return { items: items.slice(0, -1) };
  if (last && last.kind !== 'token')
    return { error: 'The syntax of the command is incorrect.', column: last.at, errorId: 'CmdSyntax' };
  return { items };
}

export function tokenizePs(line: string): Tokenized {
  const items: Item[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') break;
    if ((c === '&' || c === '|') && line[i + 1] === c) {
      return {
        error: `The token '${c}${c}' is not a valid statement separator in this version.`,
        column: i,
        errorId: 'InvalidEndOfLine',
      };
    }
    if (c === '&') {
      // At the start of a statement or a pipeline element `&` is the call operator; anywhere else it is not allowed.
      const atStart = items.length === 0 || items[items.length - 1]?.kind !== 'token';
      const after = line.slice(i + 1).trim();
      if (
        atStart &&
        (after === '' || after.startsWith('|') || after.startsWith(';') || after.startsWith('&'))
      ) {
        return {
          error: "Missing expression after '&' in pipeline element.",
          column: i + 1,
          errorId: 'MissingExpression',
        };
      }
      if (!atStart) {
        return {
          error:
            'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.',
          column: i,
          errorId: 'AmpersandNotAllowed',
        };
      }
      i++;
      continue;
    }
    if (c === '|' || c === ';') {
      items.push(c === '|' ? { kind: 'pipe', at: i } : { kind: 'end', at: i, next: 'always' });
      i++;
      continue;
    }
    const start = i;
    let text = '';
    const quoted = OPEN_SINGLE.includes(c) || OPEN_DOUBLE.includes(c);
    let valueQuoted = false;
    let grouped: Token | undefined;
    while (i < line.length && !isSpace(line[i]) && line[i] !== '|' && line[i] !== ';' && line[i] !== '&') {
      const ch = line[i] as string;
      // `Name,@{…}`: a hashtable after a comma starts a token of its own (the list joins again later).
      if (!quoted && text.endsWith(',') && groupAt(line, i)?.group === 'hashtable') break;
      // A bracketed argument, alone or as the value of `-Name:`, is one token up to its closing bracket.
      if (!quoted && (i === start || /^-[A-Za-z_]\w*:$/.test(text))) {
        const opener = groupAt(line, i);
        if (opener) {
          const g = scanGroup(line, opener);
          if ('error' in g) return g;
          grouped = {
            text: text + line.slice(i, g.end),
            quoted: false,
            at: start,
            end: g.end,
            group: opener.group,
            inner: line.slice(opener.innerAt, g.end - 1),
          };
          if (opener.group === 'hashtable') {
            const entries = parseHashtableBody(line, opener.innerAt, g.end - 1);
            if ('error' in entries) return entries;
            grouped.entries = entries.entries;
          }
          i = g.end;
          break;
        }
      }
      const single = OPEN_SINGLE.includes(ch);
      if (single || OPEN_DOUBLE.includes(ch)) {
        const closers = single ? OPEN_SINGLE : OPEN_DOUBLE;
        const opened = i;
        if (!quoted && text.startsWith('-') && text.endsWith(':')) valueQuoted = true;
        i++;
        let closed = false;
        while (i < line.length) {
          const q = line[i] as string;
          if (closers.includes(q)) {
            if (line[i + 1] !== undefined && closers.includes(line[i + 1] as string)) {
              text += q;
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (q === '`' && !single && i + 1 < line.length) {
            const e = line[i + 1] as string;
            text += PS_ESCAPES[e] ?? e;
            i += 2;
            continue;
          }
          text += q;
          i++;
        }
        if (!closed) {
          return {
            error: `The string is missing the terminator: ${single ? "'" : '"'}.`,
            column: opened,
            errorId: 'TerminatorExpectedAtEndOfString',
          };
        }
      } else if (ch === '`' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
      } else {
        text += ch;
        i++;
      }
    }
    if (grouped) {
      items.push({ kind: 'token', token: grouped });
      continue;
    }
    items.push({
      kind: 'token',
      token: valueQuoted
        ? { text, quoted, at: start, end: i, valueQuoted }
        : { text, quoted, at: start, end: i },
    });
  }
  return { items };
}
