import { memo } from 'react';
/**
 * The map's legend: what each kind of line and mark means, drawn with the same strokes as the map
 * (SVG, not emoji). Only what the map shows: cables, links and relations, power and link lights,
 * the learner's own last test and its trace.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ResultIcon } from './DeviceNodeView';

const useStyles = makeStyles({
  legend: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 10px',
    marginTop: '14px',
    fontSize: '11px',
    color: tokens.colorNeutralForeground2,
  },
  list: {
    margin: '2px 0 0',
    display: 'grid',
    gridTemplateColumns: 'auto auto',
    columnGap: '8px',
    rowGap: '3px',
    alignItems: 'center',
  },
  head: { gridColumn: '1 / -1', fontWeight: tokens.fontWeightSemibold, margin: 0 },
  swatch: { display: 'flex', alignItems: 'center', justifyContent: 'center' },
  ok: { color: tokens.colorPaletteGreenForeground1, display: 'flex' },
  bad: { color: tokens.colorPaletteRedForeground1, display: 'flex' },
  pair: { display: 'contents' },
  dt: { margin: 0 },
  dd: { margin: 0 },
});

/** One line as the map draws it; the class gives it the map's stroke (styles.css). */
function Line({ kind }: { kind: string }) {
  return (
    <svg width="36" height="10" aria-hidden="true" className={`legend-line edge-${kind}`}>
      <path d="M2 5H34" />
    </svg>
  );
}

function Dot({ colour }: { colour: string }) {
  return (
    <svg width="12" height="12" aria-hidden="true">
      <circle cx="6" cy="6" r="4.5" fill={colour} />
    </svg>
  );
}

const LINES: [string, string][] = [
  ['ethernet', 'LAN cable'],
  ['wan', 'Internet and carrier links'],
  ['cellular', 'Mobile network (radio)'],
  ['sync', 'Entra Connect sync (export, PHS)'],
  ['relay', 'Password writeback relay'],
  ['down', 'Cable unplugged'],
  ['trace', 'Your last test (trace shown)'],
];

/** Static: memoised, so the panel's re-render on each lab change does not redraw it. */
export const MapLegend = memo(function MapLegend() {
  const s = useStyles();
  return (
    <div className={s.legend} role="group" aria-labelledby="map-legend-head" data-testid="map-legend">
      <p className={s.head} id="map-legend-head">
        Legend
      </p>
      <dl className={s.list}>
        {LINES.map(([kind, label]) => (
          <div key={kind} className={s.pair}>
            <dt className={s.dt}>
              <span className={s.swatch}>
                <Line kind={kind} />
              </span>
            </dt>
            <dd className={s.dd}>{label}</dd>
          </div>
        ))}
        <dt className={s.dt}>
          <span className={s.swatch}>
            <Dot colour={tokens.colorPaletteGreenForeground1} />
            <Dot colour={tokens.colorNeutralForeground4} />
            <Dot colour={tokens.colorPaletteRedForeground1} />
          </span>
        </dt>
        <dd className={s.dd}>Powered on · off · no link</dd>
        <dt className={s.dt}>
          <span className={s.swatch}>
            <span className={s.ok}>
              <ResultIcon ok />
            </span>
            <span className={s.bad}>
              <ResultIcon ok={false} />
            </span>
          </span>
        </dt>
        <dd className={s.dd}>Your last test: got through · failed</dd>
      </dl>
    </div>
  );
});
