/** Small built-ins: hostname, cls / Clear-Host, echo / Write-Output, ver. */
import { out } from '../../shell/psError';
import { done, type CommandDef } from '../types';

export const hostname: CommandDef = {
  name: 'hostname',
  run: ({ host }) => done(out(host.hostname)),
};

export const cls: CommandDef = {
  name: 'cls',
  run: () => done([], [{ type: 'clear' }]),
};

export const echo: CommandDef = {
  name: 'echo',
  run: ({ cmd, shell }) => {
    if (shell === 'cmd') {
      const rest = cmd.source.slice(cmd.name.length).replace(/^\s/, '');
      return done(out(rest.length > 0 ? rest : 'ECHO is on.'));
    }
    return done(out(...cmd.args.map((a) => a.text)));
  },
};

export const ver: CommandDef = {
  name: 'ver',
  run: ({ host }) => done(out('', `Microsoft Windows [Version ${host.osBuild}]`)),
};
