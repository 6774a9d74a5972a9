/**
 * nltest: /dsgetdc, /dclist, /dcname through the DC locator, /sc_query, /sc_verify and /sc_reset
 * of the secure channel, /domain_trusts and /dsgetsite, with nltest's Win32 status lines and
 * usage.
 */
import type { LdapPingReply } from '../../../net/appMessages';
import type { Ipv4 } from '../../../net/ipv4';
import type { Script } from '../../../proc/script';
import { locateDc } from '../../../windows/dcLocator';
import type { ConsoleLine } from '../../../windows/hostState';
import { resolveName } from '../../../windows/resolver';
import { out } from '../../shell/psError';
import { nextSecret, ownDomain, resetChannel, verifyChannel } from './dcExchanges';
import { done, type CommandDef, type CommandEnv, type CommandResult } from '../types';

/** `Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN`, as nltest writes a Win32 status. */
function status(code: number, name: string): string {
  return `Status = ${code} 0x${code.toString(16)} ${name}`;
}

/** nltest's texts (reference §6.6; the DC's own secure-channel answer is unconfirmed). */
export const NLTEST = {
  completed: 'The command completed successfully',
  noSuchDomain: status(1355, 'ERROR_NO_SUCH_DOMAIN'),
  noLogonServers: status(1311, 'ERROR_NO_LOGON_SERVERS'),
  accessDenied: status(5, 'ERROR_ACCESS_DENIED'),
  logonFailure: status(1326, 'ERROR_LOGON_FAILURE'),
  success: status(0, 'NERR_Success'),
  /** Netlogon on a PDC has no secure channel to its own domain (unconfirmed exact code). */
  invalidRole: status(1354, 'ERROR_INVALID_DOMAIN_ROLE'),
  /** The local Netlogon service is not running. */
  unknownInterface: status(1717, 'RPC_S_UNKNOWN_IF'),
  usage: [
    'Usage: nltest [/OPTIONS]',
    '',
    '    /SERVER:<ServerName> - Specify <ServerName>',
    '',
    '    /QUERY - Query <ServerName> netlogon service',
    '    /SC_QUERY:<DomainName> - Query secure channel for <Domain> on <ServerName>',
    '    /SC_RESET:<DomainName>[\\<DcName>] - Reset secure channel for <Domain> on <ServerName> to <DcName>',
    '    /SC_VERIFY:<DomainName> - Verify secure channel for <Domain> on <ServerName>',
    '    /SC_CHANGE_PWD:<DomainName> - Change a secure channel  password for <Domain> on <ServerName>',
    "    /DCLIST:<DomainName> - Get list of DC's for <DomainName>",
    '    /DCNAME:<DomainName> - Get the PDC name for <DomainName>',
    '    /DSGETDC:<DomainName> - Call DsGetDcName',
    '        /PDC /DS /DSP /GC /KDC /TIMESERV /GTIMESERV /WS /NETBIOS /DNS /IP /FORCE /WRITABLE /AVOIDSELF /LDAPONLY /BACKG',
    '        /DS_6 /DS_8 /DS_9 /DS_10 /KEYLIST /TRY_NEXT_CLOSEST_SITE /SITE:<SiteName> /ACCOUNT:<AccountName>',
    '        /RET_DNS /RET_NETBIOS',
    '    /DSGETSITE - Call DsGetSiteName',
    '    /DOMAIN_TRUSTS - Query domain trusts on <ServerName>',
    '',
  ],
} as const;

const NLTEST_OPS = [
  'dsgetdc',
  'dclist',
  'dcname',
  'sc_query',
  'sc_verify',
  'sc_reset',
  'domain_trusts',
  'dsgetsite',
];
const DSGETDC_FLAGS = [
  'force', 'pdc', 'ds', 'dsp', 'gc', 'kdc', 'timeserv', 'gtimeserv', 'ws', 'netbios', 'dns', 'ip', 'writable',
  'avoidself', 'ldaponly', 'backg', 'ds_6', 'ds_8', 'ds_9', 'ds_10', 'keylist', 'try_next_closest_site',
  'ret_dns', 'ret_netbios', 'site', 'account',
]; // prettier-ignore

interface NltestArgs {
  op: string;
  value: string;
  flags: Set<string>;
}

function parseNltest(env: CommandEnv): NltestArgs | undefined {
  let op: string | undefined;
  let value = '';
  const flags = new Set<string>();
  for (const a of env.cmd.args) {
    const m = /^[/-]([A-Za-z_0-9]+)(?::(.*))?$/.exec(a.text);
    if (!m) return undefined;
    const key = (m[1] ?? '').toLowerCase();
    if (NLTEST_OPS.includes(key)) {
      if (op) return undefined;
      op = key;
      value = m[2] ?? '';
    } else if (DSGETDC_FLAGS.includes(key)) flags.add(key);
    else if (key !== 'server') return undefined;
  }
  return op ? { op, value, flags } : undefined;
}

function channelBlock(flags: string, dc: string, code: string, verify?: string): ConsoleLine[] {
  return out(
    `Flags: ${flags}`,
    `Trusted DC Name ${dc}`.trimEnd(),
    `Trusted DC Connection Status ${code}`,
    ...(verify ? [`Trust Verification ${verify}`] : []),
    NLTEST.completed,
  );
}

