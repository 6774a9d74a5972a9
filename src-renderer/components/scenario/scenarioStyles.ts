import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

const caption = {
  fontSize: '13px',
  textTransform: 'uppercase',
  letterSpacing: '0.04em',
  color: tokens.colorNeutralForeground3,
} as const;

/** The scenario sidebar: the ticket, the steps or objectives, the hints, the run's status. */
export const useSidebarStyles = makeStyles({
  sidebar: {
    height: '100%',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '12px 14px',
    fontSize: '13px',
    '& h2': { fontSize: '16px', margin: '0 0 8px' },
    '& h3': { ...caption, margin: '14px 0 6px' },
  },
  ticket: {
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '8px 10px',
  },
  subject: { fontWeight: tokens.fontWeightSemibold, margin: '4px 0' },
  // Not a scroll box of its own: a scroll region without focusable content fails axe (the sidebar scrolls).
  body: { whiteSpace: 'pre-wrap', margin: 0 },
  objectives: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    '& > li': { display: 'grid', gridTemplateColumns: '18px 1fr', gap: '6px', padding: '4px 0' },
  },
  mark: {
    display: 'inline-flex',
    paddingTop: '1px',
    fontSize: '16px',
    color: tokens.colorNeutralForeground3,
  },
  met: { color: tokens.colorPaletteGreenForeground1 },
  current: { fontWeight: tokens.fontWeightSemibold },
  desc: {
    display: 'block',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    marginTop: '2px',
  },
  more: { '& summary': { cursor: 'pointer', color: tokens.colorNeutralForeground3, fontSize: '12px' } },
  status: {
    margin: '10px 0',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  completed: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  ended: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

/** A hint the learner took (sidebar and debrief). */
export const useHintStyles = makeStyles({
  taken: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    margin: '0 0 6px',
  },
});

/** The scenario picker's learner name and cards. */
export const usePickerStyles = makeStyles({
  surface: { width: 'min(1000px, 94vw)', maxWidth: 'min(1000px, 94vw)' },
  body: { maxHeight: 'calc(100vh - 48px)' },
  content: { display: 'flex', flexDirection: 'column', gap: '8px', '& p': { margin: 0 } },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 300px) minmax(200px, 1fr)',
    gap: '12px',
    alignItems: 'start',
    '@media (max-width: 700px)': { gridTemplateColumns: '1fr' },
  },
  variant: { '& input': { maxWidth: '100px' } },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 2fr) repeat(3, minmax(120px, 1fr))',
    gap: '8px 12px',
    '@media (max-width: 700px)': { gridTemplateColumns: '1fr 1fr' },
  },
  h3: { margin: '8px 0 0', fontSize: tokens.fontSizeBase400 },
  cardHead: { display: 'flex', gap: '8px', alignItems: 'flex-start', justifyContent: 'space-between' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: '10px',
    margin: '4px 0 8px',
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    textAlign: 'left',
    fontFamily: 'inherit',
    fontSize: 'inherit',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '10px 12px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { ...shorthands.borderColor(tokens.colorBrandForeground1) },
  },
  broken: { ...shorthands.borderColor(tokens.colorPaletteRedForeground1), cursor: 'default' },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: { fontSize: '12px' },
});

/** The debrief: evidence table, commands, the timeline. */
export const useDebriefStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& td': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '3px 6px', verticalAlign: 'top' },
  },
  pre: {
    whiteSpace: 'pre-wrap',
    margin: 0,
    fontFamily: 'Consolas, monospace',
    fontSize: '12px',
    lineHeight: 1.35,
  },
});
