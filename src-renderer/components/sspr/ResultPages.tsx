import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { SSPR_TEXT, type SsprPage } from '../../../simulation';
import { useSsprStyles } from './ssprStyles';

type Act = (a: Record<string, unknown>) => void;

export function TroublePage({ act }: { act: Act }) {
  const s = useSsprStyles();
  return (
    <div className={s.form}>
      <Text as="h2" size={500} weight="semibold">
        {SSPR_TEXT.whyTrouble}
      </Text>
      <Button onClick={() => act({ type: 'chooseTrouble', option: 'forgot' })} data-testid="sspr-forgot">
        {SSPR_TEXT.forgot}
      </Button>
      <Button onClick={() => act({ type: 'chooseTrouble', option: 'unlock' })} data-testid="sspr-unlock">
        {SSPR_TEXT.knowButCant}
      </Button>
    </div>
  );
}

export function NewPasswordPage({
  page,
  act,
}: {
  page: Extract<SsprPage, { page: 'newPassword' }>;
  act: Act;
}) {
  const s = useSsprStyles();
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        act({ type: 'submitPassword', password: pw, confirm });
      }}
    >
      <Text className={s.steps}>
        {SSPR_TEXT.verificationStep(1)} &gt;{' '}
        <span className={s.current}>{SSPR_TEXT.chooseNewPasswordStep}</span>
      </Text>
      <Text as="h2" size={500} weight="semibold">
        {SSPR_TEXT.chooseNewPassword}
      </Text>
      <Field label={SSPR_TEXT.newPasswordLabel} required>
        <Input type="password" value={pw} onChange={(_, d) => setPw(d.value)} data-testid="sspr-new" />
      </Field>
      <Field label={SSPR_TEXT.confirmPasswordLabel} required>
        <Input
          type="password"
          value={confirm}
          onChange={(_, d) => setConfirm(d.value)}
          data-testid="sspr-confirm"
        />
      </Field>
      {page.error && (
        <MessageBar intent="error">
          <MessageBarBody>{page.error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" data-testid="sspr-finish">
          {SSPR_TEXT.finish}
        </Button>
        <Button onClick={() => act({ type: 'close' })}>{SSPR_TEXT.cancel}</Button>
      </div>
    </form>
  );
}

export function WorkingPage() {
  return <Spinner label={SSPR_TEXT.resetting} labelPosition="after" />;
}

export function DonePage({ page, act }: { page: Extract<SsprPage, { page: 'done' }>; act: Act }) {
  const s = useSsprStyles();
  return (
    <div className={s.form} data-testid="sspr-result">
      <Text as="h2" size={500} weight="semibold">
        {page.heading}
      </Text>
      <Text>{page.text}</Text>
      <div>
        <Button onClick={() => act({ type: 'close' })}>Close</Button>
      </div>
    </div>
  );
}

/** "We're sorry": the page's sentence, the code line, and (where Microsoft shows it) the admin line. */
export function ErrorPage({ page, act }: { page: Extract<SsprPage, { page: 'error' }>; act: Act }) {
  const s = useSsprStyles();
  return (
    <div className={s.form} data-testid="sspr-error">
      <Text as="h2" size={500} weight="semibold">
        {page.heading}
      </Text>
      {page.details && <Text>{page.details}</Text>}
      <Text data-testid="sspr-technical">{page.technical}</Text>
      {page.followUp && <Text>{page.followUp}</Text>}
      <div>
        <Button onClick={() => act({ type: 'open' })}>{SSPR_TEXT.startOver}</Button>
      </div>
    </div>
  );
}
