import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  logo: { display: 'inline-flex', alignItems: 'center', gap: '8px', color: tokens.colorNeutralForeground2 },
  word: { fontSize: '20px', fontWeight: tokens.fontWeightSemibold, letterSpacing: '-0.01em' },
});

/** The Microsoft logo of the sign-in and password reset pages (four squares and the word). */
export function MicrosoftLogo() {
  const s = useStyles();
  return (
    <span className={s.logo} role="img" aria-label="Microsoft">
      <svg width="21" height="21" viewBox="0 0 21 21" aria-hidden>
        <rect x="1" y="1" width="9" height="9" fill="#f25022" />
        <rect x="11" y="1" width="9" height="9" fill="#7fba00" />
        <rect x="1" y="11" width="9" height="9" fill="#00a4ef" />
        <rect x="11" y="11" width="9" height="9" fill="#ffb900" />
      </svg>
      <span className={s.word} aria-hidden>
        Microsoft
      </span>
    </span>
  );
}
