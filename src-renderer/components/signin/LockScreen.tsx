import { Button, Text } from '@fluentui/react-components';
import { WINDOWS_UI_TEXT } from '../../../simulation';
import { useSignInStyles } from './signinStyles';

/** The lock screen: the PC's time and date; Ctrl+Alt+Del brings the sign-in screen. */
export function LockScreen({ time, date, onUnlock }: { time: string; date: string; onUnlock: () => void }) {
  const s = useSignInStyles();
  return (
    <div className={s.lock} data-testid="lock-screen">
      <Text className={s.clock}>{time}</Text>
      <Text className={s.date}>{date}</Text>
      <Text className={s.small} block>
        {WINDOWS_UI_TEXT.lockHint}
      </Text>
      <Button appearance="primary" onClick={onUnlock} data-testid="send-cad">
        {WINDOWS_UI_TEXT.sendCad}
      </Button>
    </div>
  );
}
