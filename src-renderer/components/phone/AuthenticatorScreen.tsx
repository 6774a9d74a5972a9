import { useState } from 'react';
import { Button, Input, Text } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { LearnerView } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import type { PhoneScreen } from '../../state/surfaceUi';
import { usePhoneStyles } from './phoneStyles';

type Phone = LearnerView['phones'][string];

/** Microsoft Authenticator: sign-in requests to approve with the number shown, and the accounts with their codes. */
export function AuthenticatorScreen({ p, open }: { p: Phone; open: (s: PhoneScreen) => void }) {
  const s = usePhoneStyles();
  const { send } = useDispatch();
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  return (
    <div className={s.screen} data-testid="phone-authenticator">
      <div className={s.header}>
        <Text weight="semibold" style={{ flex: 1 }}>
          Authenticator
        </Text>
        <Button
          appearance="subtle"
          icon={<AddRegular />}
          aria-label="Add account"
          onClick={() => open('scan')}
          data-testid="phone-add-account"
        />
      </div>
      {p.authenticator.pending.map((n) => (
        <div key={n.requestId} className={s.card} data-testid="push-request">
          <Text weight="semibold">Are you trying to sign in?</Text>
          <Text className={s.meta}>{n.account}</Text>
          <Input
            value={numbers[n.requestId] ?? ''}
            onChange={(_, d) => setNumbers({ ...numbers, [n.requestId]: d.value })}
            placeholder="Enter the number shown to sign in"
            aria-label="Enter the number shown to sign in"
            data-testid="push-number"
          />
          <div className={s.row}>
            <Button
              onClick={() =>
                send({ type: 'phone.respond', phone: p.id, requestId: n.requestId, approve: false })
              }
            >
              No, it&apos;s not me
            </Button>
            <Button
              appearance="primary"
              onClick={() =>
                send({
                  type: 'phone.respond',
                  phone: p.id,
                  requestId: n.requestId,
                  approve: true,
                  number: Number(numbers[n.requestId]),
                })
              }
              data-testid="push-yes"
            >
              Yes
            </Button>
          </div>
        </div>
      ))}
      {p.authenticator.accounts.length === 0 && <Text className={s.meta}>No accounts yet.</Text>}
      {p.authenticator.accounts.map((a) => (
        <div key={a.account} className={s.card}>
          <Text weight="semibold">{a.tenant}</Text>
          <Text className={s.meta}>{a.account}</Text>
          <Text className={s.otp}>
            {a.code.slice(0, 3)} {a.code.slice(3)}
          </Text>
          <Text className={s.meta}>{a.secondsLeft}s</Text>
        </div>
      ))}
      {p.authenticator.lastError && <Text role="alert">{p.authenticator.lastError}</Text>}
    </div>
  );
}
