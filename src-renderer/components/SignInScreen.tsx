import { useState } from 'react';
import { useDispatch } from '../hooks/useDispatch';
import { useLearnerView } from '../lab/LabContext';
import { useUi } from '../state/uiStore';
import { SIGNIN_TEXT } from '../../simulation';

/** The Windows sign-in screen (and, once signed in, Settings > Accounts) of a client PC. */
export function SignInScreen() {
  const view = useLearnerView();
  const host = useUi((s) => s.signinHost);
  const setHost = useUi((s) => s.setSigninHost);
  const d = view.desktops[host];
  const name = view.devices.find((x) => x.id === host)?.name ?? host;
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const { send, error } = useDispatch();
  const [changing, setChanging] = useState(false);
  const changeUser = d?.screen === 'desktop' ? d.session?.account : d?.changeRequired;
  return (
    <div className="signin-surface" data-testid="signin-screen">
      <div className="signin-host">
        <label>
          PC{' '}
          <select value={host} onChange={(e) => setHost(e.target.value)} data-testid="signin-host">
            {Object.keys(view.desktops).map((h) => (
              <option key={h} value={h}>
                {view.devices.find((x) => x.id === h)?.name ?? h}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!d || d.screen === 'off' ? (
        <div className="lock-screen off">{name} is turned off.</div>
      ) : changing && changeUser ? (
        <ChangePasswordForm
          host={host}
          user={changeUser}
          busy={d.busy}
          message={d.message}
          onDone={() => setChanging(false)}
        />
      ) : d.screen === 'signin' ? (
        <form
          className="lock-screen"
          onSubmit={(e) => {
            e.preventDefault();
            send({ type: 'desktop.signIn', host, user: user || d.lastUser || '', password });
            setPassword('');
          }}
        >
          <svg className="avatar" viewBox="0 0 64 64" width="96" height="96" aria-hidden>
            <circle cx="32" cy="32" r="32" fill="rgba(255,255,255,0.25)" />
            <circle cx="32" cy="25" r="11" fill="#fff" />
            <path d="M12 54c3-11 11-16 20-16s17 5 20 16" fill="#fff" />
          </svg>
          <input
            value={user}
            onChange={(e) => setUser(e.target.value)}
            placeholder={d.lastUser ?? 'User name'}
            aria-label="User name"
            data-testid="signin-user"
          />
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            placeholder="Password"
            aria-label="Password"
            data-testid="signin-password"
          />
          <div className="signin-to">
            Sign in to: {view.adminCenter.tenant.domains.length > 0 ? 'LABORHUB' : ''}
          </div>
          {d.message && (
            <div className="signin-message" role="alert" data-testid="signin-message">
              {d.message}
            </div>
          )}
          {d.changeRequired && (
            <button
              type="button"
              className="btn"
              onClick={() => setChanging(true)}
              data-testid="signin-change-ok"
            >
              OK
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={d.busy} data-testid="signin-submit">
            →
          </button>
          {error && <div className="form-error">{error}</div>}
        </form>
      ) : (
        <div className="desktop-screen" data-testid="signin-desktop">
          {d.banner && <div className="toast">{d.banner}</div>}
          {d.message && (
            <div className="signin-message" role="alert" data-testid="desktop-message">
              {d.message}
            </div>
          )}
          <h2>Settings &gt; Accounts &gt; Your info</h2>
          <dl className="kv">
            <dt>Name</dt>
            <dd>{d.session?.displayName}</dd>
            <dt>Account</dt>
            <dd data-testid="signin-account">{d.session?.account}</dd>
            <dt>Signed in</dt>
            <dd>{d.session?.since}</dd>
          </dl>
          <h3>Access work or school</h3>
          <p>Connected to LABORHUB AD domain</p>
          <div className="actions">
            <button
              type="button"
              className="btn"
              onClick={() => setChanging(true)}
              data-testid="ctrl-alt-del-change"
              title="Ctrl+Alt+Del > Change a password"
            >
              Ctrl+Alt+Del › Change a password
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => send({ type: 'desktop.signOut', host })}
              data-testid="signout"
            >
              Sign out
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Windows' change-password screen: old password, new password, confirm. */
function ChangePasswordForm(props: {
  host: string;
  user: string;
  busy: boolean;
  message?: string;
  onDone: () => void;
}) {
  const { send, error } = useDispatch();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return (
    <form
      className="lock-screen"
      data-testid="change-password"
      onSubmit={(e) => {
        e.preventDefault();
        if (newPassword !== confirm) {
          setMismatch(true);
          return;
        }
        setMismatch(false);
        if (
          send({
            type: 'desktop.changePassword',
            host: props.host,
            user: props.user,
            oldPassword,
            newPassword,
          })
        )
          props.onDone();
      }}
    >
      <div className="signin-to">Change a password</div>
      <div className="signin-to">{props.user}</div>
      <input
        type="password"
        value={oldPassword}
        onChange={(e) => setOld(e.target.value)}
        placeholder="Old password"
        aria-label="Old password"
        data-testid="change-old"
      />
      <input
        type="password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        placeholder="New password"
        aria-label="New password"
        data-testid="change-new"
      />
      <input
        type="password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        placeholder="Confirm password"
        aria-label="Confirm password"
        data-testid="change-confirm"
      />
      {mismatch && (
        <div className="signin-message" role="alert">
          {SIGNIN_TEXT.passwordsDontMatch}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={props.busy} data-testid="change-submit">
        →
      </button>
      <button type="button" className="btn" onClick={props.onDone}>
        Cancel
      </button>
      {error && <div className="form-error">{error}</div>}
    </form>
  );
}
