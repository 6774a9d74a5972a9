import { useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { WINDOWS_UI_TEXT, type LearnerView } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { useSignInStyles } from './signinStyles';

type Desktop = LearnerView['desktops'][string];

/**
 * Signed in: Settings > Accounts > Your info over the desktop, the taskbar with the session's
 * Ctrl+Alt+Del, and its options screen (Lock, Switch user, Sign out, Change a password).
 */
export function DesktopScreen(props: { host: string; d: Desktop; onLock: () => void }) {
  const s = useSignInStyles();
  const { d } = props;
  const { send } = useDispatch();
  const [screen, setScreen] = useState<'desktop' | 'cad' | 'change'>('desktop');
  const [toast, setToast] = useState<string | undefined>(d.banner);
  const signOut = () => {
    send({ type: 'desktop.signOut', host: props.host });
    props.onLock();
  };
  if (screen === 'change' && d.session)
    return (
      <>
        <div className={s.dim} />
        <ChangePasswordScreen
          host={props.host}
          user={d.session.account}
          busy={d.busy}
          onDone={() => setScreen('desktop')}
        />
      </>
    );
  if (screen === 'cad')
    return (
      <>
        <div className={s.dim} />
        <div className={s.column} data-testid="cad-options">
          <div className={s.cadMenu}>
            {WINDOWS_UI_TEXT.cadMenu.map((item) => (
              <Button
                key={item}
                appearance="transparent"
                className={s.cadItem}
                disabled={item === 'Task Manager'}
                onClick={() => {
                  if (item === 'Change a password') setScreen('change');
                  else if (item === 'Sign out') signOut();
                  else if (item === 'Lock' || item === 'Switch user') props.onLock();
                }}
                data-testid={`cad-${item}`}
              >
                {item}
              </Button>
            ))}
          </div>
          <Button onClick={() => setScreen('desktop')}>{WINDOWS_UI_TEXT.cancel}</Button>
        </div>
      </>
    );
  return (
    <div className={s.desktop} data-testid="signin-desktop">
      <div>
        <section className={s.window} aria-label="Settings">
          <Text size={500} weight="semibold">
            Settings &gt; Accounts &gt; Your info
          </Text>
          <div className={s.grid2}>
            <Text weight="semibold">Name</Text>
            <Text>{d.session?.displayName}</Text>
            <Text weight="semibold">Account</Text>
            <Text data-testid="signin-account">{d.session?.account}</Text>
            <Text weight="semibold">Signed in</Text>
            <Text>{d.session?.since}</Text>
          </div>
          <Text>Access work or school: Connected to LABORHUB AD domain</Text>
          {d.message && (
            <Text role="alert" data-testid="desktop-message">
              {d.message}
            </Text>
          )}
        </section>
      </div>
      {toast && (
        <div className={s.toast} role="status" data-testid="desktop-toast">
          <Text block>{toast}</Text>
          <Button size="small" onClick={() => setToast(undefined)}>
            {WINDOWS_UI_TEXT.ok}
          </Button>
        </div>
      )}
      <div className={s.taskbar}>
        <Text>{props.host.toUpperCase()}</Text>
        <span className={s.grow} />
        <Button size="small" onClick={() => setScreen('cad')} data-testid="ctrl-alt-del">
          Ctrl+Alt+Del
        </Button>
        <Button size="small" onClick={signOut} data-testid="signout">
          Sign out
        </Button>
        <Text>{d.clock.time}</Text>
      </div>
    </div>
  );
}
