import {
  Avatar,
  Button,
  CounterBadge,
  SearchBox,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AlertRegular, QuestionCircleRegular, SettingsRegular } from '@fluentui/react-icons';
import { ADMIN_UI } from './adminTexts';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  search: { flex: '0 1 420px', marginInline: 'auto' },
  bell: { position: 'relative' },
  count: { position: 'absolute', top: '0', right: '0' },
  account: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  who: { display: 'flex', flexDirection: 'column', lineHeight: tokens.lineHeightBase200 },
  tenant: {
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    textTransform: 'uppercase',
  },
});

/** The portal's header: product name, search, notifications bell, help, and the signed-in admin with the tenant. */
export function AdminTopBar(props: {
  admin: string;
  tenant: string;
  domain: string;
  unread: number;
  onNotifications: () => void;
}) {
  const s = useStyles();
  return (
    <header className={s.bar}>
      <Text className={s.brand}>{ADMIN_UI.product}</Text>
      <SearchBox className={s.search} placeholder={ADMIN_UI.searchPlaceholder} aria-label="Search" />
      <span className={s.bell}>
        <Button
          appearance="subtle"
          icon={<AlertRegular />}
          aria-label={`${ADMIN_UI.notifications}${props.unread ? ` (${props.unread} new)` : ''}`}
          onClick={props.onNotifications}
          data-testid="admin-notifications"
        />
        {props.unread > 0 && <CounterBadge className={s.count} count={props.unread} size="small" />}
      </span>
      <Button appearance="subtle" icon={<SettingsRegular />} aria-label="Settings" />
      <Button appearance="subtle" icon={<QuestionCircleRegular />} aria-label="Help" />
      <span className={s.account} data-testid="admin-account">
        <span className={s.who}>
          <Text size={200}>{props.admin}</Text>
          <Text className={s.tenant}>
            {props.tenant} ({props.domain})
          </Text>
        </span>
        <Avatar name={props.admin} size={28} />
      </span>
    </header>
  );
}
