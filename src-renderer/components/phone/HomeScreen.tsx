import type { JSX } from 'react';
import { Button, CounterBadge, Text } from '@fluentui/react-components';
import { ChatRegular, ShieldKeyholeRegular } from '@fluentui/react-icons';
import type { PhoneScreen } from '../../state/surfaceUi';
import { usePhoneStyles } from './phoneStyles';

/** The phone's home screen: Messages and Authenticator, with their badges. */
export function HomeScreen(props: { unread: number; pending: number; open: (s: PhoneScreen) => void }) {
  const s = usePhoneStyles();
  const app = (screen: PhoneScreen, label: string, icon: JSX.Element, count: number) => (
    <Button
      appearance="subtle"
      className={s.app}
      onClick={() => props.open(screen)}
      data-testid={`phone-app-${screen}`}
      aria-label={count > 0 ? `${label}, ${count} new` : label}
    >
      <span className={s.appIcon}>{icon}</span>
      <Text size={200}>{label}</Text>
      {count > 0 && <CounterBadge className={s.badge} count={count} size="small" />}
    </Button>
  );
  return (
    <div className={s.screen}>
      <div className={s.apps}>
        {app('messages', 'Messages', <ChatRegular />, props.unread)}
        {app('authenticator', 'Authenticator', <ShieldKeyholeRegular />, props.pending)}
      </div>
    </div>
  );
}
