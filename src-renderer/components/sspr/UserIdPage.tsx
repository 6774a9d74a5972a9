import { useState } from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { SSPR_TEXT, type SsprPage } from '../../../simulation';
import { Captcha } from './Captcha';
import { useSsprStyles } from './ssprStyles';

type Act = (a: Record<string, unknown>) => void;

/** "Get back into your account" / "Who are you?": the user ID and the CAPTCHA. */
export function UserIdPage({ page, act }: { page: Extract<SsprPage, { page: 'userId' }>; act: Act }) {
  const s = useSsprStyles();
  const [userId, setUserId] = useState(page.userId);
  const [captcha, setCaptcha] = useState('');
  return (
    <form
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        act({ type: 'submitUser', userId, captcha });
        setCaptcha('');
      }}
    >
      <Text as="h2" size={500} weight="semibold">
        {SSPR_TEXT.whoAreYou}
      </Text>
      <Text>{SSPR_TEXT.whoAreYouIntro}</Text>
      <Field label={`${SSPR_TEXT.userIdLabel}:`} required>
        <Input
          value={userId}
          onChange={(_, d) => setUserId(d.value)}
          placeholder={SSPR_TEXT.userIdPlaceholder}
          data-testid="sspr-user"
        />
      </Field>
      <Captcha text={page.captcha} />
      <Field
        label={SSPR_TEXT.captchaPrompt}
        validationMessage={page.error}
        validationState={page.error ? 'error' : 'none'}
      >
        <Input value={captcha} onChange={(_, d) => setCaptcha(d.value)} data-testid="sspr-captcha-input" />
      </Field>
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" data-testid="sspr-next">
          {SSPR_TEXT.next}
        </Button>
        <Button onClick={() => act({ type: 'close' })}>{SSPR_TEXT.cancel}</Button>
      </div>
    </form>
  );
}
