/**
 * Active Directory Users and Computers (dsa.msc) on the domain controller: what its dialogs ask of
 * the directory, and the texts they answer with. Every change is one of the directory requests the
 * console's cmdlets send (setPassword as an administrator's reset, unlock, setUser, groupMember),
 * here over LDAP to the DC itself, bound as the signed-in administrator: the DC's password policy,
 * ACLs, lockout state and auditing decide, as for any other client. A script (proc/script.ts); the
 * host machine keeps its result for the UI's message box.
 */
import type { DirErrorCode, DirOp, UserPatch } from '../net/appMessages';
import type { Script } from '../proc/script';
import type { AducAction } from '../core/actionSchemas';
import type { UserRecord } from '../roles/dcDirectoryReads';
import { dirCall, type DcSession } from './commands/ad/adClient';
import type { AducResult, WindowsHostContext } from '../windows/hostState';

/** What ADUC shows after an action; no `message` means it closes without a message box. */
/** The texts of dsa.msc's message boxes. Those marked unconfirmed are the lab's best wording. */
export const ADUC_TEXT = {
  title: 'Active Directory Domain Services',
  passwordChanged: (name: string) => `The password for ${name} has been changed.`,
  resetFailed: (name: string, reason: string) =>
    `Windows cannot complete the password change for ${name} because:\n${reason}`,
  policy:
    'The password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements.',
  /** Checked by the dialog itself, before anything goes to the DC. */
  mismatch: 'The passwords do not match. Type the password again.',
  /** unconfirmed: an Apply on the Account tab (unlock, account options) that the DC refused. */
  saveFailed: (name: string, reason: string) =>
    `Windows cannot save all changes to ${name} because:\n${reason}`,
  /** unconfirmed: Member Of > Add… or Remove that the DC refused. */
  memberFailed: (group: string, reason: string) =>
    `The following Active Directory Domain Services error occurred while modifying ${group}:\n${reason}`,
  /** unconfirmed: New › User refused by the directory (name or account taken, bad name). */
  createFailed: (name: string, reason: string) =>
    `Windows cannot create the object ${name} because:\n${reason}`,
  /** New › User with a password the policy refuses (nothing is created). */
  setPasswordFailed: (name: string) =>
    `Windows cannot set the password for ${name} because:\nThe password does not meet the password policy requirements. Check the minimum password length, password complexity and password history requirements.`,
  /** New › User: "Password never expires" ticked with "User must change password at next logon". */
  neverExpiresWarning:
    'You specified that the password should never expire. The user will not be required to change the password at next logon.',
  /** Member Of > Remove on the user's primary group. */
  primaryGroup:
    'The primary group cannot be removed. Set another group as primary if you want to remove this one.',
  /**
   * unconfirmed: the console opened while AD DS cannot be reached (Windows may add "Contact your
   * system administrator to verify that your domain is properly configured and is currently online.").
   */
  namingUnavailable:
    'Naming information cannot be located because: The specified domain either does not exist or could not be contacted.',
  /** The Account tab's unlock checkbox, and the Reset Password dialog's status line. */
  unlockLocked:
    'Unlock account. This account is currently locked out on this Active Directory Domain Controller.',
  unlockIdle: 'Unlock account',
  lockoutStatus: (locked: boolean) =>
    `Account Lockout Status on this Domain Controller: ${locked ? 'Locked out' : 'Unlocked'}`,
  /** Why a request failed, as ADUC words the LDAP error (unconfirmed except the first). */
  reasons: {
    'access-denied': 'Access is denied.',
    'restricted-sam': 'Access is denied.',
    'invalid-credentials': 'The user name or password is incorrect.',
    'no-such-object': 'There is no such object on the server.',
    unwilling: 'The server is unwilling to process the request.',
    unreachable: 'The server is not operational.',
    'account-locked': 'The referenced account is currently locked out and may not be logged on to.',
    'account-disabled': 'This account is currently disabled.',
    'wrong-password': 'The specified network password is not correct.',
    constraint: 'A constraint violation occurred.',
    'already-exists': 'The specified account already exists.',
    'name-in-use':
      'An attempt was made to add an object to the directory with a name that is already in use.',
    'invalid-name': 'The name provided is not a properly formed account name.',
  } satisfies Record<DirErrorCode | 'unreachable', string>,
} as const;

type Failure = DirErrorCode | 'unreachable';

/** ADUC on a DC binds to the directory on the same machine. */
function localDc(host: WindowsHostContext): DcSession {
  return { ip: '127.0.0.1', name: host.hostname };
}

function* call(host: WindowsHostContext, op: DirOp) {
  return yield* dirCall(host, localDc(host), 'ldap', op);
}

