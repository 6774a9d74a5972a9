import { useState } from 'react';
import { Button, Input, Text } from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import { SIGNIN_TEXT, WINDOWS_UI_TEXT } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { useSignInStyles } from './signinStyles';

/** Windows' "Change a password" screen: old, new, confirm, then the arrow. */
export function ChangePasswordScreen(props: {
  host: string;
  user: string;
  busy: boolean;
  onDone: () => void;
}) {
  const s = useSignInStyles();
  const { send, error } = useDispatch();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return (
    <form
      className={s.column}
      data-testid="change-password"
      onSubmit={(e) => {
        e.preventDefault();
        if (newPassword !== confirm) return setMismatch(true);
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
      <Text className={s.name}>{WINDOWS_UI_TEXT.changeTitle}</Text>
      <Text>{props.user}</Text>
      {(
        [
          [WINDOWS_UI_TEXT.oldPassword, oldPassword, setOld, 'change-old'],
          [WINDOWS_UI_TEXT.newPassword, newPassword, setNew, 'change-new'],
          [WINDOWS_UI_TEXT.confirmPassword, confirm, setConfirm, 'change-confirm'],
        ] as const
      ).map(([label, value, set, id]) => (
        <Input
          key={id}
          className={s.field}
          type="password"
          value={value}
          onChange={(_, d) => set(d.value)}
          placeholder={label}
          aria-label={label}
          data-testid={id}
        />
      ))}
      {mismatch && (
        <Text role="alert" className={s.message}>
          {SIGNIN_TEXT.passwordsDontMatch}
        </Text>
      )}
      {error && <Text role="alert">{error}</Text>}
      <Button
        type="submit"
        appearance="primary"
        icon={<ArrowRightRegular />}
        aria-label="Change"
        disabled={props.busy}
        data-testid="change-submit"
      />
      <Button appearance="subtle" className={s.link} onClick={props.onDone}>
        {WINDOWS_UI_TEXT.cancel}
      </Button>
    </form>
  );
}
