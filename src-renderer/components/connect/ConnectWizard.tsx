import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { DismissRegular, ArrowSyncCircleRegular } from '@fluentui/react-icons';
import { WIZARD_PAGE_TITLES, type ConnectView } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import { ConfiguringPage } from './ConfiguringPage';
import { ConnectAadPage, OptionalFeaturesPage, OuFilteringPage } from './FormPages';
import { WizardSteps } from './WizardSteps';
import * as P from './WizardPages';
import { useWizardStyles } from './wizardStyles';

/** The Microsoft Entra Connect wizard on SYNC01: its desktop shortcut, then the wizard window. */
export function ConnectWizard() {
  const s = useWizardStyles();
  const c = useLearnerView().connect;
  const { send, error } = useDispatch();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  if (!c) return <div className="empty">This lab has no Entra Connect server.</div>;
  const act: P.Act = (action) => send({ type: 'connect.wizard', action });
  const page = c.page.page;
  const next = () => {
    if (page === 'connectAad') act({ type: 'setCredentials', user, password });
    act({ type: 'next' });
  };
  return (
    <div className={s.desktop} data-testid={page === 'closed' ? 'connect-closed' : 'connect-desktop'}>
      {page === 'closed' ? (
        <Button
          appearance="subtle"
          className={s.launcher}
          icon={<ArrowSyncCircleRegular className={s.icon} />}
          onClick={() => act({ type: 'open' })}
          data-testid="wizard-open"
        >
          Microsoft Entra Connect
        </Button>
      ) : (
        <section
          className={s.window}
          role="dialog"
          aria-labelledby="wizard-title"
          data-testid="connect-wizard"
        >
          <div className={s.titleBar}>
            <Text className={s.titleText} id="wizard-title">
              Microsoft Entra Connect Sync
            </Text>
            <Button
              appearance="subtle"
              icon={<DismissRegular />}
              aria-label="Close"
              disabled={page === 'configuring' || page === 'working'}
              onClick={() => act({ type: 'close' })}
              data-testid="wizard-close"
            />
          </div>
          <div className={s.body}>
            <WizardSteps steps={c.steps} />
            {/* Focusable, so the page scrolls from the keyboard too (the Configuring page has no control). */}
            <div className={s.page} role="region" aria-labelledby="wizard-page-title" tabIndex={0}>
              <Text
                as="h2"
                size={600}
                weight="semibold"
                id="wizard-page-title"
                data-testid="wizard-page-title"
              >
                {WIZARD_PAGE_TITLES[page]}
              </Text>
              <Body
                c={c}
                act={act}
                user={user}
                password={password}
                setUser={setUser}
                setPassword={setPassword}
                next={next}
              />
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          </div>
          <Footer page={page} act={act} next={next} />
        </section>
      )}
    </div>
  );
}

function Footer({ page, act, next }: { page: ConnectView['page']['page']; act: P.Act; next: () => void }) {
  const s = useWizardStyles();
  if (page === 'complete')
    return (
      <div className={s.footer}>
        <Button appearance="primary" onClick={() => act({ type: 'next' })} data-testid="wizard-next">
          Exit
        </Button>
      </div>
    );
  const busy = page === 'working' || page === 'configuring';
  const label = page === 'welcome' || page === 'ready' ? 'Configure' : 'Next';
  return (
    <div className={s.footer}>
      <Button
        disabled={busy || page === 'welcome'}
        onClick={() => act({ type: 'back' })}
        data-testid="wizard-back"
      >
        Previous
      </Button>
      <Button
        appearance="primary"
        disabled={busy || page === 'viewConfig' || page === 'notModelled'}
        onClick={next}
        data-testid="wizard-next"
      >
        {label}
      </Button>
    </div>
  );
}

function Body(props: {
  c: ConnectView;
  act: P.Act;
  user: string;
  password: string;
  setUser: (v: string) => void;
  setPassword: (v: string) => void;
  next: () => void;
}) {
  const { c, act } = props;
  switch (c.page.page) {
    case 'welcome':
      return <P.WelcomePage />;
    case 'tasks':
      return <P.TasksPage c={c} act={act} />;
    case 'connectAad':
      return (
        <ConnectAadPage
          c={c}
          user={props.user}
          password={props.password}
          onUser={props.setUser}
          onPassword={props.setPassword}
          onSubmit={props.next}
        />
      );
    case 'working':
      return <P.CheckingPage />;
    case 'directories':
      return <P.DirectoriesPage c={c} />;
    case 'ouFiltering':
      return <OuFilteringPage c={c} act={act} />;
    case 'optionalFeatures':
      return <OptionalFeaturesPage c={c} act={act} />;
    case 'staging':
      return <P.StagingPage c={c} act={act} />;
    case 'ready':
      return <P.ReadyPage c={c} act={act} />;
    case 'configuring':
      return <ConfiguringPage c={c} />;
    case 'complete':
      return <P.CompletePage c={c} />;
    case 'viewConfig':
      return <P.ViewConfigPage c={c} />;
    case 'notModelled':
      return <P.NotModelledPage />;
    default:
      return null;
  }
}
