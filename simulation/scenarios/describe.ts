/**
 * The learner's journal as a timeline a person reads: each lab command told in the words of the
 * surface it was given on ("Entra admin center: Password reset > Registration saved (…)"), never
 * an internal event name, never a password, code or CAPTCHA. Pure.
 */
import type { JournalCommand } from '../faults/commands';
import type { LabCommand } from '../lab/commands';
import type { LabDefinition } from '../core/definition';
import { AUTH_METHOD_LABELS } from '../cloud/tenantState';
import { FEATURE_LABELS, TASK_LABELS } from '../sync/wizard';

const MASK = '••••••••';

/**
 * A console line with what looks like a credential replaced: the value after -Password-like
 * parameters, ConvertTo-SecureString's string, `net user <name> <password>`, `/passwordd:`.
 */
export function maskConsoleLine(line: string): string {
  const value = String.raw`("[^"]*"|'[^']*'|[^\s;|)]+)`;
  return line
    .replace(new RegExp(String.raw`(ConvertTo-SecureString\s+(?:-String\s+)?)${value}`, 'gi'), `$1${MASK}`)
    .replace(
      new RegExp(String.raw`(-(?:Old|New)?Password\s+)(?!\()${value}`, 'gi'),
      (_m, p: string) => `${p}${MASK}`,
    )
    .replace(new RegExp(String.raw`(\bnet\s+user\s+\S+\s+)(?!/)${value}`, 'gi'), `$1${MASK}`)
    .replace(/(\/password[a-z]?:)("[^"]*"|\S+)/gi, `$1${MASK}`);
}

const hostName = (def: LabDefinition, id: string | undefined) =>
  def.hosts.find((h) => h.id === id)?.hostname ?? (id ?? '').toUpperCase();

/** The admin center blades and server tools a `surface.view` names, as the learner knows them. */
export const VIEW_LABELS: Record<string, string> = {
  'sspr.properties': 'Password reset > Properties',
  'sspr.methods': 'Password reset > Authentication methods',
  'sspr.registration': 'Password reset > Registration',
  'sspr.notifications': 'Password reset > Notifications',
  'sspr.customization': 'Password reset > Customization',
  'sspr.onprem': 'Password reset > On-premises integration',
  'sspr.adminPolicy': 'Password reset > Administrator policy',
  'sspr.audit': 'Password reset > Audit logs',
  authMethods: 'Authentication methods > Policies',
  users: 'Users',
  groups: 'Groups',
  connect: 'Microsoft Entra Connect',
  signins: 'Sign-in logs',
  services: 'Services',
  syncmanager: 'Synchronization Service Manager',
  aduc: 'Active Directory Users and Computers',
  gateway: 'Gateway firewall',
};

const yes = (b: boolean) => (b ? 'Yes' : 'No');

export function formatDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (h < 48) return m ? `${h} h ${m} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

function admin(a: Extract<LabCommand, { type: 'portal.admin' }>['action']): string {
  const blade = (name: string, what: string) =>
    `Entra admin center: Password reset > ${name} saved (${what})`;
  switch (a.type) {
    case 'sspr.properties':
      return blade(
        'Properties',
        `Self service password reset enabled: ${a.enabled}${a.enabled === 'Selected' && a.group ? `, group ${a.group}` : ''}`,
      );
    case 'sspr.authenticationMethods':
      return blade('Authentication methods', `Number of methods required to reset: ${a.methodsRequired}`);
    case 'sspr.registration':
      return blade(
        'Registration',
        `Require users to register when signing in: ${yes(a.requireOnSignIn)}; re-confirm after ${a.reconfirmDays} days`,
      );
    case 'sspr.notifications':
      return blade(
        'Notifications',
        `notify users: ${yes(a.notifyUsers)}; notify all admins: ${yes(a.notifyAdmins)}`,
      );
    case 'sspr.customization':
      return blade('Customization', `helpdesk link: ${yes(a.helpdeskLink)}`);
    case 'sspr.onPremises':
      return blade(
        'On-premises integration',
        `write back passwords: ${yes(a.writeback)}; unlock without reset: ${yes(a.allowUnlock)}`,
      );
    case 'authMethods.policy':
      return `Entra admin center: Authentication methods > ${AUTH_METHOD_LABELS[a.method]} ${a.enabled ? 'enabled' : 'disabled'}${a.target && a.target !== 'all' ? ` for ${a.target}` : ' for all users'}`;
    case 'authMethods.migration':
      return `Entra admin center: Authentication methods > migration set to "${a.state}"`;
    case 'user.license':
      return `Entra admin center: Users > ${a.user} > Licenses: ${a.sku} ${a.assigned ? 'assigned' : 'removed'}`;
    case 'user.role':
      return `Entra admin center: Users > ${a.user}: role ${a.role} ${a.assigned ? 'assigned' : 'removed'}`;
    case 'user.resetPassword':
      return `${a.portal === 'm365' ? 'Microsoft 365' : 'Entra'} admin center: Users > ${a.user}: password reset${a.forceChange ? ' (must change at next sign-in)' : ''}`;
    case 'user.deleteMethod':
      return `Entra admin center: Users > ${a.user} > Authentication methods: ${a.method === 'sms' ? 'phone' : 'Microsoft Authenticator'} deleted`;
    case 'group.create':
      return `Entra admin center: Groups: new group "${a.name}"`;
    case 'group.member':
      return `Entra admin center: Groups > ${a.group}: ${a.user} ${a.add ? 'added' : 'removed'}`;
    case 'authorizationPolicy':
      return `Entra admin center: Password reset > Administrator policy: administrators may use SSPR: ${yes(a.allowedToUseSspr)}`;
  }
}

function sspr(a: Extract<LabCommand, { type: 'portal.sspr' }>['action']): string {
  const methods: Record<string, string> = {
    sms: 'Text my mobile phone',
    authenticatorNotification: 'Approve a notification on my authenticator app',
    authenticatorCode: 'Enter a code from my authenticator app',
    email: 'Email my alternate email',
  };
  switch (a.type) {
    case 'open':
      return 'Password reset page (aka.ms/sspr) opened';
    case 'close':
      return 'Password reset page closed';
    case 'submitUser':
      return `Password reset page: user ID ${a.userId} and the CAPTCHA entered`;
    case 'chooseTrouble':
      return a.option === 'unlock'
        ? `Password reset page: "I know my password, but still can't sign in" chosen`
        : 'Password reset page: "I forgot my password" chosen';
    case 'chooseMethod':
      return `Password reset page: "${methods[a.method] ?? a.method}" chosen`;
    case 'sendSms':
      return `Password reset page: a text asked for, to ${a.phone}`;
    case 'enterCode':
      return 'Password reset page: verification code entered';
    case 'sendNotification':
      return 'Password reset page: notification sent to the Authenticator app';
    case 'submitPassword':
      return 'Password reset page: new password submitted';
  }
}

function myAccount(a: Extract<LabCommand, { type: 'portal.myaccount' }>['action']): string {
  switch (a.type) {
    case 'open':
      return 'My Account opened';
    case 'close':
      return 'My Account closed';
    case 'signIn':
      return `My Account: signed in as ${a.upn}`;
    case 'submitUsername':
      return `My Account: user name ${a.upn} entered`;
    case 'submitPassword':
      return 'My Account: password entered';
    case 'back':
      return 'My Account: Back';
    case 'staySignedIn':
      return `My Account: Stay signed in? ${a.stay ? 'Yes' : 'No'}`;
    case 'cancelAdd':
      return 'My Account: Add sign-in method cancelled';
    case 'signOut':
      return 'My Account: signed out';
    case 'next':
      return 'My Account: Next';
    case 'goto':
      return `My Account: ${{ home: 'Overview', securityInfo: 'Security info', changePassword: 'Change password' }[a.page]} opened`;
    case 'addMethod':
      return `My Account: Add sign-in method > ${a.method === 'phone' ? 'Phone' : 'Microsoft Authenticator'}`;
    case 'setPhone':
      return `My Account: phone number ${a.phone} entered`;
    case 'enterCode':
      return 'My Account: verification code entered';
    case 'authenticatorNext':
      return 'My Account: Microsoft Authenticator > Next';
    case 'changePassword':
      return 'My Account: password changed';
  }
}

function wizard(a: Extract<LabCommand, { type: 'connect.wizard' }>['action']): string {
  const w = 'Entra Connect wizard';
  switch (a.type) {
    case 'open':
      return `${w} opened`;
    case 'close':
      return `${w} closed`;
    case 'next':
      return `${w}: Next`;
    case 'back':
      return `${w}: Previous`;
    case 'chooseTask':
      return `${w}: "${TASK_LABELS[a.task]}" chosen`;
    case 'setCredentials':
      return `${w}: signed in to Entra ID as ${a.user}`;
    case 'setOuFilter':
      return `${w}: OU filtering set to ${a.ouFilter === 'all' ? 'all domains and OUs' : `${a.ouFilter.length} OU(s)`}`;
    case 'setFeature':
      return `${w}: ${FEATURE_LABELS[a.feature]} ${a.enabled ? 'ticked' : 'unticked'}`;
    case 'setStaging':
      return `${w}: "Enable staging mode" ${a.enabled ? 'ticked' : 'unticked'}`;
    case 'setStartSync':
      return `${w}: "Start the synchronization process" ${a.enabled ? 'ticked' : 'unticked'}`;
  }
}

function aduc(a: Extract<LabCommand, { type: 'aduc.action' }>['action']): string {
  const w = 'Active Directory Users and Computers';
  switch (a.type) {
    case 'resetPassword':
      return `${w}: ${a.user} > Reset Password${a.mustChange ? ' (must change at next logon)' : ''}${a.unlock ? ' and unlock' : ''}`;
    case 'unlock':
      return `${w}: ${a.user} > Account > unlocked`;
    case 'setAccountOptions': {
      const opts = Object.entries({
        'must change password at next logon': a.mustChange,
        'cannot change password': a.cannotChange,
        'password never expires': a.neverExpires,
        'account is disabled': a.disabled,
      })
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${v ? 'ticked' : 'unticked'}`);
      return `${w}: ${a.user} > Account options (${opts.join('; ')})`;
    }
    case 'addToGroup':
      return `${w}: ${a.user} added to ${a.group}`;
    case 'removeFromGroup':
      return `${w}: ${a.user} removed from ${a.group}`;
    case 'createUser':
      return `${w}: New > User ${a.fullName} (${a.samName})${a.disabled ? ', disabled' : ''}`;
  }
}

