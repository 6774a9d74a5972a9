import { useState } from 'react';
import {
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import { useLearnerView } from '../../../../lab/LabContext';
import type { BladeProps } from '../../adminRoutes';
import { BladeFrame } from '../../BladeFrame';
import { PR_TEXT } from '../../adminTexts';
import { useAdminStyles } from '../../adminStyles';

/** Password reset | Usage & insights: registration by method and the self-service activity, from the lab. */
export function UsageBlade(blade: BladeProps) {
  const s = useAdminStyles();
  const u = useLearnerView().adminCenter.usage;
  const [tab, setTab] = useState<'registration' | 'usage'>('registration');
  return (
    <BladeFrame info={blade.info} route={blade.route} subtitle={blade.subtitle} onNavigate={blade.navigate}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="registration">{PR_TEXT.usageRegistration}</Tab>
        <Tab value="usage">{PR_TEXT.usageUsage}</Tab>
      </TabList>
      {tab === 'registration' ? (
        <>
          <div className={s.grid2} data-testid="usage-counts">
            <Text>{PR_TEXT.usersInScope}</Text>
            <Text weight="semibold">{u.usersInScope}</Text>
            <Text>{PR_TEXT.usersRegistered}</Text>
            <Text weight="semibold">{u.usersRegistered}</Text>
          </div>
          <Table size="small" aria-label={PR_TEXT.usageRegistration}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{PR_TEXT.method}</TableHeaderCell>
                <TableHeaderCell>{PR_TEXT.usersRegisteredCol}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {u.registration.map((r) => (
                <TableRow key={r.method}>
                  <TableCell>{r.method}</TableCell>
                  <TableCell>{r.users}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : (
        <Table size="small" aria-label={PR_TEXT.usageUsage} data-testid="usage-activity">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{PR_TEXT.activity}</TableHeaderCell>
              <TableHeaderCell>{PR_TEXT.succeeded}</TableHeaderCell>
              <TableHeaderCell>{PR_TEXT.failed}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {u.activity.map((a) => (
              <TableRow key={a.activity}>
                <TableCell>{a.activity}</TableCell>
                <TableCell>{a.succeeded}</TableCell>
                <TableCell>{a.failed}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </BladeFrame>
  );
}

/** Password reset | Diagnose and solve problems: checks of what the cloud sees. */
export function DiagnoseBlade(blade: BladeProps) {
  const s = useAdminStyles();
  const checks = useLearnerView().adminCenter.diagnostics;
  return (
    <BladeFrame info={blade.info} route={blade.route} subtitle={blade.subtitle} onNavigate={blade.navigate}>
      <Text>{PR_TEXT.diagnoseIntro}</Text>
      <div data-testid="diagnostics">
        {checks.map((c) => (
          <div key={c.id} className={s.card} style={{ marginBottom: 8 }}>
            <div className={s.row}>
              {c.status === 'ok' ? (
                <CheckmarkCircleFilled className={s.ok} aria-label="Passed" />
              ) : c.status === 'warning' ? (
                <WarningFilled className={s.warn} aria-label="Warning" />
              ) : (
                <ErrorCircleFilled className={s.bad} aria-label="Problem" />
              )}
              <Text weight="semibold">{c.title}</Text>
            </div>
            <Text block>{c.detail}</Text>
          </div>
        ))}
      </div>
    </BladeFrame>
  );
}
