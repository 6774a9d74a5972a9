import { useState } from 'react';
import { type PortalPage, CLOUD_SIGNIN_TEXT } from '../../simulation';
import { useDispatch } from '../hooks/useDispatch';
import { useLearnerView } from '../lab/LabContext';
import { BrowserFrame } from './BrowserFrame';

const URLS: Record<PortalPage['page'], string> = {
  closed: 'about:blank',
  signin: 'https://login.microsoftonline.com/',
  password: 'https://login.microsoftonline.com/',
  kmsi: 'https://login.microsoftonline.com/',
  moreInfo: 'https://login.microsoftonline.com/',
  home: 'https://myaccount.microsoft.com/',
  securityInfo: 'https://mysignins.microsoft.com/security-info',
  changePassword: 'https://mysignins.microsoft.com/security-info/password/change',
  working: 'https://mysignins.microsoft.com/security-info/password/change',
  changed: 'https://mysignins.microsoft.com/security-info/password/change',
};

/** My Account and Security info (combined registration), after a cloud sign-in. */
export function MyAccount() {
  const v = useLearnerView().browser.myAccount;
  const { send, error } = useDispatch();
  const act = (action: Record<string, unknown>) => send({ type: 'portal.myaccount', action });
  return (
    <BrowserFrame url={URLS[v.page.page]} testId="my-account">
      <div className="ms-page">
        <div className="ms-logo">
          Microsoft {v.signedInAs && <span className="signed-in">{v.signedInAs.upn}</span>}
        </div>
        <Body page={v.page} methods={v.methods} act={act} />
        {error && <div className="form-error">{error}</div>}
      </div>
    </BrowserFrame>
  );
}

