import { makeStyles } from '@fluentui/react-components';

/**
 * The app's own large dialogs (debrief, sessions, instructor unlock) on Fluent's Dialog, which
 * takes focus, keeps it inside and closes on Escape: a wider surface that scrolls, and a title row.
 */
export const useModalStyles = makeStyles({
  surface: {
    width: 'min(980px, 94vw)',
    maxWidth: 'min(980px, 94vw)',
    maxHeight: 'calc(100vh - 48px)',
    overflowY: 'auto',
    padding: '16px 20px',
  },
  head: {
    display: 'flex',
    gap: '12px',
    alignItems: 'center',
    '& h2': { margin: 0, flex: 1 },
  },
});
