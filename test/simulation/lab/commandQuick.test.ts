/**
 * The quick checks of often-sent commands (console, clock) skip the schema only for input the
 * schema accepts, and give exactly what it gives: same command, same fields in the same order;
 * anything else still gets the schema's answer (and its error).
 */
import { describe, expect, it } from 'vitest';
import { commandSet, type CommandDecl } from '../../../simulation/devices/commandKit';
import { LAB_COMMANDS, MAX_ADVANCE_MS, MAX_LINE_LENGTH } from '../../../simulation/devices/labCommands';
import { DEFAULT_LAB } from '../../../simulation/lab/defaultLab';

const quick = commandSet(LAB_COMMANDS);
const schemaOnly = commandSet(
  Object.fromEntries(
    Object.entries(LAB_COMMANDS).map(([k, d]) => [k, { ...(d as CommandDecl), quick: undefined }]),
  ) as typeof LAB_COMMANDS,
);

const VALUES: Record<string, unknown>[] = [
  { type: 'console.clear', host: 'pc2', shell: 'cmd' },
  { type: 'console.clear', shell: 'powershell', host: 'dc01', extra: 1 },
  { type: 'console.clear', host: 'pc9', shell: 'cmd' },
  { type: 'console.clear', host: 'pc2', shell: 'bash' },
  { type: 'console.clear', host: 'pc2' },
  { type: 'console.close', host: 'pc2', shell: 'powershell' },
  { type: 'console.close', host: 7, shell: 'cmd' },
  { type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'hostname' },
  { type: 'console.exec', line: '', shell: 'powershell', host: 'sync01' },
  { type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'x'.repeat(MAX_LINE_LENGTH) },
  { type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'x'.repeat(MAX_LINE_LENGTH + 1) },
  { type: 'console.exec', host: 'pc2', shell: 'cmd', line: 5 },
  { type: 'console.exec', host: 'pc2', shell: 'cmd' },
  { type: 'clock.advance', ms: 0 },
  { type: 'clock.advance', ms: 60_000, note: 'x' },
  { type: 'clock.advance', ms: MAX_ADVANCE_MS },
  { type: 'clock.advance', ms: MAX_ADVANCE_MS + 1 },
  { type: 'clock.advance', ms: -1 },
  { type: 'clock.advance', ms: Number.NaN },
  { type: 'clock.advance', ms: Number.POSITIVE_INFINITY },
  { type: 'clock.advance', ms: '5' },
  { type: 'clock.advance' },
  { type: 'clock.next' },
  { type: 'clock.next', ms: 5 },
];

describe('quick command checks', () => {
  it.each(VALUES.map((v) => [JSON.stringify(v), v]))('%s parses as the schema parses it', (_, value) => {
    const v = value as { type: keyof typeof LAB_COMMANDS };
    const fast = quick.parse(DEFAULT_LAB, v);
    const slow = schemaOnly.parse(DEFAULT_LAB, v);
    expect(fast).toEqual(slow);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
    if (fast.ok) expect(fast.command).not.toBe(value);
  });

  it('the table declares quick checks for the console and clock commands', () => {
    for (const t of [
      'console.exec',
      'console.clear',
      'console.close',
      'clock.advance',
      'clock.next',
    ] as const)
      expect((LAB_COMMANDS[t] as CommandDecl).quick, t).toBeTypeOf('function');
  });
});