function* nltestScript(env: CommandEnv, a: NltestArgs): Script<CommandResult> {
  const host = env.host;
  const say = (...lines: string[]): CommandResult => ({ lines: out(...lines) });
  const [domainPart = '', dcPart] = a.value.split('\\');
  const netbiosAsked = domainPart !== '' && domainPart.toLowerCase() === host.domainNetbios.toLowerCase();
  const domain = ownDomain(host, domainPart) ? host.domainFqdn : domainPart;

  if (a.op.startsWith('sc_')) {
    if (host.services.Netlogon?.status !== 'Running')
      return say(`I_NetLogonControl failed: ${NLTEST.unknownInterface}`);
    if (!ownDomain(host, domainPart)) return say(`I_NetLogonControl failed: ${NLTEST.noSuchDomain}`);
    if (host.kind === 'dc') return say(`I_NetLogonControl failed: ${NLTEST.invalidRole}`);
    const broken = (code: string) =>
      ({
        lines: channelBlock('0', '', code, a.op === 'sc_verify' ? code : undefined),
      }) satisfies CommandResult;
    let dcIp: Ipv4 | undefined;
    let dcName = '';
    let located: LdapPingReply | undefined;
    if (a.op === 'sc_reset' && dcPart) {
      const r = yield* resolveName(host, dcPart);
      if (r.ok) {
        dcIp = r.ip;
        // The DC as it was named, host label in capitals: \\DC01.laborhub.store.
        const [label = '', ...rest] = r.name.split('.');
        dcName = `\\\\${[label.toUpperCase(), ...rest].join('.')}`;
      }
    } else {
      const loc = yield* locateDc(host, domain);
      if (loc.ok) {
        located = loc.dc;
        dcIp = loc.dc.dcIp;
        dcName = `\\\\${loc.dc.dcName}.${loc.dc.domain}`;
      }
    }
    if (!dcIp) return broken(NLTEST.noLogonServers);
    if (a.op === 'sc_reset') {
      const secret = nextSecret(host);
      const r = yield* resetChannel(host, dcIp, secret);
      if (r === 'unreachable') return broken(NLTEST.noLogonServers);
      if (r === 'ERROR_LOGON_FAILURE') return say(`I_NetLogonControl failed: ${NLTEST.logonFailure}`);
      if (r === 'ERROR_ACCESS_DENIED') return say(`I_NetLogonControl failed: ${NLTEST.accessDenied}`);
      return {
        lines: channelBlock('30 HAS_IP  HAS_TIMESERV', dcName, NLTEST.success),
        effects: [{ type: 'machineSecret', secret }],
      };
    }
    const check = yield* verifyChannel(host, located as LdapPingReply);
    if (check === 'unreachable') return broken(NLTEST.noLogonServers);
    if (check === 'denied') return broken(NLTEST.accessDenied);
    return a.op === 'sc_verify'
      ? { lines: channelBlock('b0 HAS_IP  HAS_TIMESERV', dcName, NLTEST.success, NLTEST.success) }
      : { lines: channelBlock('30 HAS_IP  HAS_TIMESERV', dcName, NLTEST.success) };
  }

  const loc = yield* locateDc(host, domain);
  const avoidSelf =
    a.flags.has('avoidself') && loc.ok && loc.dc.dcName.toLowerCase() === host.hostname.toLowerCase();
  if (!loc.ok || avoidSelf) {
    switch (a.op) {
      case 'dclist':
        return say(`Cannot find DC to get DC list from.${NLTEST.noSuchDomain}`);
      case 'dcname':
        return say(`NetGetDCName failed: ${status(2453, 'NERR_DCNotFound')}`);
      case 'domain_trusts':
        return say(`DsEnumerateDomainTrusts failed: ${NLTEST.noSuchDomain}`);
      case 'dsgetsite':
        return say(`DsGetSiteName failed: ${status(1919, 'ERROR_NO_SITENAME')}`);
      default:
        return say(`Getting DC name failed: ${NLTEST.noSuchDomain}`);
    }
  }
  const dc = loc.dc;
  const dcFqdn = `${dc.dcName}.${dc.domain}`;
  switch (a.op) {
    case 'dclist':
      return say(
        `Get list of DCs in domain '${domainPart || host.domainFqdn}' from '\\\\${dcFqdn}'.`,
        `    ${dcFqdn} [PDC]  [DS] Site: ${dc.site}`,
        NLTEST.completed,
      );
    case 'dcname':
      return say(`PDC for Domain ${domainPart || host.domainNetbios} is \\\\${dc.dcName}`, NLTEST.completed);
    case 'domain_trusts':
      return say(
        'List of domain trusts:',
        `    0: ${dc.netbios} ${dc.domain} (NT 5) (Forest Tree Root) (Primary Domain) (Native)`,
        NLTEST.completed,
      );
    case 'dsgetsite':
      return say(dc.site, NLTEST.completed);
    default: {
      const flat = (netbiosAsked && !a.flags.has('ret_dns')) || a.flags.has('ret_netbios');
      const flags = flat ? dc.flags.filter((f) => !f.startsWith('DNS_')) : dc.flags;
      return say(
        `           DC: \\\\${flat ? dc.dcName : dcFqdn}`,
        `      Address: \\\\${dc.dcIp}`,
        `     Dom Guid: ${dc.domainGuid}`,
        `     Dom Name: ${flat ? dc.netbios : dc.domain}`,
        `  Forest Name: ${dc.forest}`,
        ` Dc Site Name: ${dc.site}`,
        `Our Site Name: ${dc.site}`,
        `        Flags: ${flags.join(' ')}`,
        NLTEST.completed,
      );
    }
  }
}

export const nltest: CommandDef = {
  name: 'nltest',
  run: (env) => {
    const a = parseNltest(env);
    if (!a) return done(out(...NLTEST.usage));
    return { kind: 'script', script: () => nltestScript(env, a) };
  },
};
