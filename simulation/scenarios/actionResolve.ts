/**
 * A parsed learner action (actions.ts) turned into the lab command it means at the moment it runs:
 * the macros (@captcha, @smsCode, @activationCode, @pushNumber) are read from the learner's view
 * then, and the short forms (signin, service, power, phone, …) become the lab's commands.
 */
import type { LearnerView } from '../lab/projection';
import type { ActionValue, ParsedAction } from './actions';

export type Resolve = { ok: true; command: Record<string, unknown> } | { ok: false; error: string };

const DEFAULT_PHONE = 'phone-michael';

function macro(
  name: string,
  view: LearnerView,
): { ok: true; value: ActionValue } | { ok: false; error: string } {
  const [key, arg] = name.slice(1).split(':');
  switch (key) {
    case 'captcha': {
      const p = view.browser.sspr;
      return p.page === 'userId'
        ? { ok: true, value: p.captcha }
        : { ok: false, error: '@captcha: the SSPR page is not showing a CAPTCHA' };
    }
    case 'smsCode': {
      const sms = view.phones[arg ?? DEFAULT_PHONE]?.sms.at(-1);
      const code = sms?.text.match(/\b(\d{6})\b/)?.[1];
      return code
        ? { ok: true, value: code }
        : { ok: false, error: `@smsCode: no code in the last SMS on ${arg ?? DEFAULT_PHONE}` };
    }
    case 'activationCode': {
      const p = view.browser.myAccount.page;
      return p.page === 'securityInfo' && p.add?.stage === 'scan'
        ? { ok: true, value: p.add.activationCode }
        : { ok: false, error: '@activationCode: My Account is not showing a QR code' };
    }
    case 'pushNumber': {
      const s = view.browser.sspr;
      if (s.page === 'verify' && s.pushNumber !== undefined) return { ok: true, value: s.pushNumber };
      const m = view.browser.myAccount.page;
      if (m.page === 'securityInfo' && m.add?.stage === 'tryItOut') return { ok: true, value: m.add.number };
      return { ok: false, error: '@pushNumber: no number is shown for the Authenticator app' };
    }
    default:
      return { ok: false, error: `unknown macro ${name}` };
  }
}

function expand(
  fields: Record<string, ActionValue>,
  view: LearnerView,
): { ok: true; fields: Record<string, ActionValue> } | { ok: false; error: string } {
  const out: Record<string, ActionValue> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' && v.startsWith('@')) {
      const m = macro(v, view);
      if (!m.ok) return m;
      out[k] = m.value;
    } else out[k] = v;
  }
  return { ok: true, fields: out };
}

/** Turns a parsed action into the lab command it means right now (macros read from the learner's view). */
export function resolveAction(a: ParsedAction, view: LearnerView): Resolve {
  switch (a.kind) {
    case 'advance':
      return { ok: true, command: { type: 'clock.advance', ms: a.ms } };
    case 'next':
      return { ok: true, command: { type: 'clock.next' } };
    case 'console':
      return { ok: true, command: { type: 'console.exec', host: a.host, shell: a.shell, line: a.line } };
    case 'portal': {
      const f = expand(a.fields, view);
      if (!f.ok) return f;
      const type = {
        admin: 'portal.admin',
        wizard: 'connect.wizard',
        sspr: 'portal.sspr',
        myaccount: 'portal.myaccount',
      }[a.surface];
      return { ok: true, command: { type, action: { ...f.fields, type: a.action } } };
    }
    case 'signin':
      return {
        ok: true,
        command: { type: 'desktop.signIn', host: a.host, user: a.user, password: a.password },
      };
    case 'signout':
      return { ok: true, command: { type: 'desktop.signOut', host: a.host } };
    case 'changepw':
      return {
        ok: true,
        command: {
          type: 'desktop.changePassword',
          host: a.host,
          user: a.user,
          oldPassword: a.oldPassword,
          newPassword: a.newPassword,
        },
      };
    case 'service':
      return { ok: true, command: { type: `service.${a.op}`, host: a.host, service: a.service } };
    case 'power':
      return { ok: true, command: { type: 'host.power', host: a.host, on: a.on } };
    case 'restart':
      return { ok: true, command: { type: 'host.restart', host: a.host } };
    case 'cable':
      return { ok: true, command: { type: a.connected ? 'link.restore' : 'link.cut', host: a.host } };
    case 'phonePower':
      return { ok: true, command: { type: 'phone.power', phone: a.phone, on: a.on } };
    case 'phone': {
      const f = expand(a.fields, view);
      if (!f.ok) return f;
      if (a.op === 'scan') {
        const code = f.fields.code ?? f.fields.activationCode;
        if (typeof code !== 'string')
          return { ok: false, error: 'phone scan: expected code=@activationCode' };
        return { ok: true, command: { type: 'phone.scan', phone: a.phone, activationCode: code } };
      }
      const pending = view.phones[a.phone]?.authenticator.pending[0];
      if (!pending) return { ok: false, error: `phone ${a.op}: no notification is waiting on ${a.phone}` };
      const number = f.fields.number ?? pendingNumber(view);
      return {
        ok: true,
        command: {
          type: 'phone.respond',
          phone: a.phone,
          requestId: pending.requestId,
          approve: a.op === 'approve',
          ...(typeof number === 'number' ? { number } : {}),
        },
      };
    }
    case 'firewall': {
      if (a.op === 'delete') return { ok: true, command: { type: 'gateway.firewall', remove: a.id } };
      const host = a.fields.host;
      const port = a.fields.port;
      const id =
        typeof a.fields.id === 'string'
          ? a.fields.id
          : `allow-${String(host ?? 'any')}-${String(port ?? 'any')}`;
      return {
        ok: true,
        command: {
          type: 'gateway.firewall',
          add: {
            id,
            direction: 'outbound',
            action: 'allow',
            transport: 'tcp',
            ...(host !== undefined ? { host } : {}),
            ...(port !== undefined ? { port } : {}),
            ...(a.fields.src !== undefined ? { srcCidr: a.fields.src } : {}),
          },
        },
      };
    }
    case 'syncmanager':
      return { ok: true, command: { type: 'syncmanager.connector', ...a.fields } };
    case 'aduc': {
      const dc = view.devices.find((d) => d.kind === 'dc')?.id;
      // The Reset Password dialog's "Confirm password" is the same text unless written out.
      const confirm =
        a.action === 'resetPassword' && a.fields.confirm === undefined ? { confirm: a.fields.password } : {};
      return {
        ok: true,
        command: { type: 'aduc.action', host: dc, action: { ...a.fields, ...confirm, type: a.action } },
      };
    }
    case 'view':
      return {
        ok: true,
        command: {
          type: 'surface.view',
          surface: a.surface,
          target: a.target,
          ...(a.host !== undefined ? { host: a.host } : {}),
        },
      };
  }
}

/** The number the learner reads off the screen for number matching, wherever it is shown. */
function pendingNumber(view: LearnerView): number | undefined {
  const s = view.browser.sspr;
  if (s.page === 'verify' && s.pushNumber !== undefined) return s.pushNumber;
  const m = view.browser.myAccount.page;
  if (m.page === 'securityInfo' && m.add?.stage === 'tryItOut') return m.add.number;
  return undefined;
}
