import { Link, Text } from '@fluentui/react-components';
import { useLearnerView } from '../../../lab/LabContext';
import type { BladeProps } from '../adminRoutes';
import { BladeFrame } from '../BladeFrame';
import { ADMIN_UI } from '../adminTexts';
import { useAdminStyles } from '../adminStyles';

/** Home (and Entra ID > Overview): the tenant's basic information and the sync status. */
export function HomeBlade(blade: BladeProps) {
  const s = useAdminStyles();
  const a = useLearnerView().adminCenter;
  const primary =
    a.tenant.domains.find((d) => !d.name.endsWith('.onmicrosoft.com'))?.name ?? a.tenant.domains[0]?.name;
  const license = a.licenses.find((l) => l.assigned > 0)?.name ?? a.licenses[0]?.name ?? '';
  return (
    <BladeFrame info={blade.info} route={blade.route} onNavigate={blade.navigate}>
      <div className={s.card} data-testid="tenant-overview">
        <Text as="h2" size={400} weight="semibold" block>
          {ADMIN_UI.basicInformation}
        </Text>
        <div className={s.grid2}>
          <Text>{ADMIN_UI.name}</Text>
          <Text>{a.tenant.name}</Text>
          <Text>{ADMIN_UI.tenantId}</Text>
          <Text>{a.tenant.tenantId}</Text>
          <Text>{ADMIN_UI.primaryDomain}</Text>
          <Text>{primary}</Text>
          <Text>{ADMIN_UI.license}</Text>
          <Text>{license}</Text>
          <Text>{ADMIN_UI.users}</Text>
          <Link onClick={() => blade.navigate('users')}>{a.users.length}</Link>
          <Text>{ADMIN_UI.groups}</Text>
          <Link onClick={() => blade.navigate('groups')}>{a.groups.length}</Link>
        </div>
      </div>
      <div className={s.card}>
        <Text as="h2" size={400} weight="semibold" block>
          {ADMIN_UI.connectStatus}
        </Text>
        <div className={s.grid2}>
          <Text>{ADMIN_UI.syncStatus}</Text>
          <Link onClick={() => blade.navigate('connect')}>
            {a.connect.configured ? ADMIN_UI.enabled : ADMIN_UI.notInstalled}
          </Link>
          <Text>{ADMIN_UI.lastSync}</Text>
          <Text>{a.connect.lastSync ?? ADMIN_UI.never}</Text>
        </div>
      </div>
    </BladeFrame>
  );
}
