/**
 * Server Manager's dashboard on a server (DC01, SYNC01): the "Roles and server groups" tiles, each
 * with its Manageability, Events, Services, Performance and BPA results rows. A tile is red when a
 * row has something to show (a stopped automatic service, an error in the last 24 hours), as
 * Windows shows a server's health; the lab map does not. Texts come from SERVER_MANAGER_TEXT.
 */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { SERVER_MANAGER_TEXT, type ServerManagerTile } from '../../../simulation';
import { useLearnerView } from '../../lab/LabContext';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: '170px minmax(0, 1fr)', gap: '12px', minHeight: 0 },
  nav: {
    listStyle: 'none',
    margin: 0,
    padding: '6px 0',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    '& li': { padding: '5px 12px', fontSize: '13px' },
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  main: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  welcome: { fontSize: '12px', color: tokens.colorNeutralForeground3, letterSpacing: '0.04em', margin: 0 },
  heading: { fontSize: '13px', letterSpacing: '0.04em', margin: '6px 0 0' },
  summary: { fontSize: '12px', color: tokens.colorNeutralForeground2, margin: 0, whiteSpace: 'pre' },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: '10px',
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  tile: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tileHead: {
    display: 'flex',
    justifyContent: 'space-between',
    padding: '6px 8px',
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: '13px',
  },
  tileAlert: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  rows: { listStyle: 'none', margin: 0, padding: '4px 0' },
  row: { display: 'flex', justifyContent: 'space-between', padding: '3px 8px', fontSize: '13px' },
  rowAlert: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  count: {
    minWidth: '18px',
    textAlign: 'center',
    borderRadius: '2px',
    padding: '0 4px',
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorPaletteRedBackground3,
  },
  items: { margin: '0 8px 4px 16px', padding: 0, fontSize: '12px', color: tokens.colorNeutralForeground2 },
  off: { color: tokens.colorNeutralForeground3 },
});

function Tile({ tile }: { tile: ServerManagerTile }) {
  const s = useStyles();
  return (
    <li
      className={s.tile}
      data-testid={`sm-tile-${tile.title}`}
      data-alert={tile.alert}
      aria-label={`${tile.title}${tile.alert ? ', needs attention' : ''}`}
    >
      <div className={mergeClasses(s.tileHead, tile.alert && s.tileAlert)}>
        <span>{tile.title}</span>
        <span>{tile.servers}</span>
      </div>
      <ul className={s.rows}>
        {tile.rows.map((r) => (
          <li key={r.name} data-testid={`sm-row-${r.name}`}>
            <div className={mergeClasses(s.row, r.alert && s.rowAlert)}>
              <span>{r.name}</span>
              {r.count > 0 && <span className={s.count}>{r.count}</span>}
            </div>
            {r.alert && r.name === 'Services' && (
              <ul className={s.items}>
                {r.items.map((it) => (
                  <li key={it}>{it}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ServerManager({ host }: { host: string }) {
  const s = useStyles();
  const view = useLearnerView().serverManager[host];
  if (!view) return null;
  const T = SERVER_MANAGER_TEXT;
  return (
    <div className={s.root} data-testid="server-manager">
      <ul className={s.nav} aria-label={`${T.title} pages`}>
        <li className={s.current} aria-current="page">
          {T.dashboard}
        </li>
        <li>{T.localServer}</li>
        <li>{T.allServers}</li>
        {view.tiles
          .filter((t) => t.title !== T.localServer && t.title !== T.allServers)
          .map((t) => (
            <li key={t.title}>{t.title}</li>
          ))}
      </ul>
      <div className={s.main}>
        <Text as="h3" weight="semibold" size={400}>
          {T.title} · {T.dashboard} · {view.hostname}
        </Text>
        <p className={s.welcome}>{T.welcome}</p>
        <h4 className={s.heading}>{T.rolesHeading}</h4>
        <p className={s.summary}>{T.summary(view.roles, view.serverGroups, view.serversTotal)}</p>
        <ul className={s.tiles}>
          {view.tiles.map((t) => (
            <Tile key={t.title} tile={t} />
          ))}
        </ul>
      </div>
    </div>
  );
}
