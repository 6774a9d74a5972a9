import { useState } from 'react';
import { useDispatch } from '../hooks/useDispatch';
import { useLearnerView } from '../lab/LabContext';

/** Michael's phone: Messages (SMS) and the Microsoft Authenticator app. */
export function PhonePanel() {
  const phones = Object.values(useLearnerView().phones);
  const p = phones[0];
  const [tab, setTab] = useState<'messages' | 'authenticator'>('messages');
  const [scan, setScan] = useState('');
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const { send, error } = useDispatch();
  if (!p) return <div className="empty">No phone in this lab.</div>;
  return (
    <div className="phone-wrap">
      <div className="phone" data-testid="phone">
        <div className="phone-top">
          {p.label} · {p.number}
        </div>
        {!p.powered ? (
          <div className="phone-off">
            Switched off
            <button
              type="button"
              className="btn"
              onClick={() => send({ type: 'phone.power', phone: p.id, on: true })}
            >
              Switch on
            </button>
          </div>
        ) : (
          <>
            <div className="phone-tabs">
              <button
                type="button"
                className={tab === 'messages' ? 'is-active' : ''}
                onClick={() => setTab('messages')}
              >
                Messages
              </button>
              <button
                type="button"
                className={tab === 'authenticator' ? 'is-active' : ''}
                onClick={() => setTab('authenticator')}
                data-testid="phone-authenticator"
              >
                Authenticator{' '}
                {p.authenticator.pending.length > 0 ? `(${p.authenticator.pending.length})` : ''}
              </button>
            </div>
            {tab === 'messages' ? (
              <ul className="sms" data-testid="phone-sms">
                {p.sms.length === 0 && <li className="muted">No messages.</li>}
                {[...p.sms].reverse().map((m, i) => (
                  <li key={i}>
                    <div className="sms-from">
                      {m.from} · {m.at}
                    </div>
                    <div className="sms-text">{m.text}</div>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="authenticator">
                {p.authenticator.pending.map((n) => (
                  <div key={n.requestId} className="push">
                    <strong>Are you trying to sign in?</strong>
                    <div>{n.account}</div>
                    <input
                      value={numbers[n.requestId] ?? ''}
                      onChange={(e) => setNumbers({ ...numbers, [n.requestId]: e.target.value })}
                      placeholder="Enter the number shown to sign in"
                      data-testid="push-number"
                    />
                    <div className="actions">
                      <button
                        type="button"
                        className="btn"
                        onClick={() =>
                          send({ type: 'phone.respond', phone: p.id, requestId: n.requestId, approve: false })
                        }
                      >
                        No, it&apos;s not me
                      </button>
                      <button
                        type="button"
                        className="btn btn-primary"
                        onClick={() =>
                          send({
                            type: 'phone.respond',
                            phone: p.id,
                            requestId: n.requestId,
                            approve: true,
                            number: Number(numbers[n.requestId]),
                          })
                        }
                        data-testid="push-yes"
                      >
                        Yes
                      </button>
                    </div>
                  </div>
                ))}
                <ul className="accounts">
                  {p.authenticator.accounts.map((a) => (
                    <li key={a.account}>
                      <div>{a.tenant}</div>
                      <div className="muted">{a.account}</div>
                      <div className="otp">
                        {a.code.slice(0, 3)} {a.code.slice(3)} <span className="muted">{a.secondsLeft}s</span>
                      </div>
                    </li>
                  ))}
                </ul>
                <div className="actions">
                  <input
                    value={scan}
                    onChange={(e) => setScan(e.target.value)}
                    placeholder="Scan QR / enter code"
                    data-testid="phone-scan-code"
                  />
                  <button
                    type="button"
                    className="btn"
                    onClick={() => send({ type: 'phone.scan', phone: p.id, activationCode: scan })}
                    data-testid="phone-scan"
                  >
                    Add work account
                  </button>
                </div>
                {p.authenticator.lastError && <div className="form-error">{p.authenticator.lastError}</div>}
              </div>
            )}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => send({ type: 'phone.power', phone: p.id, on: false })}
            >
              Switch off
            </button>
          </>
        )}
        {error && <div className="form-error">{error}</div>}
      </div>
    </div>
  );
}
