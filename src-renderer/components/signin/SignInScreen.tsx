import { useState } from 'react';
import { Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useLearnerView } from '../../lab/LabContext';
import { useSurfaceUi } from '../../state/surfaceUi';
import { useUi } from '../../state/uiStore';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { DesktopScreen } from './DesktopScreen';
import { LockScreen } from './LockScreen';
import { LogonScreen } from './LogonScreen';
import { useSignInStyles } from './signinStyles';

/** A client PC's screen: lock screen, sign-in screen, or the signed-in desktop. */
export function SignInScreen() {
  const s = useSignInStyles();
  const view = useLearnerView();
  const host = useUi((x) => x.signinHost);
  const setHost = useUi((x) => x.setSigninHost);
  const unlocked = useSurfaceUi((x) => x.unlocked[host] ?? false);
  const setUnlocked = useSurfaceUi((x) => x.setUnlocked);
  const [changing, setChanging] = useState(false);
  const d = view.desktops[host];
  const name = (id: string) => view.devices.find((x) => x.id === id)?.name ?? id;
  return (
    <div className={s.surface} data-testid="signin-screen">
      <div className={s.hostBar}>
        <Field label="PC" orientation="horizontal">
          <Dropdown
            value={name(host)}
            selectedOptions={[host]}
            onOptionSelect={(_, x) => x.optionValue && setHost(x.optionValue)}
            data-testid="signin-host"
          >
            {Object.keys(view.desktops).map((h) => (
              <Option key={h} value={h}>
                {name(h)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={s.screen}>
        {!d || d.screen === 'off' ? (
          <div className={s.column}>
            <Text>{name(host)} is turned off.</Text>
          </div>
        ) : d.screen === 'desktop' ? (
          <DesktopScreen key={host} host={host} d={d} onLock={() => setUnlocked(host, false)} />
        ) : !unlocked ? (
          <LockScreen time={d.clock.time} date={d.clock.date} onUnlock={() => setUnlocked(host, true)} />
        ) : changing && d.changeRequired ? (
          <>
            <div className={s.dim} />
            <ChangePasswordScreen
              host={host}
              user={d.changeRequired}
              busy={d.busy}
              onDone={() => setChanging(false)}
            />
          </>
        ) : (
          <>
            <div className={s.dim} />
            <LogonScreen
              key={host}
              host={host}
              d={d}
              domain="LABORHUB"
              onChangeRequired={() => setChanging(true)}
            />
          </>
        )}
      </div>
    </div>
  );
}
