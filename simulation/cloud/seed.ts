/** Values both the tenant and a phone derive from the lab's seed, so a pre-registered Authenticator works. */
import { hashString } from '../core/hash';

export function authenticatorSecret(seed: number, upn: string): number {
  return parseInt(hashString(`${seed}:authenticator:${upn.toLowerCase()}`).slice(0, 8), 16) & 0x7fffffff || 1;
}
