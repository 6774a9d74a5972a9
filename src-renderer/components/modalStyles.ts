import { makeStyles, tokens } from '@fluentui/react-components';

/** The app's own modal pages (scenario picker, debrief, sessions, instructor unlock): a backdrop, a card, its title row. */
export const useModalStyles = makeStyles({
  backdrop: {
    position: 'fixed',
    inset: 0,
    backgroundColor: tokens.colorBackgroundOverlay,
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'center',
    paddingTop: '60px',
    zIndex: 100,
  },
  modal: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    width: 'min(980px, 94vw)',
    maxHeight: '84vh',
    overflow: 'auto',
    padding: '16px 20px',
    boxShadow: tokens.shadow28,
  },
  head: {
    display: 'flex',
    gap: '12px',
    alignItems: 'center',
    '& h2': { margin: 0, flex: 1 },
  },
});
