/**
 * Active Directory's data shapes that more than one layer speaks: the domain's password policy,
 * how a password is being set, the rights, access-control entries and edits. The directory protocol
 * (net/appMessages.ts) carries them; roles/ implements them; the console prints them. Types, and the
 * list of rights that the schemas and the effective-rights read share.
 */

export interface PasswordPolicy {
  minLength: number;
  complexity: boolean;
  historyCount: number;
  minAgeDays: number;
  maxAgeDays: number;
  lockoutThreshold: number;
  lockoutDurationMinutes: number;
  lockoutWindowMinutes: number;
  reversibleEncryption: boolean;
}

export type SetMode =
  /** the user changes their own password, knowing the old one */
  | 'change'
  /** SSPR writeback reset or admin reset from the Entra admin center (policy hints: history and age apply) */
  | 'writeback-reset'
  /** a domain administrator's reset on-premises (ADUC, Set-ADAccountPassword -Reset) */
  | 'admin-reset';

/** The extended rights and property writes the lab's ACLs grant, in the order the console lists them. */
export const AD_RIGHTS = [
  'Reset Password',
  'Change Password',
  'Write lockoutTime',
  'Write pwdLastSet',
  'Unexpire Password',
  'Replicating Directory Changes',
  'Replicating Directory Changes All',
] as const;

export type AdRight = (typeof AD_RIGHTS)[number];

export interface Ace {
  trustee: string;
  right: AdRight;
  /** DN of the object the ACE sits on. */
  on: string;
  appliesTo: 'this' | 'descendant-users' | 'this-and-descendants';
  allow: boolean;
}

export interface AclEdit {
  /** New ACEs on the object (their `on` is set to its DN). */
  grant?: Omit<Ace, 'on'>[];
  /** Removes every ACE of this trustee set on the object (dsacls /R). */
  revoke?: string;
  /** Sets (true) or clears (false) the protected flag (dsacls /P:Y, /P:N). */
  protect?: boolean;
}
