/**
 * ADUC's Reset Password dialog: the new password twice, "User must change password at next logon"
 * (ticked, as Windows opens it), the lockout status on this DC and "Unlock the user's account".
 * The dialog stays mounted and closes through `open` (Fluent's exit transition must run, see
 * UserProperties); a message box that answers it is nested in it (`children`). Its form starts
 * afresh each time it opens (`session`).
 */
import { useState, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  Label,
  Text,
  useId,
} from '@fluentui/react-components';
import { type AducUserView, type AducAction } from '../../../simulation';
import { useAducStyles } from './aducStyles';

interface Props {
  open: boolean;
  session: number;
  user: AducUserView | undefined;
  onOk: (action: AducAction) => void;
  onCancel: () => void;
  /** The dialog's exit motion has finished. */
  onClosed: () => void;
  children?: ReactNode;
}

export function ResetPasswordDialog({ open, session, user, onOk, onCancel, onClosed, children }: Props) {
  const s = useAducStyles();
  return (
    <Dialog
      open={open && !!user}
      onOpenChange={(_, d) => !d.open && onCancel()}
      surfaceMotion={{ onMotionFinish: (_, d) => d.direction === 'exit' && onClosed() }}
    >
      <DialogSurface className={s.sheet}>
        {user && <ResetForm key={session} user={user} onOk={onOk} onCancel={onCancel} />}
        {children}
      </DialogSurface>
    </Dialog>
  );
}

function ResetForm({ user, onOk, onCancel }: Pick<Props, 'onOk' | 'onCancel'> & { user: AducUserView }) {
  const s = useAducStyles();
  const id = useId('aduc-reset');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [unlock, setUnlock] = useState(false);
  const locked = user.account.lockedOut;
  return (
    <form
      data-testid="aduc-reset-dialog"
      onSubmit={(e) => {
        e.preventDefault();
        onOk({ type: 'resetPassword', user: user.sam, password, confirm, mustChange, unlock });
      }}
    >
      <DialogBody>
        <DialogTitle>Reset Password</DialogTitle>
        <DialogContent className={s.body}>
          <div className={s.field}>
            <Label htmlFor={`${id}-new`}>New password:</Label>
            <Input
              id={`${id}-new`}
              type="password"
              value={password}
              onChange={(_, d) => setPassword(d.value)}
              autoFocus
              data-testid="aduc-newpw"
            />
          </div>
          <div className={s.field}>
            <Label htmlFor={`${id}-confirm`}>Confirm password:</Label>
            <Input
              id={`${id}-confirm`}
              type="password"
              value={confirm}
              onChange={(_, d) => setConfirm(d.value)}
              data-testid="aduc-confirmpw"
            />
          </div>
          <Checkbox
            checked={mustChange}
            onChange={(_, d) => setMustChange(d.checked === true)}
            label="User must change password at next logon"
            data-testid="aduc-reset-mustchange"
          />
          <Text className={s.muted}>
            The user must logoff and then logon again for the change to take effect.
          </Text>
          <Text data-testid="aduc-lockout-status">{user.account.lockoutStatus}</Text>
          <Checkbox
            checked={unlock}
            disabled={!locked}
            onChange={(_, d) => setUnlock(d.checked === true)}
            label="Unlock the user's account"
            data-testid="aduc-reset-unlock"
          />
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" data-testid="aduc-reset-ok">
            OK
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
