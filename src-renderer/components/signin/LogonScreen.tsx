import { useState } from 'react';
import { Avatar, Button, Input, Link, Text } from '@fluentui/react-components';
import { ArrowRightRegular, KeyRegular, PersonRegular } from '@fluentui/react-icons';
import { WINDOWS_UI_TEXT, type LearnerView } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { useSignInStyles } from './signinStyles';

type Desktop = LearnerView['desktops'][string];

/**
 * The sign-in screen: the last user's tile with a password box, or "Other user" with a user name;
 * "Sign-in options"; "Sign in to: LABORHUB"; Windows' message with OK when a sign-in fails.
 */
export function LogonScreen(props: {
  host: string;
  d: Desktop;
  domain: string;
  onChangeRequired: () => void;
}) {
  const s = useSignInStyles();
  const { d } = props;
  const { send, error } = useDispatch();
  const [other, setOther] = useState(!d.lastUser);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [acked, setAcked] = useState<string>();
  const [options, setOptions] = useState(false);
  const tileName = d.lastUserName ?? d.lastUser?.replace(/^.*\\/, '') ?? '';
  const showMessage = d.message && acked !== d.message;
  return (
    <>
      <div className={s.column}>
        <Avatar
          icon={other ? <PersonRegular /> : undefined}
          name={other ? undefined : tileName}
          size={96}
          color="neutral"
        />
        <Text className={s.name}>{other ? WINDOWS_UI_TEXT.otherUser : tileName}</Text>
        {showMessage ? (
          <>
            <Text role="alert" className={s.message} data-testid="signin-message">
              {d.message}
            </Text>
            <Button
              onClick={() => (d.changeRequired ? props.onChangeRequired() : setAcked(d.message))}
              data-testid={d.changeRequired ? 'signin-change-ok' : 'signin-ok'}
            >
              {WINDOWS_UI_TEXT.ok}
            </Button>
          </>
        ) : (
          <form
            className={s.form}
            onSubmit={(e) => {
              e.preventDefault();
              send({
                type: 'desktop.signIn',
                host: props.host,
                user: other ? user : (d.lastUser ?? ''),
                password,
              });
              setPassword('');
              setAcked(undefined);
            }}
          >
            {other && (
              <Input
                className={s.field}
                value={user}
                onChange={(_, x) => setUser(x.value)}
                placeholder={WINDOWS_UI_TEXT.userName}
                aria-label={WINDOWS_UI_TEXT.userName}
                data-testid="signin-user"
              />
            )}
            <Input
              className={s.field}
              type="password"
              value={password}
              onChange={(_, x) => setPassword(x.value)}
              placeholder={WINDOWS_UI_TEXT.password}
              aria-label={WINDOWS_UI_TEXT.password}
              data-testid="signin-password"
              contentAfter={
                <Button
                  type="submit"
                  appearance="transparent"
                  size="small"
                  icon={<ArrowRightRegular />}
                  aria-label="Submit"
                  disabled={d.busy}
                  data-testid="signin-submit"
                />
              }
            />
            {other && <Text className={s.small}>{WINDOWS_UI_TEXT.signInTo(props.domain)}</Text>}
            {other && <Link className={s.link}>{WINDOWS_UI_TEXT.anotherDomain}</Link>}
            <Link className={s.link} onClick={() => setOptions(!options)} data-testid="signin-options">
              {WINDOWS_UI_TEXT.signInOptions}
            </Link>
            {options && (
              <Button
                appearance="subtle"
                className={s.link}
                icon={<KeyRegular />}
                aria-label={WINDOWS_UI_TEXT.password}
                aria-pressed
              />
            )}
          </form>
        )}
        {error && <Text role="alert">{error}</Text>}
      </div>
      <div className={s.users}>
        {d.lastUser && (
          <Button
            appearance="transparent"
            className={s.userButton}
            onClick={() => setOther(false)}
            data-testid="tile-last"
          >
            {tileName}
          </Button>
        )}
        <Button
          appearance="transparent"
          className={s.userButton}
          onClick={() => setOther(true)}
          data-testid="tile-other"
        >
          {WINDOWS_UI_TEXT.otherUser}
        </Button>
      </div>
    </>
  );
}
