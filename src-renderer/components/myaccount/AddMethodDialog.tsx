import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { REGISTRATION_TEXT as T, type PortalPage } from '../../../simulation';
import { QrCode, activationLink } from './QrCode';
import { useAccountStyles } from './accountStyles';

type Act = (a: Record<string, unknown>) => void;
type Add = NonNullable<Extract<PortalPage, { page: 'securityInfo' }>['add']>;

/** unconfirmed: a few of the country list's entries (the real list has every country). */
const COUNTRIES = [
  ['United States (+1)', '1'],
  ['Canada (+1)', '1'],
  ['United Kingdom (+44)', '44'],
  ['Germany (+49)', '49'],
  ['France (+33)', '33'],
  ['Spain (+34)', '34'],
] as const;

/**
 * The Phone and Microsoft Authenticator dialogs of Security info, one stage at a time. Non-modal:
 * the phone beside the browser stays usable while the dialog is open (scanning its QR code,
 * reading the SMS, answering the call or the test notification).
 */
export function AddMethodDialog({ add, act }: { add: Add; act: Act }) {
  const cancel = () => act({ type: 'cancelAdd' });
  return (
    <Dialog open modalType="non-modal" onOpenChange={(_, d) => !d.open && cancel()}>
      <DialogSurface data-testid={`add-${add.method}-${add.stage}`}>
        <DialogBody>
          <DialogTitle>{add.method === 'phone' ? T.phoneTitle : T.authenticatorTitle}</DialogTitle>
          <Stage add={add} act={act} cancel={cancel} />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Stage({ add, act, cancel }: { add: Add; act: Act; cancel: () => void }) {
  const s = useAccountStyles();
  const [country, setCountry] = useState<string>(COUNTRIES[0][0]);
  const [phone, setPhone] = useState('');
  const [how, setHow] = useState<'sms' | 'call'>('sms');
  const [code, setCode] = useState('');
  const [manual, setManual] = useState(false);
  const error = 'error' in add ? add.error : undefined;
  const errorBar = error && (
    <MessageBar intent="error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );
  if (add.stage === 'done')
    return (
      <>
        <DialogContent>
          <Text data-testid="add-done">{add.text}</Text>
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" onClick={cancel}>
            Done
          </Button>
        </DialogActions>
      </>
    );
  if (add.method === 'phone' && add.stage === 'enterPhone') {
    const cc = COUNTRIES.find(([label]) => label === country)?.[1] ?? '1';
    return (
      <>
        <DialogContent className={s.form}>
          <Text>{T.phoneIntro}</Text>
          <Text>{T.phoneQuestion}</Text>
          <div className={s.row}>
            <Dropdown
              value={country}
              selectedOptions={[country]}
              onOptionSelect={(_, d) => setCountry(d.optionValue ?? country)}
              aria-label="Country or region"
            >
              {COUNTRIES.map(([label]) => (
                <Option key={label} value={label}>
                  {label}
                </Option>
              ))}
            </Dropdown>
            <Input
              value={phone}
              onChange={(_, d) => setPhone(d.value)}
              placeholder="Enter phone number"
              aria-label="Enter phone number"
              data-testid="reg-phone"
            />
          </div>
          <RadioGroup value={how} onChange={(_, d) => setHow(d.value as typeof how)}>
            <Radio value="sms" label={T.textMe} data-testid="reg-text-me" />
            <Radio value="call" label={T.callMe} data-testid="reg-call-me" />
          </RadioGroup>
          <Text size={200}>{T.rates}</Text>
          {errorBar}
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>Cancel</Button>
          <Button
            appearance="primary"
            onClick={() => act({ type: 'setPhone', countryCode: cc, phone, method: how })}
            data-testid="reg-phone-next"
          >
            Next
          </Button>
        </DialogActions>
      </>
    );
  }
  if (add.method === 'phone' && add.stage === 'enterCode')
    return (
      <>
        <DialogContent className={s.form}>
          <Text>{T.codeSentTo(add.phone)}</Text>
          <Field label="Enter code">
            <Input value={code} onChange={(_, d) => setCode(d.value)} data-testid="reg-code" />
          </Field>
          {errorBar}
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>Back</Button>
          <Button
            appearance="primary"
            onClick={() => act({ type: 'enterCode', code })}
            data-testid="reg-code-next"
          >
            Next
          </Button>
        </DialogActions>
      </>
    );
  if (add.method === 'phone' && add.stage === 'calling')
    return (
      <>
        <DialogContent>
          <Spinner
            size="small"
            label={T.calling(add.phone)}
            labelPosition="after"
            data-testid="reg-calling"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>Cancel</Button>
        </DialogActions>
      </>
    );
  if (add.method === 'authenticator' && add.stage === 'getApp')
    return (
      <>
        <DialogContent className={s.form}>
          <Text weight="semibold">{T.getApp}</Text>
          <Text>{T.getAppBody}</Text>
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>Cancel</Button>
          <Button
            appearance="primary"
            onClick={() => act({ type: 'authenticatorNext' })}
            data-testid="reg-auth-next"
          >
            Next
          </Button>
        </DialogActions>
      </>
    );
  if (add.method === 'authenticator' && add.stage === 'scan')
    return (
      <>
        <DialogContent className={s.form}>
          <Text weight="semibold">{T.scanTitle}</Text>
          <Text>{T.scanBody}</Text>
          <QrCode text={activationLink(add.activationCode, add.url)} />
          <Link onClick={() => setManual(!manual)}>{T.cantScan}</Link>
          {manual && (
            <Text>
              Code: <span data-testid="reg-activation">{add.activationCode}</span>
              <br />
              URL: {add.url}
            </Text>
          )}
          {errorBar}
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>Back</Button>
          <Button
            appearance="primary"
            onClick={() => act({ type: 'authenticatorNext' })}
            data-testid="reg-scan-next"
          >
            Next
          </Button>
        </DialogActions>
      </>
    );
  if (add.method === 'authenticator' && add.stage === 'tryItOut')
    return (
      <>
        <DialogContent className={s.form}>
          <Text weight="semibold">{T.tryItOut}</Text>
          <Text>{T.tryItOutBody}</Text>
          <Text className={s.number} data-testid="reg-push-number">
            {add.number}
          </Text>
          {errorBar}
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>Back</Button>
        </DialogActions>
      </>
    );
  return null;
}