/** One journal command as a sentence; undefined for those a person would not call an action. */
export function describeCommand(c: JournalCommand, def: LabDefinition): string | undefined {
  switch (c.type) {
    case 'clock.advance':
      return `Clock ran ${formatDuration(c.ms)}`;
    case 'clock.next':
      return 'Clock moved to the next scheduled event';
    case 'console.exec':
      return `${hostName(def, c.host)} ${c.shell === 'cmd' ? 'Command Prompt' : 'PowerShell'}: ${maskConsoleLine(c.line)}`;
    case 'console.clear':
    case 'console.close':
      return undefined;
    case 'desktop.signIn':
      return `${hostName(def, c.host)} sign-in screen: signed in as ${c.user}`;
    case 'desktop.signOut':
      return `${hostName(def, c.host)}: signed out`;
    case 'desktop.changePassword':
      return `${hostName(def, c.host)}: password of ${c.user} changed`;
    case 'portal.admin':
      return admin(c.action);
    case 'portal.sspr':
      return sspr(c.action);
    case 'portal.myaccount':
      return myAccount(c.action);
    case 'connect.wizard':
      return wizard(c.action);
    case 'aduc.action':
      return aduc(c.action);
    case 'service.start':
    case 'service.stop':
    case 'service.restart':
      return `${hostName(def, c.host)} Services: ${c.service} ${c.type.slice(8)}${c.type === 'service.stop' ? 'ped' : 'ed'}`;
    case 'host.power':
      return `${hostName(def, c.host)} switched ${c.on ? 'on' : 'off'}`;
    case 'host.restart':
      return `${hostName(def, c.host)} restarted`;
    case 'link.cut':
      return `${hostName(def, c.host)}: network cable unplugged`;
    case 'link.restore':
      return `${hostName(def, c.host)}: network cable plugged in`;
    case 'phone.power':
      return `Phone ${c.phone} switched ${c.on ? 'on' : 'off'}`;
    case 'phone.scan':
      return `Phone ${c.phone}: QR code scanned in the Authenticator app`;
    case 'phone.respond':
      return `Phone ${c.phone}: sign-in request ${c.approve ? 'approved' : 'denied'}`;
    case 'gateway.firewall':
      return c.add
        ? `Gateway firewall: rule "${c.add.id}" added (${c.add.action} ${c.add.transport ?? 'any'}${c.add.host ? ` to ${c.add.host}` : ''}${c.add.port !== undefined ? ` port ${c.add.port}` : ''})`
        : `Gateway firewall: rule "${c.remove ?? ''}" deleted`;
    case 'syncmanager.connector': {
      const parts = [
        ...(c.password !== undefined ? ['connector account password changed'] : []),
        ...(c.ldapSignAndEncrypt !== undefined
          ? [`"Sign and Encrypt LDAP Traffic" ${c.ldapSignAndEncrypt ? 'ticked' : 'unticked'}`]
          : []),
      ];
      return `Synchronization Service Manager: ${parts.join('; ')}`;
    }
    case 'surface.view':
      return c.surface === 'admin'
        ? `Entra admin center: ${VIEW_LABELS[c.target] ?? c.target} opened`
        : c.surface === 'events'
          ? `${hostName(def, c.host)} Event Viewer: ${c.target} log opened`
          : `${hostName(def, c.host)}: ${VIEW_LABELS[c.target] ?? c.target} opened`;
    default:
      // Instructor commands are not part of a learner's timeline.
      return undefined;
  }
}
