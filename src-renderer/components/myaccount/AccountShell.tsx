import type { ReactNode } from 'react';
import { Avatar, Button, Text, mergeClasses } from '@fluentui/react-components';
import {
  HomeRegular,
  KeyRegular,
  LockClosedRegular,
  PersonRegular,
  ShieldKeyholeRegular,
  SignOutRegular,
} from '@fluentui/react-icons';
import { MicrosoftLogo } from '../browser/MicrosoftLogo';
import { useAccountStyles } from './accountStyles';

type Act = (a: Record<string, unknown>) => void;

const NAV = [
  { page: 'home', label: 'Overview', icon: <HomeRegular /> },
  { page: 'securityInfo', label: 'Security info', icon: <ShieldKeyholeRegular /> },
  { page: 'changePassword', label: 'Password', icon: <KeyRegular /> },
  { page: 'organizations', label: 'Organizations', icon: <PersonRegular /> },
  { page: 'privacy', label: 'Settings & Privacy', icon: <LockClosedRegular /> },
] as const;

/** My Account's frame: the header with the signed-in user, and the left navigation. */
export function AccountShell(props: {
  current: string;
  user?: { upn: string; displayName: string };
  act: Act;
  children: ReactNode;
}) {
  const s = useAccountStyles();
  return (
    <div className={s.shell}>
      <header className={s.header}>
        <MicrosoftLogo />
        <Text weight="semibold">My Account</Text>
        <span className={s.grow} />
        <Text>{props.user?.displayName}</Text>
        <Avatar name={props.user?.displayName} size={32} />
        <Button appearance="subtle" icon={<SignOutRegular />} onClick={() => props.act({ type: 'signOut' })}>
          Sign out
        </Button>
      </header>
      <div className={s.body}>
        <nav className={s.nav} aria-label="My Account">
          {NAV.map((n) => (
            <Button
              key={n.page}
              appearance="subtle"
              icon={n.icon}
              className={mergeClasses(s.navItem, props.current === n.page && s.navActive)}
              disabled={n.page === 'organizations' || n.page === 'privacy'}
              aria-current={props.current === n.page ? 'page' : undefined}
              onClick={() => props.act({ type: 'goto', page: n.page })}
              data-testid={`myaccount-nav-${n.page}`}
            >
              {n.label}
            </Button>
          ))}
        </nav>
        <main className={s.main}>{props.children}</main>
      </div>
    </div>
  );
}