function Body({
  page,
  methods,
  act,
}: {
  page: PortalPage;
  methods: string[];
  act: (a: Record<string, unknown>) => void;
}) {
  const [upn, setUpn] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [oldPw, setOldPw] = useState('');
  const [newPw, setNewPw] = useState('');
  const [confirm, setConfirm] = useState('');
  switch (page.page) {
    case 'closed':
      return (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => act({ type: 'open' })}
          data-testid="myaccount-open"
        >
          Go to myaccount.microsoft.com
        </button>
      );
    case 'signin':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act({ type: 'signIn', upn, password });
            setPassword('');
          }}
        >
          <h1>Sign in</h1>
          <input
            value={upn}
            onChange={(e) => setUpn(e.target.value)}
            placeholder="Email, phone, or Skype"
            aria-label="User name"
            data-testid="myaccount-upn"
          />
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            placeholder="Password"
            aria-label="Password"
            data-testid="myaccount-password"
          />
          {page.error && <div className="form-error">{page.error}</div>}
          <button type="submit" className="btn btn-primary" data-testid="myaccount-signin">
            Sign in
          </button>
        </form>
      );
    case 'moreInfo':
      return (
        <div>
          <h1>{CLOUD_SIGNIN_TEXT.moreInfo}</h1>
          <p>{CLOUD_SIGNIN_TEXT.moreInfoBody}</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => act({ type: 'next' })}
            data-testid="myaccount-next"
          >
            Next
          </button>
        </div>
      );
    case 'home':
      return (
        <div className="actions">
          <button type="button" className="btn" onClick={() => act({ type: 'goto', page: 'securityInfo' })}>
            Security info
          </button>
          <button type="button" className="btn" onClick={() => act({ type: 'goto', page: 'changePassword' })}>
            Change password
          </button>
          <button type="button" className="btn" onClick={() => act({ type: 'signOut' })}>
            Sign out
          </button>
        </div>
      );
    case 'securityInfo': {
      const add = page.add;
      return (
        <div>
          <h1>Security info</h1>
          <p>These are the methods you use to sign into your account or reset your password.</p>
          <ul className="methods" data-testid="myaccount-methods">
            {methods.length === 0 ? (
              <li className="muted">No methods registered.</li>
            ) : (
              methods.map((m) => <li key={m}>{m}</li>)
            )}
          </ul>
          {(!add || add.stage === 'done') && (
            <div className="actions">
              {add?.stage === 'done' && <p className="ok">{add.text}</p>}
              <button
                type="button"
                className="btn"
                onClick={() => act({ type: 'addMethod', method: 'phone' })}
                data-testid="add-phone"
              >
                + Add sign-in method: Phone
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => act({ type: 'addMethod', method: 'authenticator' })}
                data-testid="add-authenticator"
              >
                + Add sign-in method: Microsoft Authenticator
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => act({ type: 'goto', page: 'changePassword' })}
              >
                Change password
              </button>
            </div>
          )}
          {add?.method === 'phone' && add.stage === 'enterPhone' && (
            <div className="dialog">
              <h2>Phone</h2>
              <p>You can prove who you are by receiving a code on your phone.</p>
              <input
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                placeholder="+1 4255550142"
                data-testid="reg-phone"
              />
              {add.error && <div className="form-error">{add.error}</div>}
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => act({ type: 'setPhone', phone })}
                data-testid="reg-phone-next"
              >
                Next
              </button>
            </div>
          )}
          {add?.method === 'phone' && add.stage === 'enterCode' && (
            <div className="dialog">
              <h2>Phone</h2>
              <p>We just sent a 6 digit code to {add.phone}. Enter the code below.</p>
              <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="reg-code" />
              {add.error && <div className="form-error">{add.error}</div>}
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => act({ type: 'enterCode', code })}
                data-testid="reg-code-next"
              >
                Next
              </button>
            </div>
          )}
          {add?.method === 'authenticator' && add.stage === 'getApp' && (
            <div className="dialog">
              <h2>Microsoft Authenticator</h2>
              <p>Start by getting the app. On your phone, install the Microsoft Authenticator app.</p>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => act({ type: 'authenticatorNext' })}
                data-testid="reg-auth-next"
              >
                Next
              </button>
            </div>
          )}
          {add?.method === 'authenticator' && add.stage === 'scan' && (
            <div className="dialog">
              <h2>Scan the QR code</h2>
              <p>
                Use the Microsoft Authenticator app to scan the QR code. This will connect the Microsoft
                Authenticator app with your account.
              </p>
              <div className="qr" aria-label="QR code">
                ▚▞▚▞▚▞
                <br />
                ▞▚▞▚▞▚
              </div>
              <p>
                Can&apos;t scan image? Code:{' '}
                <strong data-testid="reg-activation">{add.activationCode}</strong>
                <br />
                URL: {add.url}
              </p>
            </div>
          )}
          {add?.method === 'authenticator' && add.stage === 'tryItOut' && (
            <div className="dialog">
              <h2>Let&apos;s try it out</h2>
              <p>
                Approve the notification we&apos;re sending to your app by entering the number shown below.
              </p>
              <p className="push-number">{add.number}</p>
              {add.error && <div className="form-error">{add.error}</div>}
            </div>
          )}
        </div>
      );
    }
    case 'changePassword':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act({ type: 'changePassword', oldPassword: oldPw, newPassword: newPw, confirm });
          }}
        >
          <h1>Change password</h1>
          <label className="field">
            <span>Old password</span>
            <input
              type="password"
              value={oldPw}
              onChange={(e) => setOldPw(e.target.value)}
              data-testid="change-old"
            />
          </label>
          <label className="field">
            <span>Create new password</span>
            <input
              type="password"
              value={newPw}
              onChange={(e) => setNewPw(e.target.value)}
              data-testid="change-new"
            />
          </label>
          <label className="field">
            <span>Confirm new password</span>
            <input
              type="password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              data-testid="change-confirm"
            />
          </label>
          {page.error && <div className="form-error">{page.error}</div>}
          <button type="submit" className="btn btn-primary" data-testid="change-submit">
            Submit
          </button>
        </form>
      );
    case 'working':
      return <p>Changing your password…</p>;
    case 'changed':
      return (
        <div>
          <p className="ok" data-testid="change-result">
            {page.text}
          </p>
          <button type="button" className="btn" onClick={() => act({ type: 'goto', page: 'home' })}>
            Back to My Account
          </button>
        </div>
      );
  }
}
