import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * ADUC's MMC window (menu, toolbar, two panes, status bar) and its property sheets: the layout
 * Fluent's components do not give. The dialogs themselves are Fluent dialogs.
 */
export const useAducStyles = makeStyles({
  window: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '420px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase300,
  },
  menu: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  toolbar: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  panes: { display: 'grid', gridTemplateColumns: '300px minmax(0, 1fr)', flex: 1, minHeight: '360px' },
  tree: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, overflow: 'auto', paddingBlock: '4px' },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { overflow: 'auto' },
  boxedList: {
    overflow: 'auto',
    height: '200px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  row: { cursor: 'default' },
  desc: { maxWidth: '420px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  icon: { verticalAlign: '-3px', marginRight: tokens.spacingHorizontalXS, flexShrink: 0 },
  status: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  sheet: { width: '460px', maxWidth: 'calc(100vw - 32px)' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: '340px' },
  field: {
    display: 'grid',
    gridTemplateColumns: '130px 1fr',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  pair: { display: 'flex', gap: tokens.spacingHorizontalS, '& > *': { flex: 1, minWidth: 0 } },
  /** New Object - User's first row: the first name, then a short Initials box. */
  nameAndInitials: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 64px',
    gap: tokens.spacingHorizontalS,
    '& > *': { minWidth: 0, width: '100%' },
  },
  options: {
    display: 'flex',
    flexDirection: 'column',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalXS,
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  summary: {
    margin: 0,
    minHeight: '180px',
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyBase,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bad: { color: tokens.colorPaletteRedForeground1 },
  boxBody: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  boxText: { margin: 0, whiteSpace: 'pre-line' },
  boxIcon: { fontSize: '32px', flexShrink: 0, color: tokens.colorBrandForeground1 },
  boxIconError: { color: tokens.colorPaletteRedForeground1 },
});
