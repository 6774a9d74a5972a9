import { useMemo, useState } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { formatShortDateTime } from '../../../../simulation';
import { useLearnerView } from '../../../lab/LabContext';
import type { BladeProps } from '../adminRoutes';
import { BladeFrame } from '../BladeFrame';
import { LOG_TEXT } from '../adminTexts';
import { useAdminStyles } from '../adminStyles';
import { DetailsDrawer } from './DetailsDrawer';
import { LogFilters, NO_FILTER, type LogFilter } from './LogFilters';

const DAY = 86_400_000;

/** Sign-in logs: interactive sign-ins of the tenant's users, filtered, with a details pane per row. */
export function SignInLogsBlade(props: BladeProps) {
  const s = useAdminStyles();
  const view = useLearnerView();
  const off = view.time.offsetMinutes;
  const all = view.adminCenter.signIns;
  const [f, setF] = useState<LogFilter>(NO_FILTER);
  const [open, setOpen] = useState<string>();
  const rows = useMemo(
    () =>
      [...all]
        .reverse()
        .filter(
          (e) =>
            e.time >= view.time.now - f.range * DAY &&
            (f.status === 'All' || e.status === f.status) &&
            (f.search === '' || e.user.toLowerCase().includes(f.search.toLowerCase())),
        ),
    [all, f, view.time.now],
  );
  const entry = all.find((e) => e.id === open);
  return (
    <BladeFrame info={props.info} route={props.route} subtitle={props.subtitle} onNavigate={props.navigate}>
      <LogFilters value={f} onChange={setF} statuses={['Success', 'Failure', 'Interrupted']} />
      <div className={s.tableWrap}>
        <Table size="small" aria-label="Sign-in logs" data-testid="signin-log">
          <TableHeader>
            <TableRow>
              {[
                LOG_TEXT.date,
                LOG_TEXT.user,
                LOG_TEXT.application,
                LOG_TEXT.status,
                LOG_TEXT.errorCode,
                LOG_TEXT.failureReason,
              ].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((e) => (
              <TableRow
                key={e.id}
                className={s.clickable}
                onClick={() => setOpen(e.id)}
                onKeyDown={(k) => k.key === 'Enter' && setOpen(e.id)}
                tabIndex={0}
              >
                <TableCell className={s.nowrap}>{formatShortDateTime(e.time, off)}</TableCell>
                <TableCell>{e.user}</TableCell>
                <TableCell>{e.application}</TableCell>
                <TableCell className={e.status === 'Success' ? s.ok : s.bad}>{e.status}</TableCell>
                <TableCell>{e.errorCode}</TableCell>
                <TableCell>{e.failureReason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 && <Text>{LOG_TEXT.noResults}</Text>}
      </div>
      <DetailsDrawer
        title={LOG_TEXT.signInDetails}
        open={!!entry}
        onClose={() => setOpen(undefined)}
        testId="signin-details"
        fields={
          entry
            ? [
                [LOG_TEXT.date, formatShortDateTime(entry.time, off)],
                ['Request ID', entry.id],
                [LOG_TEXT.user, entry.user],
                [LOG_TEXT.application, entry.application],
                [LOG_TEXT.status, entry.status],
                [LOG_TEXT.errorCode, entry.errorCode ?? ''],
                [LOG_TEXT.failureReason, entry.failureReason ?? ''],
              ]
            : []
        }
      />
    </BladeFrame>
  );
}
