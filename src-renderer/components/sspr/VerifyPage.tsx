import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { SSPR_TEXT, type SsprPage } from '../../../simulation';
import { useSsprStyles } from './ssprStyles';

type Act = (a: Record<string, unknown>) => void;
type Verify = Extract<SsprPage, { page: 'verify' }>;

/** "verification step n": the methods on the left, the chosen one's prompt on the right. */
export function VerifyPage({ page, act }: { page: Verify; act: Act }) {
  const s = useSsprStyles();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const m = page.method;
  return (
    <>
      <Text className={s.steps} data-testid="sspr-steps">
        <span className={s.current}>{SSPR_TEXT.verificationStep(page.step)}</span>
        {page.required === 2 && page.step === 1 && <> &gt; {SSPR_TEXT.verificationStep(2)}</>} &gt;{' '}
        {SSPR_TEXT.chooseNewPasswordStep}
      </Text>
      <div className={s.verify}>
        <Field label={SSPR_TEXT.chooseMethod}>
          <RadioGroup value={m ?? ''} onChange={(_, d) => act({ type: 'chooseMethod', method: d.value })}>
            {page.options.map((o) => (
              <Radio key={o} value={o} label={SSPR_TEXT.methods[o]} data-testid={`sspr-method-${o}`} />
            ))}
          </RadioGroup>
        </Field>
        <div className={s.detail}>
          {m === 'sms' && (
            <>
              <Text>{SSPR_TEXT.smsPrompt}</Text>
              {page.maskedPhone && (
                <Text weight="semibold" data-testid="sspr-masked-phone">
                  {page.maskedPhone}
                </Text>
              )}
              <div className={s.buttons}>
                <Input
                  value={phone}
                  onChange={(_, d) => setPhone(d.value)}
                  placeholder={SSPR_TEXT.phonePlaceholder}
                  aria-label={SSPR_TEXT.phonePlaceholder}
                  data-testid="sspr-phone"
                />
                <Button onClick={() => act({ type: 'sendSms', phone })} data-testid="sspr-text">
                  {SSPR_TEXT.text}
                </Button>
              </div>
            </>
          )}
          {m === 'authenticatorNotification' && (
            <Button onClick={() => act({ type: 'sendNotification' })} data-testid="sspr-send-notification">
              {SSPR_TEXT.sendNotification}
            </Button>
          )}
          {page.pushNumber !== undefined && (
            <Text className={s.number} data-testid="sspr-push-number">
              {page.pushNumber}
            </Text>
          )}
          {page.message && <Text>{page.message}</Text>}
          {((m === 'sms' && page.smsSent) || m === 'authenticatorCode') && (
            <form
              className={s.detail}
              onSubmit={(e) => {
                e.preventDefault();
                act({ type: 'enterCode', code });
                setCode('');
              }}
            >
              {m === 'authenticatorCode' && <Text>{SSPR_TEXT.codePrompt}</Text>}
              <Input
                value={code}
                onChange={(_, d) => setCode(d.value)}
                placeholder={SSPR_TEXT.codePlaceholder}
                aria-label={SSPR_TEXT.codePlaceholder}
                data-testid="sspr-code"
              />
              <div>
                <Button appearance="primary" type="submit" data-testid="sspr-verify">
                  {SSPR_TEXT.next}
                </Button>
              </div>
            </form>
          )}
          {page.error && (
            <MessageBar intent="error">
              <MessageBarBody>{page.error}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
    </>
  );
}
