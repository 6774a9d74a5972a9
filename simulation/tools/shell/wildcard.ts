/** PowerShell's wildcard patterns (`-like`, `-Name`, `-InterfaceAlias`...). Pure. */

/** PowerShell wildcards (`*`, `?`, `[a-c]`), case-insensitive; undefined when the text has none. */
export function wildcard(pattern: string): RegExp | undefined {
  if (!/[*?[]/.test(pattern)) return undefined;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, close).replace(/[\\^]/g, (m) => `\\${m}`)}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, (m) => `\\${m}`);
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Whether `text` matches a name pattern with or without wildcards. */
export function likeName(pattern: string, text: string): boolean {
  const re = wildcard(pattern);
  return re ? re.test(text) : pattern.toLowerCase() === text.toLowerCase();
}
