/**
 * The Synchronization Service Manager on the Entra Connect server: the Operations tab (the sync
 * runs and the selected run's details) and the Connectors tab, where the AD connector's properties
 * change its account password and LDAP sign-and-encrypt; while the sync service is unavailable,
 * the dialog that says why.
 */
import { useState } from 'react';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';

export function SyncServiceManager() {
  const sm = useLearnerView().syncManager;
  const { send, error } = useDispatch();
  const [tab, setTab] = useState<'operations' | 'connectors'>('operations');
  const [selectedRun, setSelectedRun] = useState<number | undefined>();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const [sign, setSign] = useState<boolean | undefined>();
  if (!sm) return <p className="tools-off">Microsoft Entra Connect is not installed on this server.</p>;
  if (!sm.available)
    return (
      <div className="dialog-like" role="alert" data-testid="syncmanager-unavailable">
        <strong>Synchronization Service Manager</strong>
        <p>{sm.unavailableText}</p>
      </div>
    );
  const run = sm.operations.find((o) => o.id === selectedRun) ?? sm.operations[0];
  const ad = sm.connectors[0];
  return (
    <div className="sync-manager" data-testid="syncmanager">
      <div className="tools-bar">
        <button
          type="button"
          className={`btn btn-small${tab === 'operations' ? ' btn-active' : ''}`}
          onClick={() => setTab('operations')}
        >
          Operations
        </button>
        <button
          type="button"
          className={`btn btn-small${tab === 'connectors' ? ' btn-active' : ''}`}
          onClick={() => setTab('connectors')}
          data-testid="sm-connectors"
        >
          Connectors
        </button>
      </div>
      {tab === 'operations' ? (
        <>
          <div className="ev-list">
            <table className="grid" data-testid="sm-operations">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Profile Name</th>
                  <th>Status</th>
                  <th>Start Time</th>
                  <th>End Time</th>
                </tr>
              </thead>
              <tbody>
                {sm.operations.slice(0, 200).map((o) => (
                  <tr
                    key={o.id}
                    className={run?.id === o.id ? 'is-selected' : ''}
                    onClick={() => setSelectedRun(o.id)}
                  >
                    <td>{o.connector}</td>
                    <td>{o.profile}</td>
                    <td className={o.status === 'success' ? '' : 'bad'}>{o.status}</td>
                    <td className="nowrap">{o.start}</td>
                    <td className="nowrap">{o.end}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {sm.operations.length === 0 && <p className="hint">No run history.</p>}
          </div>
          {run && (
            <div className="ev-detail">
              <div className="ev-detail-title">
                {run.connector} · {run.profile} · Status: {run.status}
              </div>
              <dl className="kv">
                <dt>Adds</dt>
                <dd>{run.adds}</dd>
                <dt>Updates</dt>
                <dd>{run.updates}</dd>
                <dt>Deletes</dt>
                <dd>{run.deletes}</dd>
                <dt>Errors</dt>
                <dd>{run.errors}</dd>
              </dl>
              {run.detail && <pre className="ev-message">{run.detail}</pre>}
            </div>
          )}
        </>
      ) : (
        <div>
          <table className="grid">
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {sm.connectors.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>{c.type}</td>
                  <td>{c.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ad && !editing && (
            <div className="actions">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  setEditing(true);
                  setSign(ad.ldapSignAndEncrypt);
                  setPassword('');
                }}
                data-testid="sm-properties"
              >
                Properties of {ad.name}
              </button>
            </div>
          )}
          {ad && editing && (
            <form
              className="blade-form sm-props"
              onSubmit={(e) => {
                e.preventDefault();
                const ok = send({
                  type: 'syncmanager.connector',
                  ...(password ? { password } : {}),
                  ...(sign !== ad.ldapSignAndEncrypt ? { ldapSignAndEncrypt: sign } : {}),
                });
                if (ok) setEditing(false);
              }}
            >
              <h3>Connect to Active Directory Forest</h3>
              <label className="field">
                <span>Forest name</span>
                <input value={ad.forest ?? ''} readOnly />
              </label>
              <label className="field">
                <span>User name</span>
                <input value={ad.account ?? ''} readOnly />
              </label>
              <label className="field">
                <span>Password</span>
                <input
                  type="password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  placeholder="(unchanged)"
                  data-testid="sm-password"
                />
              </label>
              <label className="field">
                <span>Domain</span>
                <input value={ad.domain ?? ''} readOnly />
              </label>
              <fieldset>
                <legend>Configure Connection Options</legend>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={sign ?? false}
                    onChange={(e) => setSign(e.target.checked)}
                    data-testid="sm-sign"
                  />{' '}
                  Sign and Encrypt LDAP Traffic
                </label>
              </fieldset>
              <div className="actions">
                <button
                  type="submit"
                  className="btn btn-primary"
                  disabled={!password && sign === ad.ldapSignAndEncrypt}
                >
                  OK
                </button>
                <button type="button" className="btn" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
              {error && <p className="form-error">{error}</p>}
            </form>
          )}
        </div>
      )}
    </div>
  );
}
