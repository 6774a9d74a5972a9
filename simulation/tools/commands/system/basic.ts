/** Small built-ins: hostname, whoami, cls / Clear-Host, echo / Write-Output, ver. */
import { out } from '../../shell/psError';
import { done, type CommandDef } from '../types';

export const hostname: CommandDef = {
  name: 'hostname',
  run: ({ host }) => done(out(host.hostname)),
};

export const whoami: CommandDef = {
  name: 'whoami',
  run: ({ host, shell, cmd }) => {
    const user = host.consoles[shell].user.toLowerCase();
    const flag = cmd.args[0]?.text.toLowerCase();
    if (flag === '/upn') {
      const sam = user.split('\\')[1] ?? user;
      return done(out(`${sam}@${host.domainFqdn}`));
    }
    if (flag === '/fqdn') {
      const sam = user.split('\\')[1] ?? user;
      return done(out(`CN=${sam},CN=Users,DC=${host.domainFqdn.split('.').join(',DC=')}`));
    }
    if (flag && flag !== '/user') {
      return done([
        { kind: 'error', text: `ERROR: Invalid argument/option - '${cmd.args[0]?.text ?? ''}'.` },
        { kind: 'error', text: 'Type "WHOAMI /?" for usage.' },
      ]);
    }
    return done(out(user));
  },
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
