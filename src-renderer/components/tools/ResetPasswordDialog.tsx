/**
 * ADUC's Reset Password dialog: the new password twice, "User must change password at next logon"
 * (ticked, as Windows opens it), the lockout status on this DC and "Unlock the user's account".
 */
import { useState } from 'react';
import { type AducUserView, type AducAction } from '../../../simulation';

export function ResetPasswordDialog({
  user,
  onOk,
  onCancel,
}: {
  user: AducUserView;
  onOk: (action: AducAction) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [unlock, setUnlock] = useState(false);
  const locked = user.account.lockedOut;
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Reset Password">
      <form
        className="aduc-dialog"
        data-testid="aduc-reset-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onOk({ type: 'resetPassword', user: user.sam, password, confirm, mustChange, unlock });
        }}
      >
        <div className="aduc-dialog-title">Reset Password</div>
        <div className="aduc-dialog-body">
          <label className="aduc-field">
            <span>New password:</span>
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoFocus
              data-testid="aduc-newpw"
            />
          </label>
          <label className="aduc-field">
            <span>Confirm password:</span>
            <input
              type="password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              data-testid="aduc-confirmpw"
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={mustChange}
              onChange={(e) => setMustChange(e.target.checked)}
              data-testid="aduc-reset-mustchange"
            />{' '}
            User must change password at next logon
          </label>
          <p className="hint">The user must logoff and then logon again for the change to take effect.</p>
          <p data-testid="aduc-lockout-status">{user.account.lockoutStatus}</p>
          <label className={`check${locked ? '' : ' aduc-muted'}`}>
            <input
              type="checkbox"
              checked={unlock}
              disabled={!locked}
              onChange={(e) => setUnlock(e.target.checked)}
              data-testid="aduc-reset-unlock"
            />{' '}
            Unlock the user&apos;s account
          </label>
        </div>
        <div className="aduc-buttons">
          <button type="submit" className="btn btn-small btn-primary" data-testid="aduc-reset-ok">
            OK
          </button>
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
