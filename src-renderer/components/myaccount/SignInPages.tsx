import { useState } from 'react';
import { Button, Checkbox, Field, Input, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { CLOUD_SIGNIN_TEXT, type PortalPage } from '../../../simulation';
import { LoginCard } from '../browser/LoginCard';

type Act = (a: Record<string, unknown>) => void;

const useStyles = makeStyles({
  buttons: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
  identity: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Sign in: the user name, then Next. */
export function UsernamePage({ page, act }: { page: Extract<PortalPage, { page: 'signin' }>; act: Act }) {
  const s = useStyles();
  const [upn, setUpn] = useState(page.upn);
  return (
    <LoginCard>
      <form
        className={s.form}
        onSubmit={(e) => {
          e.preventDefault();
          act({ type: 'submitUsername', upn });
        }}
      >
        <Text as="h1" size={600} weight="semibold">
          {CLOUD_SIGNIN_TEXT.signIn}
        </Text>
        <Field validationMessage={page.error} validationState={page.error ? 'error' : 'none'}>
          <Input
            value={upn}
            onChange={(_, d) => setUpn(d.value)}
            placeholder={CLOUD_SIGNIN_TEXT.usernamePlaceholder}
            aria-label={CLOUD_SIGNIN_TEXT.usernamePlaceholder}
            appearance="underline"
            data-testid="myaccount-upn"
          />
        </Field>
        <Link>{CLOUD_SIGNIN_TEXT.cantAccess}</Link>
        <div className={s.buttons}>
          <Button appearance="primary" type="submit" data-testid="myaccount-next-user">
            {CLOUD_SIGNIN_TEXT.next}
          </Button>
        </div>
      </form>
    </LoginCard>
  );
}

/** Enter password, with the user name above it, a way back, and "Forgot my password" (to SSPR). */
export function PasswordPage(props: {
  page: Extract<PortalPage, { page: 'password' }>;
  act: Act;
  onForgot: (upn: string) => void;
}) {
  const s = useStyles();
  const [password, setPassword] = useState('');
  const { page, act } = props;
  return (
    <LoginCard>
      <form
        className={s.form}
        onSubmit={(e) => {
          e.preventDefault();
          act({ type: 'submitPassword', password });
          setPassword('');
        }}
      >
        <span className={s.identity}>
          <Button
            appearance="subtle"
            size="small"
            icon={<ArrowLeftRegular />}
            aria-label={CLOUD_SIGNIN_TEXT.back}
            onClick={() => act({ type: 'back' })}
            data-testid="myaccount-back"
          />
          <Text>{page.upn}</Text>
        </span>
        <Text as="h1" size={600} weight="semibold">
          {CLOUD_SIGNIN_TEXT.enterPassword}
        </Text>
        <Field validationMessage={page.error} validationState={page.error ? 'error' : 'none'}>
          <Input
            type="password"
            value={password}
            onChange={(_, d) => setPassword(d.value)}
            placeholder={CLOUD_SIGNIN_TEXT.passwordPlaceholder}
            aria-label={CLOUD_SIGNIN_TEXT.passwordPlaceholder}
            appearance="underline"
            data-testid="myaccount-password"
          />
        </Field>
        <Link onClick={() => props.onForgot(page.upn)} data-testid="forgot-password">
          {CLOUD_SIGNIN_TEXT.forgotPassword}
        </Link>
        <div className={s.buttons}>
          <Button appearance="primary" type="submit" data-testid="myaccount-signin">
            {CLOUD_SIGNIN_TEXT.signIn}
          </Button>
        </div>
      </form>
    </LoginCard>
  );
}

/** "Stay signed in?" */
export function KmsiPage({ page, act }: { page: Extract<PortalPage, { page: 'kmsi' }>; act: Act }) {
  const s = useStyles();
  return (
    <LoginCard>
      <Text>{page.upn}</Text>
      <Text as="h1" size={600} weight="semibold">
        {CLOUD_SIGNIN_TEXT.staySignedIn}
      </Text>
      <Text>{CLOUD_SIGNIN_TEXT.staySignedInBody}</Text>
      <Checkbox label={CLOUD_SIGNIN_TEXT.dontShowAgain} />
      <div className={s.buttons}>
        <Button onClick={() => act({ type: 'staySignedIn', stay: false })} data-testid="kmsi-no">
          {CLOUD_SIGNIN_TEXT.no}
        </Button>
        <Button
          appearance="primary"
          onClick={() => act({ type: 'staySignedIn', stay: true })}
          data-testid="kmsi-yes"
        >
          {CLOUD_SIGNIN_TEXT.yes}
        </Button>
      </div>
    </LoginCard>
  );
}

/** The registration interrupt: "More information required". */
export function MoreInfoPage({ upn, act }: { upn?: string; act: Act }) {
  const s = useStyles();
  return (
    <LoginCard>
      <Text>{upn}</Text>
      <Text as="h1" size={600} weight="semibold">
        {CLOUD_SIGNIN_TEXT.moreInfo}
      </Text>
      <Text>{CLOUD_SIGNIN_TEXT.moreInfoBody}</Text>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={() => act({ type: 'next' })} data-testid="myaccount-next">
          {CLOUD_SIGNIN_TEXT.next}
        </Button>
      </div>
    </LoginCard>
  );
}
