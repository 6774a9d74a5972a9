/**
 * Discovering commands: Get-Help (and PowerShell's `help` and `man`), Get-Command (gcm), cmd's
 * `help` and `help <command>`. Everything they print comes from the catalog (catalog/help.ts), and
 * only what exists on this host in this shell is found.
 */
import { CATALOG, cmdletSpec, commandsOn, lookup, namesOf, type CommandDecl } from '../../catalog';
import {
  cmdHelpList,
  commandRow,
  commandTable,
  helpList,
  helpText,
  syntaxOf,
  type CommandRow,
} from '../../catalog/help';
import { formatPsError, out } from '../../shell/psError';
import type { PsObject } from '../../shell/psObject';
import { likeName, wildcard } from '../../shell/wildcard';
import { bound } from '../args';
import { done, type CommandDef, type CommandEnv, type CommandOutcome } from '../types';

const getHelpSpec = cmdletSpec('Get-Help');
const getCommandSpec = cmdletSpec('Get-Command');

/** PowerShell's introduction when Get-Help has no name (the start of about_Command_Syntax's sibling, the help system topic). */
const HELP_INTRO = [
  '',
  'TOPIC',
  '    Windows PowerShell Help System',
  '',
  'SHORT DESCRIPTION',
  '    Displays help about Windows PowerShell cmdlets and concepts.',
  '',
  'LONG DESCRIPTION',
  '',
  'SYNTAX',
  '    get-help {<CmdletName> | <TopicName>}',
  '    help {<CmdletName> | <TopicName>}',
  '    <CmdletName> -?',
  '',
  '  "Get-help" and "-?" display help on one page.',
  '  "Help" displays help on multiple pages.',
  '',
  '  Examples:',
  '    get-help get-process  : Displays help about the Get-Process cmdlet.',
  '    get-help about_signing : Displays help about the signing concept.',
  '    help where-object     : Displays help about the Where-Object cmdlet.',
  '    help about_foreach    : Displays help about foreach loops in PowerShell.',
  '    set-service -?        : Displays help about the Set-Service cmdlet.',
  '',
  '  You can use wildcard characters in the help commands (not with -?).',
  '  If multiple help topics match, PowerShell displays a list of matching',
  '  topics. If only one help topic matches, PowerShell displays the topic.',
  '',
  '  Examples:',
  '    get-help *             : Displays all help topics.',
  '    get-help get-*         : Displays topics that begin with get-.',
  '    help *object*          : Displays topics with "object" in the name.',
  '',
];

function helpNotFound(env: CommandEnv, name: string): CommandOutcome {
  return done(
    formatPsError({
      command: 'Get-Help',
      message: `Get-Help could not find ${name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.`,
      line: env.line,
      column: env.cmd.nameAt,
      length: env.cmd.source.length,
      category: 'ResourceUnavailable',
      exception: 'HelpNotFoundException',
      errorId: `HelpNotFound,${getHelpSpec.className}`,
    }),
  );
}

/** Help for a name as typed, among the commands of this host (a wildcard lists the matches). */
export function helpFor(
  env: CommandEnv,
  name: string | undefined,
  catalog: readonly CommandDecl[] = CATALOG,
): CommandOutcome {
  if (name === undefined || name === '') return done(out(...HELP_INTRO));
  const here = commandsOn(env.host, 'powershell', catalog);
  if (wildcard(name)) {
    const hits = here.filter((d) => d.params && likeName(name, d.name));
    if (hits.length === 1 && hits[0]) return done(out(...helpText(hits[0])));
    return hits.length > 0 ? done(out(...helpList(hits))) : helpNotFound(env, name);
  }
  const d = lookup(name, here);
  return d ? done(out(...helpText(d))) : helpNotFound(env, name);
}

function getHelp(env: CommandEnv): CommandOutcome {
  const v = bound(env, getHelpSpec);
  if (Array.isArray(v)) return done(v);
  return helpFor(env, typeof v.Name === 'string' ? v.Name : undefined);
}

export const getHelpCommand: CommandDef = { name: 'Get-Help', run: getHelp };

