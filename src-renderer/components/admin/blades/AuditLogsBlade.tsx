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

/**
 * Audit logs: filter by date, service, activity and status (Password reset's Audit logs opens
 * with Service = Self-service Password Management), newest first; a row opens its details.
 */
export function AuditLogsBlade(props: BladeProps & { service?: string }) {
  const s = useAdminStyles();
  const view = useLearnerView();
  const off = view.time.offsetMinutes;
  const all = view.adminCenter.audit;
  const [f, setF] = useState<LogFilter>({ ...NO_FILTER, service: props.service ?? 'All' });
  const [open, setOpen] = useState<string>();
  const rows = useMemo(
    () =>
      [...all]
        .reverse()
        .filter(
          (e) =>
            e.time >= view.time.now - f.range * DAY &&
            (f.service === 'All' || e.service === f.service) &&
            (f.activity === 'All' || e.activity === f.activity) &&
            (f.status === 'All' || e.status === f.status) &&
            (f.search === '' ||
              `${e.target ?? ''} ${e.initiatedBy}`.toLowerCase().includes(f.search.toLowerCase())),
        ),
    [all, f, view.time.now],
  );
  const entry = all.find((e) => e.id === open);
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return (
    <BladeFrame info={props.info} route={props.route} subtitle={props.subtitle} onNavigate={props.navigate}>
      <LogFilters
        value={f}
        onChange={setF}
        statuses={['Success', 'Failure']}
        services={uniq([...all.map((e): string => e.service), ...(props.service ? [props.service] : [])])}
        activities={uniq(
          all.filter((e) => f.service === 'All' || e.service === f.service).map((e) => e.activity),
        )}
      />
      <div className={s.tableWrap}>
        <Table size="small" aria-label="Audit logs" data-testid="audit-log">
          <TableHeader>
            <TableRow>
              {[
                LOG_TEXT.date,
                LOG_TEXT.service,
                LOG_TEXT.category,
                LOG_TEXT.activity,
                LOG_TEXT.status,
                LOG_TEXT.statusReason,
                LOG_TEXT.target,
                LOG_TEXT.initiatedBy,
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
                <TableCell>{e.service}</TableCell>
                <TableCell>{e.category}</TableCell>
                <TableCell>{e.activity}</TableCell>
                <TableCell className={e.status === 'Success' ? s.ok : s.bad}>{e.status}</TableCell>
                <TableCell>{e.statusReason}</TableCell>
                <TableCell>{e.target}</TableCell>
                <TableCell>{e.initiatedBy}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 && <Text>{LOG_TEXT.noResults}</Text>}
      </div>
      <DetailsDrawer
        title={LOG_TEXT.details}
        open={!!entry}
        onClose={() => setOpen(undefined)}
        testId="audit-details"
        fields={
          entry
            ? [
                [LOG_TEXT.date, formatShortDateTime(entry.time, off)],
                ['Activity Type', entry.activity],
                [LOG_TEXT.service, entry.service],
                [LOG_TEXT.category, entry.category],
                [LOG_TEXT.status, entry.status],
                [LOG_TEXT.statusReason, entry.statusReason ?? ''],
                [LOG_TEXT.initiatedBy, entry.initiatedBy],
                [LOG_TEXT.target, entry.target ?? ''],
                ...Object.entries(entry.details ?? {}).map(([k, v]): [string, string] => [k, v]),
              ]
            : []
        }
      />
    </BladeFrame>
  );
}
