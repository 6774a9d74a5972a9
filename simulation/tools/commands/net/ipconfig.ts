/** `ipconfig` with /all, /release, /renew, /flushdns, /displaydns and /?. */
import {
  ipconfigAll,
  ipconfigBrief,
  ipconfigFlushDns,
  ipconfigMediaDisconnected,
  ipconfigNotDhcp,
} from '../../../windows/ipconfig';
import { out } from '../../shell/psError';
import { done, type CommandDef } from '../types';

const USAGE = [
  '',
  'USAGE:',
  '    ipconfig [/allcompartments] [/? | /all |',
  '                                 /renew [adapter] | /release [adapter] |',
  '                                 /renew6 [adapter] | /release6 [adapter] |',
  '                                 /flushdns | /displaydns | /registerdns |',
  '                                 /showclassid adapter |',
  '                                 /setclassid adapter [classid] |',
  '                                 /showclassid6 adapter |',
  '                                 /setclassid6 adapter [classid] ]',
  '',
  'where',
  '    adapter             Connection name',
  '                       (wildcard characters * and ? allowed, see examples)',
  '',
  '    Options:',
  '       /?               Display this help message',
  '       /all             Display full configuration information.',
  '       /release         Release the IPv4 address for the specified adapter.',
  '       /renew           Renew the IPv4 address for the specified adapter.',
  '       /flushdns        Purges the DNS Resolver cache.',
  '       /registerdns     Refreshes all DHCP leases and re-registers DNS names',
  '       /displaydns      Display the contents of the DNS Resolver Cache.',
  '',
];

export const ipconfig: CommandDef = {
  name: 'ipconfig',
  run: ({ host, cmd, offsetMinutes }) => {
    const opts = cmd.args.map((a) => a.text.toLowerCase().replace(/^-/, '/'));
    const first = opts[0];
    if (!first) return done(out(...ipconfigBrief(host)));
    switch (first) {
      case '/all':
        return done(out(...ipconfigAll(host, offsetMinutes)));
      case '/flushdns':
        return done(out(...ipconfigFlushDns()), [{ type: 'flushDns' }]);
      case '/displaydns':
        return done(out('', 'Windows IP Configuration', ''));
      case '/registerdns':
        return done(
          out(
            '',
            'Windows IP Configuration',
            '',
            'Registration of the DNS resource records for all adapters of this computer has been initiated. Any errors will be reported in the Event Viewer in 15 minutes.',
          ),
        );
      case '/release':
      case '/renew': {
        const op = first === '/release' ? 'release' : 'renew';
        if (!host.nic.dhcpEnabled) return done(out(...ipconfigNotDhcp()));
        if (!host.nic.mediaConnected) return done(out(...ipconfigMediaDisconnected(host)));
        return { kind: 'dhcp', op };
      }
      case '/?':
        return done(out(...USAGE));
      default:
        return done(out('', `Error: unrecognized or incomplete command line.`, ...USAGE));
    }
  },
};
