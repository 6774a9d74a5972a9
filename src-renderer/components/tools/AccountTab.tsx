/**
 * The Account tab of a user's properties in ADUC: the logon names, the unlock checkbox (only
 * while the account is locked out on this DC) and the account options.
 */
import type { AducUserView } from '../../../simulation';

export type AccountOption = 'mustChange' | 'cannotChange' | 'neverExpires' | 'disabled';

const OPTIONS: { id: AccountOption; label: string }[] = [
  { id: 'mustChange', label: 'User must change password at next logon' },
  { id: 'cannotChange', label: 'User cannot change password' },
  { id: 'neverExpires', label: 'Password never expires' },
  { id: 'disabled', label: 'Account is disabled' },
];

interface Props {
  user: AducUserView;
  unlock: boolean;
  options: Partial<Record<AccountOption, boolean>>;
  onUnlock: (v: boolean) => void;
  onOption: (id: AccountOption, v: boolean) => void;
}

export function AccountTab({ user, unlock, options, onUnlock, onOption }: Props) {
  const a = user.account;
  return (
    <div className="aduc-tab-body" data-testid="aduc-account">
      <span className="aduc-label">User logon name:</span>
      <div className="aduc-row">
        <input value={a.logonPrefix} readOnly />
        <input value={a.upnSuffix} readOnly />
      </div>
      <span className="aduc-label">User logon name (pre-Windows 2000):</span>
      <div className="aduc-row">
        <input value={a.preWindows2000.slice(0, a.preWindows2000.indexOf('\\') + 1)} readOnly />
        <input value={user.sam} readOnly />
      </div>
      <div className="aduc-row">
        <button type="button" className="btn btn-small" disabled>
          Logon Hours...
        </button>
        <button type="button" className="btn btn-small" disabled>
          Log On To...
        </button>
      </div>
      <label className={`check${a.lockedOut ? '' : ' aduc-muted'}`}>
        <input
          type="checkbox"
          checked={unlock}
          disabled={!a.lockedOut}
          onChange={(e) => onUnlock(e.target.checked)}
          data-testid="aduc-unlock"
        />{' '}
        {a.unlockText}
      </label>
      <span className="aduc-label">Account options:</span>
      <div className="aduc-options">
        {OPTIONS.map((o) => (
          <label key={o.id} className="check">
            <input
              type="checkbox"
              checked={options[o.id] ?? a[o.id]}
              onChange={(e) => onOption(o.id, e.target.checked)}
              data-testid={`aduc-opt-${o.id}`}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </div>
  );
}
