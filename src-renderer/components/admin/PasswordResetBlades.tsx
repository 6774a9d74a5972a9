import { useState } from 'react';
import { formatShortDateTime } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';

function Saved({ error }: { error: string | null }) {
  return error ? <div className="form-error">{error}</div> : null;
}

export function PropertiesBlade() {
  const p = useLearnerView().adminCenter.passwordReset.properties;
  const groups = useLearnerView().adminCenter.groups;
  const [enabled, setEnabled] = useState(p.enabled);
  const [group, setGroup] = useState(p.selectedGroup ?? '');
  const { send, error } = useDispatch();
  return (
    <form
      className="blade-form"
      onSubmit={(e) => {
        e.preventDefault();
        send({
          type: 'portal.admin',
          action: { type: 'sspr.properties', enabled, group: enabled === 'Selected' ? group : undefined },
        });
      }}
    >
      <h2>Password reset | Properties</h2>
      <fieldset>
        <legend>Self service password reset enabled</legend>
        {(['None', 'Selected', 'All'] as const).map((v) => (
          <label key={v} className="radio">
            <input
              type="radio"
              name="sspr-enabled"
              checked={enabled === v}
              onChange={() => setEnabled(v)}
              data-testid={`sspr-enabled-${v}`}
            />{' '}
            {v}
          </label>
        ))}
      </fieldset>
      {enabled === 'Selected' && (
        <label className="field">
          <span>Select group</span>
          <select value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">No groups selected</option>
            {groups.map((g) => (
              <option key={g.name} value={g.name}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button className="btn btn-primary" type="submit" data-testid="save">
        Save
      </button>
      <Saved error={error} />
    </form>
  );
}

const LEGACY = [
  ['mobileAppNotification', 'Mobile app notification'],
  ['mobileAppCode', 'Mobile app code'],
  ['email', 'Email'],
  ['mobilePhone', 'Mobile phone'],
  ['officePhone', 'Office phone'],
  ['securityQuestions', 'Security questions'],
] as const;

export function SsprMethodsBlade() {
  const v = useLearnerView().adminCenter;
  const m = v.passwordReset.authenticationMethods;
  const [required, setRequired] = useState<1 | 2>(m.methodsRequired);
  const [methods, setMethods] = useState(m.methods);
  const { send, error } = useDispatch();
  return (
    <form
      className="blade-form"
      onSubmit={(e) => {
        e.preventDefault();
        send({
          type: 'portal.admin',
          action: { type: 'sspr.authenticationMethods', methodsRequired: required, methods },
        });
      }}
    >
      <h2>Password reset | Authentication methods</h2>
      <label className="field">
        <span>Number of methods required to reset</span>
        <select
          value={required}
          onChange={(e) => setRequired(Number(e.target.value) as 1 | 2)}
          data-testid="methods-required"
        >
          <option value={1}>1</option>
          <option value={2}>2</option>
        </select>
      </label>
      <fieldset>
        <legend>Methods available to users</legend>
        {v.authMethods.migration === 'Migration complete' && (
          <p className="hint">
            Your organization has completed the authentication methods migration: these legacy settings are no
            longer used. Manage methods in Authentication methods &gt; Policies.
          </p>
        )}
        {LEGACY.map(([k, label]) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={methods[k]}
              onChange={(e) => setMethods({ ...methods, [k]: e.target.checked })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <button className="btn btn-primary" type="submit">
        Save
      </button>
      <Saved error={error} />
    </form>
  );
}

export function RegistrationBlade() {
  const r = useLearnerView().adminCenter.passwordReset.registration;
  const [require, setRequire] = useState(r.requireOnSignIn);
  const [days, setDays] = useState(String(r.reconfirmDays));
  const { send, error } = useDispatch();
  return (
    <form
      className="blade-form"
      onSubmit={(e) => {
        e.preventDefault();
        send({
          type: 'portal.admin',
          action: { type: 'sspr.registration', requireOnSignIn: require, reconfirmDays: Number(days) },
        });
      }}
    >
      <h2>Password reset | Registration</h2>
      <fieldset>
        <legend>Require users to register when signing in?</legend>
        <label className="radio">
          <input type="radio" checked={require} onChange={() => setRequire(true)} /> Yes
        </label>
        <label className="radio">
          <input type="radio" checked={!require} onChange={() => setRequire(false)} /> No
        </label>
      </fieldset>
      <label className="field">
        <span>Number of days before users are asked to re-confirm their authentication information</span>
        <input type="number" min={0} max={730} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button className="btn btn-primary" type="submit">
        Save
      </button>
      <Saved error={error} />
    </form>
  );
}

export function NotificationsBlade() {
  const n = useLearnerView().adminCenter.passwordReset.notifications;
  const [users, setUsers] = useState(n.notifyUsers);
  const [admins, setAdmins] = useState(n.notifyAdmins);
  const { send, error } = useDispatch();
  return (
    <form
      className="blade-form"
      onSubmit={(e) => {
        e.preventDefault();
        send({
          type: 'portal.admin',
          action: { type: 'sspr.notifications', notifyUsers: users, notifyAdmins: admins },
        });
      }}
    >
      <h2>Password reset | Notifications</h2>
      <YesNo label="Notify users on password resets?" value={users} onChange={setUsers} />
      <YesNo
        label="Notify all admins when other admins reset their password?"
        value={admins}
        onChange={setAdmins}
      />
      <button className="btn btn-primary" type="submit">
        Save
      </button>
      <Saved error={error} />
    </form>
  );
}

function YesNo({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
}) {
  return (
    <fieldset>
      <legend>{label}</legend>
      <label className="radio">
        <input
          type="radio"
          checked={value}
          onChange={() => onChange(true)}
          data-testid={testId ? `${testId}-yes` : undefined}
        />{' '}
        Yes
      </label>
      <label className="radio">
        <input
          type="radio"
          checked={!value}
          onChange={() => onChange(false)}
          data-testid={testId ? `${testId}-no` : undefined}
        />{' '}
        No
      </label>
    </fieldset>
  );
}

export function OnPremBlade() {
  const o = useLearnerView().adminCenter.passwordReset.onPremises;
  const [writeback, setWriteback] = useState(o.writeback);
  const [unlock, setUnlock] = useState(o.allowUnlock);
  const { send, error } = useDispatch();
  return (
    <form
      className="blade-form"
      onSubmit={(e) => {
        e.preventDefault();
        send({ type: 'portal.admin', action: { type: 'sspr.onPremises', writeback, allowUnlock: unlock } });
      }}
    >
      <h2>Password reset | On-premises integration</h2>
      <div className={`status-line ${o.healthy ? 'ok' : 'bad'}`} data-testid="onprem-status">
        {o.status}
      </div>
      <h3>Microsoft Entra Connect</h3>
      <label className="check">
        <input
          type="checkbox"
          checked={writeback}
          onChange={(e) => setWriteback(e.target.checked)}
          data-testid="onprem-writeback"
        />{' '}
        Enable password write back for synced users
      </label>
      <label className="check">
        <input type="checkbox" checked={o.cloudSyncWriteback} disabled /> Write back passwords with Microsoft
        Entra Connect cloud sync
      </label>
      <YesNo
        label="Allow users to unlock accounts without resetting their password"
        value={unlock}
        onChange={setUnlock}
      />
      <button className="btn btn-primary" type="submit" data-testid="save">
        Save
      </button>
      <Saved error={error} />
    </form>
  );
}

export function AdminPolicyBlade() {
  const a = useLearnerView().adminCenter.passwordReset;
  const { send, error } = useDispatch();
  return (
    <div className="blade-form">
      <h2>Password reset | Administrator Policy</h2>
      <p>
        Administrators use Microsoft&apos;s fixed policy: two methods, no security questions. Whether
        administrators may reset their own password at all is the authorization policy&apos;s{' '}
        <code>allowedToUseSSPR</code>.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={a.adminSspr}
          onChange={(e) =>
            send({
              type: 'portal.admin',
              action: { type: 'authorizationPolicy', allowedToUseSspr: e.target.checked },
            })
          }
        />{' '}
        Allow administrators to use self-service password reset (allowedToUseSSPR)
      </label>
      <Saved error={error} />
    </div>
  );
}

export function AuditLogBlade() {
  const view = useLearnerView();
  const offset = view.time.offsetMinutes;
  const audit = view.adminCenter.audit.filter(
    (a) => a.service === 'Self-service Password Management' || a.service === 'Authentication Methods',
  );
  return (
    <div className="blade-form">
      <h2>Audit logs</h2>
      <p className="hint">Service: Self-service Password Management, Authentication Methods</p>
      <table className="grid" data-testid="audit-log">
        <thead>
          <tr>
            <th>Date</th>
            <th>Service</th>
            <th>Category</th>
            <th>Activity</th>
            <th>Status</th>
            <th>Status reason</th>
            <th>Target(s)</th>
          </tr>
        </thead>
        <tbody>
          {[...audit].reverse().map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatShortDateTime(e.time, offset)}</td>
              <td>{e.service}</td>
              <td>{e.category}</td>
              <td>{e.activity}</td>
              <td className={e.status === 'Success' ? 'ok' : 'bad'}>{e.status}</td>
              <td>{e.statusReason}</td>
              <td>{e.target}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
