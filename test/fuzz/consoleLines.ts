/**
 * Random console lines for fuzzing: real command names and switches mixed with junk, quotes,
 * pipes, separators, sub-expressions, hashtables and Unicode, on every host and both shells.
 * `runConsoleFuzz` feeds them to labs and checks that each gets a well-formed answer.
 */
import fc from 'fast-check';
import { Lab } from '../../simulation/facade/lab';
import { presetDefinition } from '../../simulation/lab/presets';
import { CATALOG, namesOf } from '../../simulation/tools/catalog';

const NAMES = [...new Set(CATALOG.flatMap(namesOf))];
const WORDS = [
  '/all',
  '/renew',
  '/release',
  '/flushdns',
  '-t',
  '-n',
  '2',
  '-type=SRV',
  '_ldap._tcp.dc._msdcs.laborhub.store',
  'laborhub.store',
  'dc01',
  'DC01.laborhub.store',
  '192.168.6.2',
  '8.8.8.8',
  '-ComputerName',
  '-Port',
  '443',
  '389',
  '/dsgetdc:laborhub.store',
  '/sc_query:laborhub.store',
  '/query',
  '/status',
  '/resync',
  '/force',
  'accounts',
  'user',
  'michael.brown',
  '/domain',
  'ADSync',
  'W32Time',
  'DHCPServer',
  '-Name',
  '-Identity',
  '-Properties',
  '*',
  'adminCount,LockedOut',
  '-Reset',
  '-NewPassword',
  '(ConvertTo-SecureString "Pa$$w0rd!x1" -AsPlainText -Force)',
  '@{adminCount=0}',
  '-PolicyType',
  'Delta',
  'Initial',
  '-SyncCycleEnabled',
  '$true',
  '$false',
  '-LogName',
  'Application',
  '-MaxEvents',
  '5',
  '-Newest',
  '3',
  '-Path',
  'HKLM:\\System\\CurrentControlSet\\Control\\Lsa',
  'RestrictRemoteSam',
  '-Value',
  '1',
  '-Repair',
  '-PasswordSync',
  '|',
  '||',
  '&&',
  '&',
  ';',
  '"',
  "'",
  '`',
  '^',
  '(',
  ')',
  '{',
  '}',
  '@',
  '$',
  '#',
  '%PATH%',
  '>',
  '<',
  '2>&1',
  'findstr',
  'Select-String',
  'IPv4',
  'Where-Object',
  'ü',
  '€',
  '\u200b',
  '😀',
  '-',
  '--',
  '/?',
  '-?',
  '-Force',
  '-Confirm:$false',
];

export const consoleLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...NAMES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      ),
      {
        maxLength: 6,
      },
    ),
  )
  .map(([name, args]) => [name, ...args].join(' '));

export const consoleInput = fc.record({
  host: fc.constantFrom('dc01', 'sync01', 'pc1', 'pc2', 'pc3'),
  shell: fc.constantFrom('cmd' as const, 'powershell' as const),
  line: consoleLine,
});

export interface FuzzResult {
  lines: number;
  labs: number;
  failures: string[];
}

/** Runs `count` random lines through labs (a new lab every `perLab` lines); never throws. */
export function runConsoleFuzz(count: number, seed: number, perLab = 400): FuzzResult {
  const inputs = fc.sample(consoleInput, { numRuns: count, seed });
  const failures: string[] = [];
  let lab: Lab | undefined;
  let labs = 0;
  inputs.forEach((input, i) => {
    if (i % perLab === 0) {
      lab?.stop();
      lab = new Lab({ definition: presetDefinition('configured'), seed: seed + i });
      labs++;
    }
    const l = lab as Lab;
    const where = `#${i} ${input.host} ${input.shell}: ${JSON.stringify(input.line)}`;
    try {
      const before = l.learnerView().consoles[input.host]?.[input.shell].transcript.length ?? 0;
      const r = l.dispatch({ type: 'console.exec', ...input });
      if (!r.ok) {
        // Refusals are fine only for input the command schema rejects, never for an internal error.
        if (/internal error/.test(r.error)) failures.push(`${where}: ${r.error}`);
        return;
      }
      const view = l.learnerView().consoles[input.host]?.[input.shell];
      if (!view) return void failures.push(`${where}: no console`);
      if (view.busy) return void failures.push(`${where}: the console is still busy`);
      const printed = view.transcript.slice(before);
      if (printed.length === 0 && view.transcript.length > 0 && before < view.transcript.length)
        failures.push(`${where}: nothing echoed`);
      for (const line of printed)
        if (typeof line.text !== 'string' || !['input', 'output', 'error', 'warning'].includes(line.kind))
          failures.push(`${where}: malformed line ${JSON.stringify(line)}`);
      if (printed.some((p) => /internal error/i.test(p.text)))
        failures.push(`${where}: internal error printed`);
      if (!l.health().ok) {
        failures.push(`${where}: lab stopped: ${l.health().error}`);
        lab = new Lab({ definition: presetDefinition('configured'), seed: seed + i });
      }
    } catch (e) {
      failures.push(`${where}: threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  });
  lab?.stop();
  return { lines: count, labs, failures };
}
