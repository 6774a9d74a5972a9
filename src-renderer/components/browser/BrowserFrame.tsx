import type { ReactNode } from 'react';
import { makeStyles, tokens, Text } from '@fluentui/react-components';
import {
  ArrowLeftRegular,
  ArrowRightRegular,
  ArrowClockwiseRegular,
  LockClosedRegular,
} from '@fluentui/react-icons';

const useStyles = makeStyles({
  browser: {
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr)',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  url: {
    flex: 1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `2px ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  page: { overflow: 'auto' },
});

/** A browser window around a cloud page: the address bar shows where the learner is. */
export function BrowserFrame({
  url,
  children,
  testId,
}: {
  url: string;
  children: ReactNode;
  testId?: string;
}) {
  const s = useStyles();
  return (
    <div className={s.browser} data-testid={testId}>
      <div className={s.bar} aria-hidden>
        <ArrowLeftRegular />
        <ArrowRightRegular />
        <ArrowClockwiseRegular />
        <span className={s.url}>
          {url.startsWith('https') && <LockClosedRegular />}
          <Text size={200} data-testid="browser-url">
            {url}
          </Text>
        </span>
      </div>
      <div className={s.page}>{children}</div>
    </div>
  );
}
