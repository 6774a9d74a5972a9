/**
 * The page's link in its classroom host, without the engine (the top bar's "Leave" is on the
 * first screen; the rest of the class wiring, useClassroom, loads with the lab).
 */
import { hostChannel } from './hostChannel';

const OWNER_KEY = 'hybridlab.classroom.owner';

/** This page's key to its link in the host (made once, kept in the page's storage). */
export function ownerKey(): string {
  let k = localStorage.getItem(OWNER_KEY);
  if (!k || !/^[A-Za-z0-9_-]{16,64}$/.test(k)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    k = Array.from(
      bytes,
      (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[b & 63],
    ).join('');
    localStorage.setItem(OWNER_KEY, k);
  }
  return k;
}

/** The learner leaves the class (their lab stays as it is). */
export function leaveClass(): void {
  hostChannel().send({ kind: 'link.leave', owner: ownerKey() });
}
