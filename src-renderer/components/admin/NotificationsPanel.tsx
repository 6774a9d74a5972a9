import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  DismissCircleFilled,
  DismissRegular,
  InfoFilled,
} from '@fluentui/react-icons';
import { formatShortDateTime } from '../../../simulation';
import type { LearnerView } from '../../../simulation';
import { ADMIN_UI } from './adminTexts';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  success: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  time: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Notification = LearnerView['adminCenter']['notifications'][number];

/** The top-right flyout: what the admin's actions did, newest first, with the lab time. */
export function NotificationsPanel(props: {
  open: boolean;
  items: Notification[];
  offsetMinutes: number;
  onClose: () => void;
}) {
  const s = useStyles();
  return (
    <OverlayDrawer position="end" open={props.open} onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close"
              icon={<DismissRegular />}
              onClick={props.onClose}
            />
          }
        >
          {ADMIN_UI.notifications}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody data-testid="notifications-panel">
        {props.items.length === 0 && <Text>{ADMIN_UI.noNotifications}</Text>}
        {props.items.map((n) => (
          <div key={n.id} className={s.item}>
            {n.level === 'success' ? (
              <CheckmarkCircleFilled className={s.success} />
            ) : n.level === 'error' ? (
              <DismissCircleFilled className={s.error} />
            ) : (
              <InfoFilled className={s.info} />
            )}
            <div>
              <Text weight="semibold" block>
                {n.title}
              </Text>
              <Text block>{n.text}</Text>
              <Text className={s.time}>{formatShortDateTime(n.at, props.offsetMinutes)}</Text>
            </div>
          </div>
        ))}
      </DrawerBody>
    </OverlayDrawer>
  );
}
