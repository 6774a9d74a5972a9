import { useState } from 'react';
import { type SsprPage, SSPR_TEXT } from '../../simulation';
import { useDispatch } from '../hooks/useDispatch';
import { useLearnerView } from '../lab/LabContext';
import { BrowserFrame } from './BrowserFrame';

const METHOD_LABELS = SSPR_TEXT.methods;

/** passwordreset.microsoftonline.com, as Michael (or any user) sees it. */
export function SsprPortal() {
  const page = useLearnerView().browser.sspr;
  const { send, error } = useDispatch();
  const act = (action: Record<string, unknown>) => send({ type: 'portal.sspr', action });
  return (
    <BrowserFrame
      url={page.page === 'closed' ? 'about:blank' : 'https://passwordreset.microsoftonline.com/'}
      testId="sspr-portal"
    >
      <div className="ms-page">
        <div className="ms-logo">Microsoft</div>
        <SsprBody page={page} act={act} />
        {error && <div className="form-error">{error}</div>}
      </div>
    </BrowserFrame>
  );
}

function SsprBody({ page, act }: { page: SsprPage; act: (a: Record<string, unknown>) => void }) {
  const [userId, setUserId] = useState('');
  const [captcha, setCaptcha] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  switch (page.page) {
    case 'closed':
      return (
        <div>
          <p>Open https://aka.ms/sspr to reset a password.</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => act({ type: 'open' })}
            data-testid="sspr-open"
          >
            Go to aka.ms/sspr
          </button>
        </div>
      );
    case 'userId':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act({ type: 'submitUser', userId, captcha });
            setCaptcha('');
          }}
        >
          <h1>{SSPR_TEXT.title}</h1>
          <h2>{SSPR_TEXT.whoAreYou}</h2>
          <p>
            To recover your account, begin by entering your email or username and the characters in the
            picture or audio below.
          </p>
          <label className="field">
            <span>{SSPR_TEXT.userIdLabel}:</span>
            <input
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              placeholder="Example: user@contoso.onmicrosoft.com or user@contoso.com"
              data-testid="sspr-user"
            />
          </label>
          <div className="captcha" aria-label="CAPTCHA picture" data-testid="sspr-captcha">
            {page.captcha}
          </div>
          <label className="field">
            <span>{SSPR_TEXT.captchaPrompt}</span>
            <input
              value={captcha}
              onChange={(e) => setCaptcha(e.target.value)}
              data-testid="sspr-captcha-input"
            />
          </label>
          {page.error && <div className="form-error">{page.error}</div>}
          <div className="actions">
            <button type="submit" className="btn btn-primary" data-testid="sspr-next">
              Next
            </button>
            <button type="button" className="btn" onClick={() => act({ type: 'close' })}>
              Cancel
            </button>
          </div>
        </form>
      );
    case 'trouble':
      return (
        <div>
          <h1>{SSPR_TEXT.whyTrouble}</h1>
          <button
            type="button"
            className="btn option"
            onClick={() => act({ type: 'chooseTrouble', option: 'forgot' })}
          >
            {SSPR_TEXT.forgot}
          </button>
          <button
            type="button"
            className="btn option"
            onClick={() => act({ type: 'chooseTrouble', option: 'unlock' })}
          >
            {SSPR_TEXT.knowButCant}
          </button>
        </div>
      );
    case 'verify':
      return (
        <div>
          <h1>{SSPR_TEXT.title}</h1>
          <p className="step">
            {SSPR_TEXT.verificationStep(page.step)} &gt;{' '}
            {page.required === 2 ? `${SSPR_TEXT.verificationStep(2)} > ` : ''}choose a new password
          </p>
          <div className="verify">
            <div className="verify-options">
              <p>{SSPR_TEXT.chooseMethod}</p>
              {page.options.map((m) => (
                <label key={m} className="radio">
                  <input
                    type="radio"
                    name="method"
                    checked={page.method === m}
                    onChange={() => act({ type: 'chooseMethod', method: m })}
                    data-testid={`sspr-method-${m}`}
                  />{' '}
                  {METHOD_LABELS[m]}
                </label>
              ))}
            </div>
            <div className="verify-detail">
              {page.method === 'sms' && (
                <>
                  <p>{SSPR_TEXT.smsPrompt}</p>
                  <input
                    value={phone}
                    onChange={(e) => setPhone(e.target.value)}
                    placeholder="Enter your phone number"
                    data-testid="sspr-phone"
                  />
                  <button
                    type="button"
                    className="btn"
                    onClick={() => act({ type: 'sendSms', phone })}
                    data-testid="sspr-text"
                  >
                    Text
                  </button>
                </>
              )}
              {page.method === 'authenticatorNotification' && (
                <button type="button" className="btn" onClick={() => act({ type: 'sendNotification' })}>
                  Send Notification
                </button>
              )}
              {page.pushNumber !== undefined && (
                <p className="push-number">
                  Enter the number shown to sign in: <strong>{page.pushNumber}</strong>
                </p>
              )}
              {page.message && <p>{page.message}</p>}
              {((page.method === 'sms' && page.smsSent) || page.method === 'authenticatorCode') && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    act({ type: 'enterCode', code });
                    setCode('');
                  }}
                >
                  {page.method === 'authenticatorCode' && <p>{SSPR_TEXT.codePrompt}</p>}
                  <input
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    placeholder="Enter your verification code"
                    data-testid="sspr-code"
                  />
                  <button type="submit" className="btn btn-primary" data-testid="sspr-verify">
                    Next
                  </button>
                </form>
              )}
              {page.error && <div className="form-error">{page.error}</div>}
            </div>
          </div>
        </div>
      );
    case 'newPassword':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act({ type: 'submitPassword', password: pw, confirm });
          }}
        >
          <h1>{SSPR_TEXT.title}</h1>
          <h2>{SSPR_TEXT.chooseNewPassword}</h2>
          <label className="field">
            <span>Enter new password:</span>
            <input
              type="password"
              value={pw}
              onChange={(e) => setPw(e.target.value)}
              data-testid="sspr-new"
            />
          </label>
          <label className="field">
            <span>Confirm new password:</span>
            <input
              type="password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              data-testid="sspr-confirm"
            />
          </label>
          {page.error && <div className="form-error">{page.error}</div>}
          <button type="submit" className="btn btn-primary" data-testid="sspr-finish">
            Finish
          </button>
        </form>
      );
    case 'working':
      return <p>Resetting your password…</p>;
    case 'done':
      return (
        <div data-testid="sspr-result">
          <h1>{page.heading}</h1>
          <p>{page.text}</p>
          <button type="button" className="btn" onClick={() => act({ type: 'close' })}>
            Close
          </button>
        </div>
      );
    case 'error':
      return (
        <div data-testid="sspr-error">
          <h1>{page.heading}</h1>
          <p className="technical">{page.technical}</p>
          <p className="support-code">Support code: {page.supportCode}</p>
          <button type="button" className="btn" onClick={() => act({ type: 'open' })}>
            Start over
          </button>
        </div>
      );
  }
}