/** `help`: PowerShell's paged Get-Help; in cmd, the list of commands, or a command's own `/?`. */
export const helpCommand: CommandDef = {
  name: 'help',
  run: (env) => {
    if (env.shell === 'powershell') return getHelp(env);
    const here = commandsOn(env.host, 'cmd');
    const topic = env.cmd.args[0]?.text;
    if (!topic) return done(out(...cmdHelpList(here)));
    const d = lookup(topic, here);
    if (!d)
      return done(out('This command is not supported by the help utility.  Try "x /?".'.replace('x', topic)));
    return done(out(d.synopsis, '', syntaxHint(d)));
  },
};

function syntaxHint(d: CommandDecl): string {
  return `${d.name.toUpperCase()} ${(d.switches ?? []).map((s) => `[${s}]`).join(' ')}`.trimEnd();
}

function rowsOf(d: CommandDecl): CommandRow[] {
  const aliases = (d.aliases ?? []).filter((a) => !a.includes('.'));
  return [commandRow(d), ...aliases.map((a) => commandRow(d, a))];
}

function toObject(r: CommandRow): PsObject {
  return {
    typeName: `System.Management.Automation.${r.commandType}Info`,
    props: [
      ['CommandType', r.commandType],
      ['Name', r.name],
      ['Version', r.version],
      ['Source', r.source],
    ],
  };
}

/** Get-Command: the cmdlets, functions and aliases of this host (programs only when named), or the first name it cannot find. */
export function listCommands(
  host: CommandEnv['host'],
  names: readonly string[] | undefined,
  modules: readonly string[] | undefined,
  catalog: readonly CommandDecl[] = CATALOG,
): CommandRow[] | string {
  const here = commandsOn(host, 'powershell', catalog);
  const inModule = (d: CommandDecl) => !modules || modules.some((m) => likeName(m, d.module ?? ''));
  const rows: CommandRow[] = [];
  if (!names) rows.push(...here.filter((d) => d.params && inModule(d)).flatMap(rowsOf));
  for (const n of names ?? []) {
    const found = here.filter((d) => inModule(d) && namesOf(d).some((x) => likeName(n, x)));
    if (found.length === 0 && !wildcard(n)) return n;
    for (const d of found) {
      const alias = d.aliases?.find((a) => likeName(n, a) && !a.includes('.'));
      rows.push(alias && !likeName(n, d.name) ? commandRow(d, alias) : commandRow(d));
    }
  }
  const order = ['Alias', 'Function', 'Cmdlet', 'Application'];
  rows.sort(
    (x, y) => order.indexOf(x.commandType) - order.indexOf(y.commandType) || x.name.localeCompare(y.name),
  );
  return rows.filter((r, i) => rows.findIndex((x) => x.name === r.name) === i);
}

export const getCommandCommand: CommandDef = {
  name: 'Get-Command',
  run: (env) => {
    const v = bound(env, getCommandSpec);
    if (Array.isArray(v)) return done(v);
    const names = v.Name as string[] | undefined;
    const modules = v.Module as string[] | undefined;
    if (v.Syntax === true && names) {
      const here = commandsOn(env.host, 'powershell');
      const ds = names.map((n) => lookup(n, here)).filter((d): d is CommandDecl => !!d);
      return done(out(...ds.flatMap((d) => ['', syntaxOf(d), ''])));
    }
    const rows = listCommands(env.host, names, modules);
    if (typeof rows === 'string') return done(notRecognizedByGetCommand(env, rows));
    return done(out(...commandTable(rows)), undefined, rows.map(toObject));
  },
};

function notRecognizedByGetCommand(env: CommandEnv, name: string) {
  return formatPsError({
    command: 'Get-Command',
    message: `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    line: env.line,
    column: env.cmd.nameAt,
    length: env.cmd.source.length,
    category: 'ObjectNotFound',
    target: `${name}:String`,
    exception: 'CommandNotFoundException',
    errorId: `CommandNotFoundException,${getCommandSpec.className}`,
  });
}
