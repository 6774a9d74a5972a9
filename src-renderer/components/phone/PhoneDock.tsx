import { useEffect } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { Battery10Regular, CellularData1Regular, CircleRegular, PowerRegular } from '@fluentui/react-icons';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import { useSurfaceUi } from '../../state/surfaceUi';
import { AuthenticatorScreen } from './AuthenticatorScreen';
import { CallScreen } from './CallScreen';
import { HomeScreen } from './HomeScreen';
import { MessagesScreen } from './MessagesScreen';
import { ScanScreen } from './ScanScreen';
import { HelpButton } from '../help/HelpButton';
import { usePhoneBadge } from './usePhoneBadge';
import { usePhoneStyles } from './phoneStyles';

/**
 * Michael's phone, docked beside whatever surface is open: it keeps its last screen, rings for a
 * verification call over any screen, and counts what is new for the badge.
 */
export function PhoneDock() {
  const s = usePhoneStyles();
  const view = useLearnerView();
  const p = Object.values(view.phones)[0];
  const screen = useSurfaceUi((x) => x.phoneScreen);
  const open = useSurfaceUi((x) => x.setPhoneScreen);
  const setSmsSeen = useSurfaceUi((x) => x.setSmsSeen);
  const badge = usePhoneBadge();
  const { send } = useDispatch();
  const smsCount = p?.sms.length ?? 0;
  useEffect(() => {
    if (screen === 'messages') setSmsSeen(smsCount);
  }, [screen, smsCount, setSmsSeen]);
  if (!p) return null;
  const time = /(\d+:\d+):\d+ ([AP]M)/.exec(view.time.display);
  const call = p.calls[0];
  return (
    <aside className={s.dock} aria-label={p.label} data-testid="phone" data-help-topic="phone">
      <div className={s.handset}>
        <div className={s.status}>
          <Text size={200}>{time ? `${time[1]} ${time[2]}` : ''}</Text>
          <span>
            <CellularData1Regular aria-hidden /> <Battery10Regular aria-hidden />
          </span>
        </div>
        {!p.powered ? (
          <div className={s.screen}>
            <Text>Switched off</Text>
            <Button
              icon={<PowerRegular />}
              onClick={() => send({ type: 'phone.power', phone: p.id, on: true })}
            >
              Switch on
            </Button>
          </div>
        ) : call ? (
          <CallScreen key={call.requestId} phone={p.id} call={call} />
        ) : screen === 'messages' ? (
          <MessagesScreen p={p} />
        ) : screen === 'authenticator' ? (
          <AuthenticatorScreen p={p} open={open} />
        ) : screen === 'scan' ? (
          <ScanScreen phone={p.id} open={open} />
        ) : (
          <HomeScreen unread={badge.unread} pending={badge.pending} open={open} />
        )}
        <div className={s.bar}>
          <Button
            appearance="subtle"
            icon={<CircleRegular />}
            aria-label="Home"
            onClick={() => open('home')}
            data-testid="phone-home"
          />
          {p.powered && (
            <Button
              appearance="subtle"
              icon={<PowerRegular />}
              aria-label="Switch off"
              onClick={() => send({ type: 'phone.power', phone: p.id, on: false })}
            />
          )}
        </div>
      </div>
      <Text size={200} align="center" block>
        {p.label} · {p.number} <HelpButton topic="phone" />
      </Text>
    </aside>
  );
}
