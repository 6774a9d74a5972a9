import { useState } from 'react';
import { formatShortDateTime } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';

export function AuthMethodsBlade() {
  const v = useLearnerView().adminCenter;
  const { send, error } = useDispatch();
  return (
    <div className="blade-form">
      <h2>Authentication methods | Policies</h2>
      <p className="hint">Manage migration: {v.authMethods.migration}</p>
      <table className="grid" data-testid="auth-methods">
        <thead>
          <tr>
            <th>Method</th>
            <th>Target</th>
            <th>Enabled</th>
          </tr>
        </thead>
        <tbody>
          {v.authMethods.policies.map((p) => (
            <tr key={p.id}>
              <td>{p.label}</td>
              <td>
                <select
                  value={p.target === 'All users' ? 'all' : p.target}
                  onChange={(e) =>
                    send({
                      type: 'portal.admin',
                      action: {
                        type: 'authMethods.policy',
                        method: p.id,
                        enabled: p.enabled,
                        target: e.target.value,
                      },
                    })
                  }
                >
                  <option value="all">All users</option>
                  {v.groups.map((g) => (
                    <option key={g.name} value={g.name}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={p.enabled}
                    onChange={(e) =>
                      send({
                        type: 'portal.admin',
                        action: {
                          type: 'authMethods.policy',
                          method: p.id,
                          enabled: e.target.checked,
                          target: p.target === 'All users' ? 'all' : p.target,
                        },
                      })
                    }
                    data-testid={`method-${p.id}`}
                  />{' '}
                  {p.enabled ? 'Enabled' : 'Disabled'}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <div className="form-error">{error}</div>}
    </div>
  );
}

export function UsersBlade() {
  const v = useLearnerView().adminCenter;
  const [selected, setSelected] = useState<string | null>(null);
  const user = v.users.find((u) => u.upn === selected);
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('Helpdesk Administrator');
  const { send, error } = useDispatch();
  const sku = v.licenses[0];
  return (
    <div className="blade-form">
      <h2>Users</h2>
      <table className="grid" data-testid="users">
        <thead>
          <tr>
            <th>User principal name</th>
            <th>Display name</th>
            <th>On-premises sync</th>
            <th>Licences</th>
            <th>Roles</th>
            <th>Authentication methods</th>
          </tr>
        </thead>
        <tbody>
          {v.users.map((u) => (
            <tr
              key={u.upn}
              className={u.upn === selected ? 'is-selected' : ''}
              onClick={() => setSelected(u.upn)}
            >
              <td>{u.upn}</td>
              <td>{u.displayName}</td>
              <td>{u.source === 'Windows Server AD' ? 'Yes' : 'No'}</td>
              <td>{u.licenses.join(', ')}</td>
              <td>{u.roles.join(', ')}</td>
              <td>{u.methods.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {user && (
        <div className="user-detail">
          <h3>{user.displayName}</h3>
          <dl className="kv">
            <dt>Source</dt>
            <dd>{user.source}</dd>
            {user.onPremisesSamAccountName && (
              <>
                <dt>On-premises SAM account name</dt>
                <dd>{user.onPremisesSamAccountName}</dd>
                <dt>Last synchronised</dt>
                <dd>{user.lastSync}</dd>
              </>
            )}
          </dl>
          {sku && (
            <div className="actions">
              <button
                type="button"
                className="btn"
                onClick={() =>
                  send({
                    type: 'portal.admin',
                    action: {
                      type: 'user.license',
                      user: user.upn,
                      sku: sku.sku,
                      assigned: !user.licenses.includes(sku.name),
                    },
                  })
                }
              >
                {user.licenses.includes(sku.name) ? `Remove ${sku.name}` : `Assign ${sku.name}`}
              </button>
            </div>
          )}
          <div className="actions">
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              {[
                'Helpdesk Administrator',
                'Password Administrator',
                'User Administrator',
                'Global Administrator',
              ].map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
            <button
              type="button"
              className="btn"
              onClick={() =>
                send({
                  type: 'portal.admin',
                  action: { type: 'user.role', user: user.upn, role, assigned: !user.roles.includes(role) },
                })
              }
            >
              {user.roles.includes(role) ? 'Remove role' : 'Assign role'}
            </button>
          </div>
          <div className="actions">
            <input
              type="text"
              placeholder="New password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-label="New password"
            />
            <button
              type="button"
              className="btn"
              onClick={() =>
                send({
                  type: 'portal.admin',
                  action: {
                    type: 'user.resetPassword',
                    user: user.upn,
                    password,
                    forceChange: false,
                    portal: 'entra',
                  },
                })
              }
            >
              Reset password
            </button>
            <button
              type="button"
              className="btn"
              title="The Microsoft 365 admin center resets the cloud password only"
              onClick={() =>
                send({
                  type: 'portal.admin',
                  action: {
                    type: 'user.resetPassword',
                    user: user.upn,
                    password,
                    forceChange: false,
                    portal: 'm365',
                  },
                })
              }
            >
              Reset in Microsoft 365 admin center
            </button>
          </div>
        </div>
      )}
      {error && <div className="form-error">{error}</div>}
    </div>
  );
}

export function GroupsBlade() {
  const v = useLearnerView().adminCenter;
  const [name, setName] = useState('');
  const { send, error } = useDispatch();
  return (
    <div className="blade-form">
      <h2>Groups</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>Name</th>
            <th>Source</th>
            <th>Members</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {v.groups.map((g) => (
            <tr key={g.name}>
              <td>{g.name}</td>
              <td>{g.source}</td>
              <td>{g.members.join(', ')}</td>
              <td>
                <select
                  value=""
                  onChange={(e) =>
                    send({
                      type: 'portal.admin',
                      action: { type: 'group.member', group: g.name, user: e.target.value, add: true },
                    })
                  }
                >
                  <option value="">Add member…</option>
                  {v.users.map((u) => (
                    <option key={u.upn} value={u.upn}>
                      {u.upn}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <input
          type="text"
          placeholder="New cloud group name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-label="Group name"
        />
        <button
          type="button"
          className="btn"
          onClick={() => send({ type: 'portal.admin', action: { type: 'group.create', name } })}
        >
          New group
        </button>
      </div>
      {error && <div className="form-error">{error}</div>}
    </div>
  );
}

export function ConnectStatusBlade() {
  const c = useLearnerView().adminCenter.connect;
  return (
    <div className="blade-form">
      <h2>Microsoft Entra Connect | Connect Sync</h2>
      <dl className="kv">
        <dt>Sync status</dt>
        <dd>{c.configured ? 'Enabled' : 'Not installed'}</dd>
        <dt>Last sync</dt>
        <dd>{c.lastSync ?? 'Never'}</dd>
        <dt>Password hash sync</dt>
        <dd>{c.passwordHashSync ? 'Enabled' : 'Disabled'}</dd>
        <dt>Last password sync</dt>
        <dd>{c.lastPasswordSync ?? 'Never'}</dd>
        <dt>Password writeback</dt>
        <dd>{c.passwordWriteback ? 'Enabled' : 'Disabled'}</dd>
        <dt>Server</dt>
        <dd>{c.serverName}</dd>
      </dl>
    </div>
  );
}

export function SignInLogsBlade() {
  const view = useLearnerView();
  return (
    <div className="blade-form">
      <h2>Sign-in logs</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>Date</th>
            <th>User</th>
            <th>Application</th>
            <th>Status</th>
            <th>Sign-in error code</th>
            <th>Failure reason</th>
          </tr>
        </thead>
        <tbody>
          {[...view.adminCenter.signIns].reverse().map((s) => (
            <tr key={s.id}>
              <td className="nowrap">{formatShortDateTime(s.time, view.time.offsetMinutes)}</td>
              <td>{s.user}</td>
              <td>{s.application}</td>
              <td className={s.status === 'Success' ? 'ok' : 'bad'}>{s.status}</td>
              <td>{s.errorCode}</td>
              <td>{s.failureReason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