function accountPatch(a: Extract<AducAction, { type: 'setAccountOptions' }>): UserPatch {
  return {
    ...(a.mustChange !== undefined ? { mustChange: a.mustChange } : {}),
    ...(a.cannotChange !== undefined ? { cannotChangePassword: a.cannotChange } : {}),
    ...(a.neverExpires !== undefined ? { passwordNeverExpires: a.neverExpires } : {}),
    ...(a.disabled !== undefined ? { enabled: !a.disabled } : {}),
  };
}

const fail = (message: string): AducResult => ({ ok: false, title: ADUC_TEXT.title, message });
const reason = (e: Failure) => ADUC_TEXT.reasons[e];

/** Runs one ADUC action against the DC and says what the console shows afterwards. */
export function* aducScript(host: WindowsHostContext, action: AducAction): Script<AducResult> {
  if (action.type === 'createUser') return yield* newUser(host, action);
  if (action.type === 'resetPassword' && action.password !== action.confirm) return fail(ADUC_TEXT.mismatch);
  const found = yield* call(host, { op: 'getUser', identity: action.user });
  if (!found.ok)
    return fail(
      action.type === 'resetPassword'
        ? ADUC_TEXT.resetFailed(action.user, reason(found.error))
        : ADUC_TEXT.saveFailed(action.user, reason(found.error)),
    );
  const user = found.result as UserRecord;
  const name = user.displayName || user.name;
  switch (action.type) {
    case 'resetPassword': {
      const r = yield* call(host, {
        op: 'setPassword',
        identity: user.sam,
        newPassword: action.password,
        mode: 'admin-reset',
        mustChange: action.mustChange,
        unlock: action.unlock,
      });
      if (r.ok) return { ok: true, title: ADUC_TEXT.title, message: ADUC_TEXT.passwordChanged(name) };
      return fail(ADUC_TEXT.resetFailed(name, r.error === 'constraint' ? ADUC_TEXT.policy : reason(r.error)));
    }
    case 'unlock': {
      const r = yield* call(host, { op: 'unlock', identity: user.sam });
      return r.ok ? { ok: true } : fail(ADUC_TEXT.saveFailed(name, reason(r.error)));
    }
    case 'setAccountOptions': {
      const r = yield* call(host, { op: 'setUser', identity: user.sam, patch: accountPatch(action) });
      return r.ok ? { ok: true } : fail(ADUC_TEXT.saveFailed(name, reason(r.error)));
    }
    case 'addToGroup':
    case 'removeFromGroup': {
      // The lab keeps every account's primary group at Domain Users (primaryGroupID 513).
      if (action.type === 'removeFromGroup' && action.group.toLowerCase() === 'domain users')
        return fail(ADUC_TEXT.primaryGroup);
      const r = yield* call(host, {
        op: 'groupMember',
        group: action.group,
        identity: user.sam,
        add: action.type === 'addToGroup',
      });
      return r.ok ? { ok: true } : fail(ADUC_TEXT.memberFailed(action.group, reason(r.error)));
    }
  }
}

/**
 * New › User: one request that creates the account with its password and options, so a password
 * the policy refuses leaves nothing behind (the wizard goes back to its password page), as the
 * console does; then "User cannot change password" as an ACL-backed attribute write.
 */
function* newUser(
  host: WindowsHostContext,
  a: Extract<AducAction, { type: 'createUser' }>,
): Script<AducResult> {
  if (a.password !== a.confirm) return fail(ADUC_TEXT.mismatch);
  const r = yield* call(host, {
    op: 'createUser',
    user: {
      sam: a.samName,
      name: a.fullName,
      parent: a.parent,
      ...(a.logonName ? { upn: `${a.logonName}@${a.upnSuffix}` } : {}),
      ...(a.firstName ? { givenName: a.firstName } : {}),
      ...(a.lastName ? { surname: a.lastName } : {}),
      displayName: a.fullName,
      password: a.password,
      enabled: !a.disabled,
      mustChange: a.mustChange && !a.neverExpires,
      passwordNeverExpires: a.neverExpires,
    },
  });
  if (!r.ok)
    return fail(
      r.error === 'constraint'
        ? ADUC_TEXT.setPasswordFailed(a.fullName)
        : ADUC_TEXT.createFailed(a.fullName, reason(r.error)),
    );
  if (a.cannotChange) {
    const c = yield* call(host, {
      op: 'setUser',
      identity: a.samName,
      patch: { cannotChangePassword: true },
    });
    if (!c.ok) return fail(ADUC_TEXT.saveFailed(a.fullName, reason(c.error)));
  }
  return { ok: true };
}
