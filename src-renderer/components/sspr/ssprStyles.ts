import { makeStyles, tokens } from '@fluentui/react-components';

/** passwordreset.microsoftonline.com's layout: a plain page, a left-aligned column, a footer line. */
export const useSsprStyles = makeStyles({
  page: {
    minHeight: '100%',
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr) auto',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXXL}` },
  main: {
    padding: `0 ${tokens.spacingHorizontalXXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '860px',
  },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    justifyContent: 'flex-end',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXXL}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  verify: {
    display: 'grid',
    gridTemplateColumns: 'minmax(240px, 1fr) minmax(260px, 1.3fr)',
    gap: tokens.spacingHorizontalXXL,
  },
  detail: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  steps: { color: tokens.colorNeutralForeground3 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  captcha: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  number: { fontSize: '40px', fontWeight: tokens.fontWeightSemibold },
  support: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    maxWidth: '640px',
  },
});
