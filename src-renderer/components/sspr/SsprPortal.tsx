import { useState } from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import { formatShortDateTime, SSPR_TEXT, type SsprPage } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import { BrowserFrame } from '../browser/BrowserFrame';
import { MicrosoftLogo } from '../browser/MicrosoftLogo';
import { DonePage, ErrorPage, NewPasswordPage, TroublePage, WorkingPage } from './ResultPages';
import { UserIdPage } from './UserIdPage';
import { VerifyPage } from './VerifyPage';
import { useSsprStyles } from './ssprStyles';

type Act = (a: Record<string, unknown>) => void;

/** passwordreset.microsoftonline.com, as Michael (or any user) sees it. */
export function SsprPortal() {
  const s = useSsprStyles();
  const view = useLearnerView();
  const page = view.browser.sspr;
  const { send, error } = useDispatch();
  const act: Act = (action) => send({ type: 'portal.sspr', action });
  const [support, setSupport] = useState(false);
  if (page.page === 'closed')
    return (
      <BrowserFrame url="about:blank" testId="sspr-portal">
        <div className={s.header}>
          <Button appearance="primary" onClick={() => act({ type: 'open' })} data-testid="sspr-open">
            Go to https://aka.ms/sspr
          </Button>
        </div>
      </BrowserFrame>
    );
  const year = /\d{4}/.exec(view.time.display)?.[0] ?? '';
  return (
    <BrowserFrame url="https://passwordreset.microsoftonline.com/" testId="sspr-portal">
      <div className={s.page}>
        <header className={s.header}>
          <MicrosoftLogo />
        </header>
        <main className={s.main}>
          {page.page !== 'error' && (
            <Text as="h1" size={700} weight="semibold">
              {SSPR_TEXT.title}
            </Text>
          )}
          <Body page={page} act={act} />
          {error && <Text role="alert">{error}</Text>}
          {support && page.page === 'error' && (
            <div className={s.support} data-testid="sspr-support">
              <Text weight="semibold">{SSPR_TEXT.supportCode}</Text>
              <Text>{page.supportCode}</Text>
              <Text weight="semibold">{SSPR_TEXT.supportTime}</Text>
              <Text>
                {formatShortDateTime(page.at, view.time.offsetMinutes)} ({view.time.timeZone})
              </Text>
              <Text weight="semibold">{SSPR_TEXT.supportUser}</Text>
              <Text>{page.userId}</Text>
            </div>
          )}
        </main>
        <footer className={s.footer}>
          <Text size={200}>©{year} Microsoft</Text>
          <Link>Legal</Link>
          <Link>Privacy</Link>
          {page.page === 'error' && (
            <Link onClick={() => setSupport(!support)} data-testid="sspr-support-link">
              {SSPR_TEXT.supportCodeLink}
            </Link>
          )}
        </footer>
      </div>
    </BrowserFrame>
  );
}

function Body({ page, act }: { page: SsprPage; act: Act }) {
  switch (page.page) {
    case 'userId':
      return <UserIdPage key={page.captcha} page={page} act={act} />;
    case 'trouble':
      return <TroublePage act={act} />;
    case 'verify':
      return <VerifyPage page={page} act={act} />;
    case 'newPassword':
      return <NewPasswordPage page={page} act={act} />;
    case 'working':
      return <WorkingPage />;
    case 'done':
      return <DonePage page={page} act={act} />;
    case 'error':
      return <ErrorPage page={page} act={act} />;
    default:
      return null;
  }
}
