import { Text } from '@fluentui/react-components';
import type { LearnerView } from '../../../simulation';
import { usePhoneStyles } from './phoneStyles';

type Phone = LearnerView['phones'][string];

/** Messages: the texts the phone received, newest first. */
export function MessagesScreen({ p }: { p: Phone }) {
  const s = usePhoneStyles();
  return (
    <div className={s.screen} data-testid="phone-sms">
      <Text weight="semibold">Messages</Text>
      {p.sms.length === 0 && <Text className={s.meta}>No messages.</Text>}
      {[...p.sms].reverse().map((m, i) => (
        <div key={i} className={s.bubble}>
          <Text className={s.meta} block>
            {m.from} · {m.at}
          </Text>
          <Text>{m.text}</Text>
        </div>
      ))}
    </div>
  );
}
