import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useClassroomStore } from './classroomStore';
import { joinClass } from './useClassroom';

const NAME_KEY = 'hybridlab.classroom.name';

/**
 * A learner joins a class: their name, the address the instructor wrote on the board and the class
 * code. The link is kept by this app's host and reconnects by itself; the lab keeps running
 * whatever the link does.
 */
export function JoinDialog() {
  const open = useClassroomStore((s) => s.joinOpen);
  return open ? <JoinForm /> : null;
}

function JoinForm() {
  const setOpen = useClassroomStore((s) => s.setJoinOpen);
  const last = useClassroomStore((s) => s.link);
  const [name, setName] = useState(() => last.name ?? localStorage.getItem(NAME_KEY) ?? '');
  const [address, setAddress] = useState(last.address ?? '');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!name.trim()) return setError('Type your name, as your instructor should see it.');
    if (!address.trim())
      return setError('Type the address your instructor shows (for example 192.168.1.10:47800).');
    if (!/^[A-Z0-9]{6}$/.test(c)) return setError('The class code is 6 letters and digits.');
    localStorage.setItem(NAME_KEY, name.trim());
    joinClass(address.trim(), c, name.trim());
    setOpen(false);
  };
  return (
    <Dialog open onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogSurface aria-describedby="join-hint" data-testid="join-dialog">
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Join a class</DialogTitle>
            <DialogContent>
              <p id="join-hint" className="hint">
                Your lab stays on this computer; the instructor sees your progress.
              </p>
              <Field label="Your name" required>
                <Input value={name} onChange={(_, d) => setName(d.value)} data-testid="join-name" autoFocus />
              </Field>
              <Field
                label="Address of the class"
                required
                hint="As shown by your instructor, e.g. 192.168.1.10:47800"
              >
                <Input value={address} onChange={(_, d) => setAddress(d.value)} data-testid="join-address" />
              </Field>
              <Field label="Class code" required validationMessage={error ?? undefined}>
                <Input
                  value={code}
                  onChange={(_, d) => setCode(d.value.toUpperCase())}
                  maxLength={6}
                  data-testid="join-code"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" data-testid="join-submit">
                Join
              </Button>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
