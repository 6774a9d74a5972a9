import { Fragment } from 'react';
import { Text } from '@fluentui/react-components';
import { useLearnerView } from '../../../lab/LabContext';
import type { BladeProps } from '../adminRoutes';
import { BladeFrame } from '../BladeFrame';
import { ADMIN_UI } from '../adminTexts';
import { useAdminStyles } from '../adminStyles';

/** Entra Connect | Connect Sync: what the cloud knows of the sync server (fields unconfirmed, reference §7.4). */
export function ConnectBlade(blade: BladeProps) {
  const s = useAdminStyles();
  const c = useLearnerView().adminCenter.connect;
  const rows: [string, string][] = [
    [ADMIN_UI.syncStatus, c.configured ? ADMIN_UI.enabled : ADMIN_UI.notInstalled],
    [ADMIN_UI.lastSync, c.lastSync ?? ADMIN_UI.never],
    [ADMIN_UI.passwordHashSync, c.passwordHashSync ? ADMIN_UI.enabled : ADMIN_UI.disabled],
    ['Last password sync', c.lastPasswordSync ?? ADMIN_UI.never],
    [ADMIN_UI.passwordWriteback, c.passwordWriteback ? ADMIN_UI.enabled : ADMIN_UI.disabled],
    ['Server', c.serverName ?? ''],
  ];
  return (
    <BladeFrame info={blade.info} route={blade.route} subtitle={blade.subtitle} onNavigate={blade.navigate}>
      <div className={`${s.card} ${s.grid2}`} data-testid="connect-status">
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <Text weight="semibold">{k}</Text>
            <Text>{v}</Text>
          </Fragment>
        ))}
      </div>
    </BladeFrame>
  );
}
