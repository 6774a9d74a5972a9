import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { MicrosoftLogo } from './MicrosoftLogo';

const useStyles = makeStyles({
  backdrop: {
    minHeight: '100%',
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'center',
    paddingTop: '48px',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    width: '440px',
    maxWidth: '100%',
    padding: '44px',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

/** The login.microsoftonline.com card: the Microsoft logo over one step of the sign-in. */
export function LoginCard({ children }: { children: ReactNode }) {
  const s = useStyles();
  return (
    <div className={s.backdrop}>
      <main className={s.card}>
        <MicrosoftLogo />
        {children}
      </main>
    </div>
  );
}
