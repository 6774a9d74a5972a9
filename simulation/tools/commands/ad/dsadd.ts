/**
 * `dsadd user <DN>` (AD DS tools, on the DC and the Entra Connect server; Microsoft Learn "Dsadd
 * user"): -samid, -upn, -fn, -ln, -display, -desc, -pwd, -mustchpwd, -pwdneverexpires,
 * -disabled. Over LDAP with the console user's credentials, in the order the directory needs:
 * the object (disabled, no password), its password, then enabled unless `-disabled yes`. Prints
 * `dsadd succeeded:<DN>` or `dsadd failed:<DN>:<message>` and the help hint.
 */
import type { Script } from '../../../proc/script';
import type { DirErrorCode, DirOp } from '../../../net/appMessages';
import { out } from '../../shell/psError';
import { dirCall, findDc, type DcSession } from './adClient';
import type { WindowsHostContext } from '../../../windows/hostState';
import { done, type CommandDef, type CommandResult } from '../types';

const MESSAGES: Partial<Record<DirErrorCode | 'unreachable', string>> = {
  unreachable: 'The server is not operational.',
  'invalid-credentials': 'The user name or password is incorrect.',
  'access-denied': 'Access is denied.',
  'restricted-sam': 'Access is denied.',
  'no-such-object': 'There is no such object on the server.',
  'already-exists': 'The specified account already exists.',
  'name-in-use': 'An attempt was made to add an object to the directory with a name that is already in use.',
  'invalid-name': 'The name provided is not a properly formed account name.',
  constraint: 'The password does not meet the length, complexity, or history requirement of the domain.',
};

const HINT = 'type dsadd /? for help.';

function splitDn(dn: string): { cn: string; parent: string } | undefined {
  const m = /^CN=((?:[^,\\]|\\.)+),(.+)$/i.exec(dn.trim());
  return m && m[1] && m[2] ? { cn: m[1], parent: m[2] } : undefined;
}

function* dsaddUser(host: WindowsHostContext, dn: string, o: Record<string, string>): Script<CommandResult> {
  const parts = splitDn(dn);
  const failed = (message: string) => ({ lines: out(`dsadd failed:${dn}:${message}`, HINT) });
  if (!parts)
    return {
      lines: out("dsadd failed:Value for 'Target object for this command' has incorrect format.", HINT),
    };
  const found = yield* findDc(host);
  if (!found.ok) return failed(MESSAGES.unreachable ?? '');
  const dc: DcSession = found.dc;
  const call = (op: DirOp) => dirCall(host, dc, 'ldap', op);
  const yes = (v: string | undefined) => v?.toLowerCase() === 'yes';
  const created = yield* call({
    op: 'createUser',
    user: {
      sam: o.samid ?? parts.cn.slice(0, 20),
      name: parts.cn,
      parent: parts.parent,
      upn: o.upn,
      givenName: o.fn,
      surname: o.ln,
      displayName: o.display,
      description: o.desc,
      enabled: false,
      passwordNeverExpires: yes(o.pwdneverexpires) || undefined,
    },
  });
  if (!created.ok) return failed(MESSAGES[created.error] ?? created.error);
  if (o.pwd !== undefined) {
    const r = yield* call({
      op: 'setPassword',
      identity: o.samid ?? parts.cn.slice(0, 20),
      newPassword: o.pwd,
      mode: 'admin-reset',
      mustChange: yes(o.mustchpwd) || undefined,
    });
    if (!r.ok) return failed(MESSAGES[r.error] ?? r.error);
  }
  if (!yes(o.disabled)) {
    const r = yield* call({
      op: 'setUser',
      identity: o.samid ?? parts.cn.slice(0, 20),
      patch: { enabled: true },
    });
    if (!r.ok) return failed(MESSAGES[r.error] ?? r.error);
  }
  return { lines: out(`dsadd succeeded:${dn}`) };
}

export const dsadd: CommandDef = {
  name: 'dsadd',
  run: (env) => {
    const args = env.cmd.args.map((a) => a.text);
    const [kind, dn, ...rest] = args;
    if (kind?.toLowerCase() !== 'user' || dn === undefined)
      return done([
        {
          kind: 'error',
          text: "HybridLab: the lab's dsadd creates users: dsadd user <DN> [-samid <name>] [-upn <UPN>] [-pwd <password>] [-disabled {yes|no}]",
        },
      ]);
    const o: Record<string, string> = {};
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i] ?? '';
      if (a.startsWith('-')) o[a.slice(1).toLowerCase()] = (rest[i + 1] ?? '').replace(/^"|"$/g, '');
      if (a.startsWith('-')) i++;
    }
    return { kind: 'script', script: () => dsaddUser(env.host, dn.replace(/^"|"$/g, ''), o) };
  },
};
