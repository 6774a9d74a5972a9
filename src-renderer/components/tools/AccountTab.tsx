/**
 * The Account tab of a user's properties in ADUC: the logon names, the unlock checkbox (only
 * while the account is locked out on this DC) and the account options.
 */
import { Button, Checkbox, Input, Label, useId } from '@fluentui/react-components';
import type { AducUserView } from '../../../simulation';
import { useAducStyles } from './aducStyles';

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
  const s = useAducStyles();
  const id = useId('aduc-account');
  const a = user.account;
  return (
    <div className={s.body} data-testid="aduc-account">
      <Label htmlFor={`${id}-upn`}>User logon name:</Label>
      <div className={s.pair}>
        <Input id={`${id}-upn`} value={a.logonPrefix} readOnly />
        <Input value={a.upnSuffix} readOnly aria-label="UPN suffix" />
      </div>
      <Label htmlFor={`${id}-sam`}>User logon name (pre-Windows 2000):</Label>
      <div className={s.pair}>
        <Input
          value={a.preWindows2000.slice(0, a.preWindows2000.indexOf('\\') + 1)}
          readOnly
          aria-label="Domain (pre-Windows 2000)"
        />
        <Input id={`${id}-sam`} value={user.sam} readOnly />
      </div>
      <div className={s.buttons}>
        <Button size="small" disabled>
          Logon Hours...
        </Button>
        <Button size="small" disabled>
          Log On To...
        </Button>
      </div>
      <Checkbox
        checked={unlock}
        disabled={!a.lockedOut}
        onChange={(_, d) => onUnlock(d.checked === true)}
        label={a.unlockText}
        data-testid="aduc-unlock"
      />
      <Label id={`${id}-options`}>Account options:</Label>
      <div className={s.options} role="group" aria-labelledby={`${id}-options`}>
        {OPTIONS.map((o) => (
          <Checkbox
            key={o.id}
            checked={options[o.id] ?? a[o.id]}
            onChange={(_, d) => onOption(o.id, d.checked === true)}
            label={o.label}
            data-testid={`aduc-opt-${o.id}`}
          />
        ))}
      </div>
    </div>
  );
}
