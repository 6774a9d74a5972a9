import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout the Fluent components do not give: the portal's frame, blade columns and form rows. */
export const useAdminStyles = makeStyles({
  shell: {
    display: 'grid',
    // The bar, the pop-up notifications' own row (empty unless one shows), the body.
    gridTemplateRows: 'auto auto minmax(0, 1fr)',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  body: { display: 'grid', gridTemplateColumns: '240px minmax(0, 1fr)', minHeight: 0 },
  nav: {
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBlock: tokens.spacingVerticalS,
  },
  content: { overflow: 'auto', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}` },
  blade: {
    display: 'grid',
    gridTemplateColumns: '220px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
  },
  bladeNoMenu: { display: 'block' },
  menu: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, paddingRight: tokens.spacingHorizontalS },
  menuSection: {
    marginTop: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  menuItem: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    width: '100%',
    fontWeight: tokens.fontWeightRegular,
  },
  menuItemActive: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
  },
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '980px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  title: {
    display: 'flex',
    flexDirection: 'column',
    marginBlock: `${tokens.spacingVerticalXS} ${tokens.spacingVerticalM}`,
  },
  subtitle: { color: tokens.colorNeutralForeground3 },
  commandBar: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    marginBottom: tokens.spacingVerticalS,
  },
  card: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  grid2: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteMarigoldForeground1 },
  tableWrap: { overflowX: 'auto' },
  clickable: { cursor: 'pointer' },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  nowrap: { whiteSpace: 'nowrap' },
});
