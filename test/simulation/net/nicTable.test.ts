import { describe, expect, it } from 'vitest';
import { hearersOf, holdersOf, putNic } from '../../../simulation/net/nicTable';

interface Nic {
  addresses: { ip: string; mask: string }[];
  udpListen?: number[];
}

const IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'];

/** What a scan of the table in its own order finds (the index must agree). */
function scanHolders(nics: Record<string, Nic>, ip: string): string[] {
  return Object.entries(nics)
    .filter(([, n]) => n.addresses.some((a) => a.ip === ip))
    .map(([id]) => id);
}

function scanHearers(nics: Record<string, Nic>, port: number | undefined): string[] {
  return Object.entries(nics)
    .filter(([, n]) => port === undefined || !n.udpListen || n.udpListen.includes(port))
    .map(([id]) => id);
}

describe('the NIC table index', () => {
  for (const seed of [1, 7, 99]) {
    it(`finds address holders and broadcast hearers as a scan does, in table order (seed ${seed})`, () => {
      let x = seed;
      const next = (n: number) => {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        return (x >>> 8) % n;
      };
      const nics: Record<string, Nic> = { first: { addresses: [{ ip: IPS[0] as string, mask: '/24' }] } };
      holdersOf(nics, '10.0.0.1'); // the index now exists and must follow every putNic
      for (let i = 0; i < 400; i++) {
        const id = `n${next(12)}`;
        const addresses = Array.from({ length: next(3) }, () => ({
          ip: IPS[next(4)] as string,
          mask: '/24',
        }));
        const listen = next(3);
        putNic(nics, id, {
          addresses,
          ...(listen === 0 ? {} : { udpListen: listen === 1 ? [] : [67] }),
        });
        for (const ip of IPS) expect(holdersOf(nics, ip)).toStrictEqual(scanHolders(nics, ip));
        for (const port of [67, undefined])
          expect(hearersOf(nics, port)).toStrictEqual(scanHearers(nics, port));
      }
      // Conflicts (two NICs on one address) happen in the stream, so order is really tested.
      expect(IPS.some((ip) => holdersOf(nics, ip).length > 1)).toBe(true);
    });
  }

  it('indexes a table it has not seen (a literal) on first use', () => {
    const nics: Record<string, Nic> = {
      b: { addresses: [{ ip: '10.0.0.2', mask: '/24' }], udpListen: [] },
      a: { addresses: [{ ip: '10.0.0.2', mask: '/24' }] },
    };
    expect(holdersOf(nics, '10.0.0.2')).toStrictEqual(['b', 'a']);
    expect(hearersOf(nics, 67)).toStrictEqual(['a']);
    expect(hearersOf(nics, undefined)).toStrictEqual(['b', 'a']);
  });
});
