/**
 * Issue 15, item 4's second half: `nslookup <address>` asks for the PTR record in the reverse
 * lookup zone (Microsoft Learn, "nslookup": given an IP address, nslookup looks up its host name)
 * and prints the name with the address, instead of failing on the address as a name.
 */
import { describe, expect, it } from 'vitest';
import { newLab, run } from '../../harness';

describe('nslookup with an address (Microsoft Learn, nslookup: reverse lookup through the PTR record)', () => {
  it("prints the DC's name for 192.168.6.2 from the reverse zone", () => {
    const lab = newLab();
    expect(run(lab, 'pc1', 'nslookup 192.168.6.2', 'cmd').slice(0, 5)).toEqual([
      'Server:  dc01.laborhub.store',
      'Address:  192.168.6.2',
      '',
      'Name:    dc01.laborhub.store',
      'Address:  192.168.6.2',
    ]);
  });

  it('an address with no PTR record is a non-existent domain, named by the address', () => {
    const lab = newLab();
    expect(run(lab, 'pc1', 'nslookup 192.168.6.250', 'cmd')).toContain(
      "*** dc01.laborhub.store can't find 192.168.6.250: Non-existent domain",
    );
  });
});
