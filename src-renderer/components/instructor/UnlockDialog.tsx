import { useEffect, useState, type FormEvent } from 'react';
import { useLabHost } from '../../lab/LabContext';
import { useReturnFocus } from '../../hooks/useReturnFocus';
import { useRole } from '../../state/roleStore';
import { Dialog, DialogSurface, makeStyles, mergeClasses } from '@fluentui/react-components';
import { useModalStyles } from '../modalStyles';

const useStyles = makeStyles({
  modal: { width: 'min(420px, 94vw)', maxWidth: 'min(420px, 94vw)' },
  field: { display: 'flex', flexDirection: 'column', gap: '4px', margin: '8px 0' },
});

/**
 * Entering instructor mode: the first time, the instructor sets a passphrase (typed twice); after
 * that, they type it. Wrong passphrases are slowed down by the platform and the reason is shown.
 */
export function UnlockDialog() {
  const open = useRole((s) => s.unlockOpen);
  useReturnFocus(open);
  // Mounted afresh each time it opens, so nothing typed before is still there.
  return open ? <UnlockForm /> : null;
}

function UnlockForm() {
  const ms = useModalStyles();
  const st = useStyles();
  const setOpen = useRole((s) => s.setUnlockOpen);
  const setRole = useRole((s) => s.setRole);
  // The platform's instructor lock: no engine needed, so the dialog opens at once (no suspense).
  const auth = useLabHost().platform.instructor;
  const [isSet, setIsSet] = useState<boolean | undefined>(undefined);
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void auth.status().then((r) => (r.ok ? setIsSet(r.value.passphraseSet) : setError(r.error)));
  }, [auth]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || isSet === undefined) return;
    if (!isSet && pass !== confirm) {
      setError('The two passphrases differ.');
      return;
    }
    setBusy(true);
    const r = isSet ? await auth.unlock(pass) : await auth.setPassphrase(pass);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setRole('instructor');
    setOpen(false);
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && setOpen(false)}>
      <DialogSurface className={mergeClasses(ms.surface, st.modal)} aria-label="Instructor mode">
        <form onSubmit={(e) => void submit(e)} data-testid="unlock-dialog">
          <div className={ms.head}>
            <h2>Instructor mode</h2>
            <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          <p className="hint">
            {isSet === false
              ? 'Set the instructor passphrase for this computer (at least 8 characters). Learners never see it; it is stored only as a salted hash.'
              : 'Type the instructor passphrase. Instructor mode locks again when you ask, and after 15 minutes without input.'}
          </p>
          <label className={st.field}>
            Passphrase
            <input
              type="password"
              autoFocus
              autoComplete={isSet ? 'current-password' : 'new-password'}
              value={pass}
              onChange={(e) => setPass(e.target.value)}
              data-testid="unlock-passphrase"
            />
          </label>
          {isSet === false && (
            <label className={st.field}>
              Again
              <input
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                data-testid="unlock-confirm"
              />
            </label>
          )}
          {error && (
            <p className="form-error" role="alert" data-testid="unlock-error">
              {error}
            </p>
          )}
          <div className="actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy || !pass}
              data-testid="unlock-submit"
            >
              {busy ? 'Checking…' : isSet === false ? 'Set passphrase and unlock' : 'Unlock'}
            </button>
          </div>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
