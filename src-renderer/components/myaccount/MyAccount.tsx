import { Button } from '@fluentui/react-components';
import type { PortalPage } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { useLearnerView } from '../../lab/LabContext';
import { useUi } from '../../state/uiStore';
import { BrowserFrame } from '../browser/BrowserFrame';
import { AccountShell } from './AccountShell';
import { ChangePasswordPage } from './ChangePasswordPage';
import { OverviewPage } from './OverviewPage';
import { SecurityInfoPage } from './SecurityInfoPage';
import { KmsiPage, MoreInfoPage, PasswordPage, UsernamePage } from './SignInPages';

const URLS: Record<PortalPage['page'], string> = {
  closed: 'about:blank',
  signin: 'https://login.microsoftonline.com/',
  password: 'https://login.microsoftonline.com/common/login',
  kmsi: 'https://login.microsoftonline.com/kmsi',
  moreInfo: 'https://login.microsoftonline.com/common/login',
  home: 'https://myaccount.microsoft.com/',
  securityInfo: 'https://mysignins.microsoft.com/security-info',
  changePassword: 'https://mysignins.microsoft.com/security-info/password/change',
  working: 'https://mysignins.microsoft.com/security-info/password/change',
  changed: 'https://mysignins.microsoft.com/security-info/password/change',
};

/** The cloud sign-in, My Account and Security info (combined registration), in the learner's browser. */
export function MyAccount() {
  const v = useLearnerView().browser.myAccount;
  const { send } = useDispatch();
  const setSurface = useUi((s) => s.setSurface);
  const act = (action: Record<string, unknown>) => send({ type: 'portal.myaccount', action });
  const p = v.page;
  const forgot = (upn: string) => {
    // "Forgot my password" opens the SSPR page with the user name filled in.
    send({ type: 'portal.sspr', action: { type: 'open', userId: upn } });
    setSurface('sspr');
  };
  return (
    <BrowserFrame url={URLS[p.page]} testId="my-account">
      {p.page === 'closed' && (
        <div style={{ padding: 24 }}>
          <Button appearance="primary" onClick={() => act({ type: 'open' })} data-testid="myaccount-open">
            Go to https://myaccount.microsoft.com
          </Button>
        </div>
      )}
      {p.page === 'signin' && <UsernamePage key={`${p.upn}${p.error ?? ''}`} page={p} act={act} />}
      {p.page === 'password' && <PasswordPage page={p} act={act} onForgot={forgot} />}
      {p.page === 'kmsi' && <KmsiPage page={p} act={act} />}
      {p.page === 'moreInfo' && <MoreInfoPage upn={v.signedInAs?.upn} act={act} />}
      {['home', 'securityInfo', 'changePassword', 'working', 'changed'].includes(p.page) && (
        <AccountShell
          current={p.page === 'securityInfo' || p.page === 'home' ? p.page : 'changePassword'}
          user={v.signedInAs}
          act={act}
        >
          {p.page === 'home' && <OverviewPage user={v.signedInAs} act={act} />}
          {p.page === 'securityInfo' && <SecurityInfoPage v={v} act={act} />}
          {(p.page === 'changePassword' || p.page === 'working' || p.page === 'changed') && (
            <ChangePasswordPage page={p} act={act} />
          )}
        </AccountShell>
      )}
    </BrowserFrame>
  );
}
