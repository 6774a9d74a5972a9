import { Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { LOG_TEXT } from '../adminTexts';
import { useAdminStyles } from '../adminStyles';

export interface LogFilter {
  range: number;
  status: string;
  service: string;
  activity: string;
  search: string;
}

export const NO_FILTER: LogFilter = { range: 30, status: 'All', service: 'All', activity: 'All', search: '' };

const RANGES: [number, string][] = [
  [1, LOG_TEXT.last24h],
  [7, LOG_TEXT.last7d],
  [30, LOG_TEXT.last30d],
];

function Choice(props: { label: string; value: string; options: string[]; onChange: (v: string) => void }) {
  return (
    <Field label={props.label}>
      <Dropdown
        value={props.value}
        selectedOptions={[props.value]}
        onOptionSelect={(_, d) => props.onChange(d.optionValue ?? 'All')}
        aria-label={props.label}
      >
        {['All', ...props.options].map((o) => (
          <Option key={o} value={o}>
            {o}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** The filter bar above a log: date range, status, service and activity, and a text search. */
export function LogFilters(props: {
  value: LogFilter;
  onChange: (f: LogFilter) => void;
  statuses: string[];
  services?: string[];
  activities?: string[];
}) {
  const s = useAdminStyles();
  const f = props.value;
  return (
    <div className={s.filters} data-testid="log-filters">
      <Field label={LOG_TEXT.dateRange}>
        <Dropdown
          value={RANGES.find(([d]) => d === f.range)?.[1] ?? ''}
          selectedOptions={[String(f.range)]}
          onOptionSelect={(_, d) => props.onChange({ ...f, range: Number(d.optionValue) })}
          aria-label={LOG_TEXT.dateRange}
        >
          {RANGES.map(([d, label]) => (
            <Option key={d} value={String(d)}>
              {label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {props.services && (
        <Choice
          label={LOG_TEXT.service}
          value={f.service}
          options={props.services}
          onChange={(service) => props.onChange({ ...f, service })}
        />
      )}
      {props.activities && (
        <Choice
          label={LOG_TEXT.activity}
          value={f.activity}
          options={props.activities}
          onChange={(activity) => props.onChange({ ...f, activity })}
        />
      )}
      <Choice
        label={LOG_TEXT.status}
        value={f.status}
        options={props.statuses}
        onChange={(status) => props.onChange({ ...f, status })}
      />
      <Field label="Search">
        <Input
          value={f.search}
          onChange={(_, d) => props.onChange({ ...f, search: d.value })}
          placeholder={`${LOG_TEXT.user} / ${LOG_TEXT.target}`}
          aria-label="Search the log"
        />
      </Field>
    </div>
  );
}
