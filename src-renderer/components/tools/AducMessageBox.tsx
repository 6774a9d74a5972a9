/**
 * A Windows message box over the ADUC window: the title, the text (line breaks kept) and OK.
 * It stays mounted and closes through `open`, so Fluent's exit transition runs (see UserProperties).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { DismissCircleFilled, InfoFilled } from '@fluentui/react-icons';
import { useAducStyles } from './aducStyles';

export function AducMessageBox({
  open,
  title,
  message,
  error,
  onClose,
}: {
  open: boolean;
  title: string;
  message: string;
  error: boolean;
  onClose: () => void;
}) {
  const s = useAducStyles();
  const Icon = error ? DismissCircleFilled : InfoFilled;
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={s.sheet} data-testid="aduc-message">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={s.boxBody}>
            <Icon className={error ? `${s.boxIcon} ${s.boxIconError}` : s.boxIcon} aria-hidden="true" />
            <p className={s.boxText}>{message}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose} data-testid="aduc-message-ok">
              OK
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
