/**
 * cmd's `date` and `time`: show the host's date or time (/T, or with the prompt for a new one) and
 * set it; in PowerShell `date` is Get-Date.
 */
import { out } from '../../shell/psError';
import { civil, daysFromCivil, pad2, type Civil } from './calendar';
import { setClock } from './clockChange';
import { localNow } from './hostTime';
import { WEEKDAYS } from '../../../core/time';
import { daysIn, parseClock } from './dates';
import { getDate } from './getSetDate';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

export const DATE_TIME_TEXT = {
  dateHelp: [
    'Displays or sets the date.',
    '',
    'DATE [/T | date]',
    '',
    'Type DATE without parameters to display the current date setting and',
    'a prompt for a new one.  Press ENTER to keep the same date.',
    '',
    'If Command Extensions are enabled the DATE command supports',
    'the /T switch which tells the command to just output the',
    'current date, without prompting for a new date.',
  ],
  timeHelp: [
    'Displays or sets the system time.',
    '',
    'TIME [/T | time]',
    '',
    'Type TIME with no parameters to display the current time setting and a prompt',
    'for a new one.  Press ENTER to keep the same time.',
    '',
    'If Command Extensions are enabled the TIME command supports',
    'the /T switch which tells the command to just output the',
    'current time, without prompting for a new time.',
  ],
  badDate: 'The system cannot accept the date entered.',
  badTime: 'The system cannot accept the time entered.',
  newDate: 'Enter the new date: (mm-dd-yy) ',
  newTime: 'Enter the new time: ',
} as const;

const cmdDateText = (c: Civil) =>
  `${WEEKDAYS[c.weekday]?.slice(0, 3) ?? ''} ${pad2(c.month)}/${pad2(c.day)}/${c.year}`;

function cmdDate(env: CommandEnv): CommandResult {
  const args = env.cmd.args.map((a) => a.text);
  const now = localNow(env);
  const c = civil(now);
  const first = args[0]?.toLowerCase();
  if (first === '/?') return { lines: out(...DATE_TIME_TEXT.dateHelp) };
  if (first === '/t') return { lines: out(cmdDateText(c)) };
  if (first === undefined)
    return { lines: out(`The current date is: ${cmdDateText(c)}`, DATE_TIME_TEXT.newDate) };
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(args.join(' '));
  const y = m ? (m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : 0;
  const mo = Number(m?.[1] ?? 0);
  const d = Number(m?.[2] ?? 0);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1980 || y > 2107)
    return { lines: out(DATE_TIME_TEXT.badDate, DATE_TIME_TEXT.newDate) };
  const timeOfDay = now - Math.floor(now / 86400000) * 86400000;
  return { lines: [], effects: setClock(env, daysFromCivil(y, mo, d) * 86400000 + timeOfDay) };
}

export const date: CommandDef = {
  name: 'date',
  // cmd's DATE; in PowerShell `date` finds Get-Date (PowerShell tries the Get- verb).
  run: (env) => (env.shell === 'powershell' ? getDate.run(env) : { kind: 'done', result: cmdDate(env) }),
};

export const time: CommandDef = {
  name: 'time',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const now = localNow(env);
    const c = civil(now);
    const first = args[0]?.toLowerCase();
    if (first === '/?') return done(out(...DATE_TIME_TEXT.timeHelp));
    if (first === '/t') {
      const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
      return done(out(`${pad2(h12)}:${pad2(c.minute)} ${c.hour < 12 ? 'AM' : 'PM'}`));
    }
    if (first === undefined)
      return done(
        out(
          `The current time is: ${String(c.hour).padStart(2, ' ')}:${pad2(c.minute)}:${pad2(c.second)}.${pad2(Math.floor(c.ms / 10))}`,
          DATE_TIME_TEXT.newTime,
        ),
      );
    const clock = parseClock(args.join(' '));
    if (!clock || clock.zone !== undefined) return done(out(DATE_TIME_TEXT.badTime, DATE_TIME_TEXT.newTime));
    return done([], setClock(env, Math.floor(now / 86400000) * 86400000 + clock.ms));
  },
};
