import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { PortalPage } from '../../../simulation';
import { useAccountStyles } from './accountStyles';

type Act = (a: Record<string, unknown>) => void;

/** Change password: old, new, confirm, Submit; then the result or the reason it was refused. */
export function ChangePasswordPage({ page, act }: { page: PortalPage; act: Act }) {
  const s = useAccountStyles();
  const [oldPw, setOld] = useState('');
  const [newPw, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  if (page.page === 'working') return <Spinner label="Changing your password…" labelPosition="after" />;
  if (page.page === 'changed')
    return (
      <>
        <MessageBar intent="success">
          <MessageBarBody data-testid="change-result">{page.text}</MessageBarBody>
        </MessageBar>
        <div>
          <Button onClick={() => act({ type: 'goto', page: 'home' })}>Back to My Account</Button>
        </div>
      </>
    );
  const error = page.page === 'changePassword' ? page.error : undefined;
  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        act({ type: 'changePassword', oldPassword: oldPw, newPassword: newPw, confirm });
      }}
    >
      <Text as="h1" size={700} weight="semibold">
        Change password
      </Text>
      <Field label="Old password" required>
        <Input type="password" value={oldPw} onChange={(_, d) => setOld(d.value)} data-testid="change-old" />
      </Field>
      <Field label="Create new password" required>
        <Input type="password" value={newPw} onChange={(_, d) => setNew(d.value)} data-testid="change-new" />
      </Field>
      <Field label="Confirm new password" required>
        <Input
          type="password"
          value={confirm}
          onChange={(_, d) => setConfirm(d.value)}
          data-testid="change-confirm"
        />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" data-testid="change-submit">
          Submit
        </Button>
      </div>
    </form>
  );
}
