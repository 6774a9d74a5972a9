/**
 * A bigger lab for measuring and for classes that want one: the default lab (or another base
 * definition) with more client PCs and more users, built as plain definition data.
 *
 *   scaledLab({ pcs: 1000, users: 10000 })
 *
 * - `pcs`: how many client PCs the lab has in all (the base's PCs are kept and counted). Added PCs
 *   are `pc4`, `pc5`, … (hostname `PC4` …), DHCP clients in the workstations OU, each with its own
 *   MAC address (00-15-5D-0A-hh-ll).
 * - `users`: how many user accounts the definition lists in all (the base's are kept and counted).
 *   Added users are staff in the Staff OU, members of Domain Users (every tenth also of Sales), with
 *   realistic names (`ava.thompson`, `ava.thompson2`, …), a mail address in the domain and a
 *   password that meets the default policy.
 *
 * When the PCs do not fit the base's DHCP scope (the default /24 scope hands out .100–.254: 155
 * addresses), the LAN and the scope are widened to the smallest prefix that holds them (/23, /22,
 * /21 …, down to /16), on the network that contains the base's LAN: 192.168.6.0/24 becomes
 * 192.168.0.0/21 for 1,000 PCs. The static hosts keep their addresses with the wider prefix, the
 * scope covers the whole network with the base's exclusions, and the DC's reverse lookup zone
 * follows the prefix (0.168.192.in-addr.arpa for a /24, 168.192.in-addr.arpa for a /16–/23).
 * With neither option above the base's counts, the base comes back unchanged.
 */
import type { HostDefinition, LabDefinition, UserDefinition } from '../core/definition';
import { fromInt, parseCidr, prefixToMask, toInt } from '../net/ipv4';
import { DEFAULT_LAB } from './defaultLab';

export interface ScaleOptions {
  /** Client PCs in all (at least the base's). */
  pcs?: number;
  /** User accounts in all (at least the base's). */
  users?: number;
}

/** The most PCs a widened LAN takes (a /16 less its exclusions). */
const MAX_SCALED_PCS = 60_000;
/** The most users the builder adds names for. */
const MAX_SCALED_USERS = 200_000;

const GIVEN = [
  'Ava', 'Liam', 'Noah', 'Mia', 'Ethan', 'Chloe', 'Lucas', 'Grace', 'Mason', 'Zoe',
  'Logan', 'Lily', 'Aiden', 'Nora', 'Owen', 'Ruby', 'Caleb', 'Hannah', 'Isaac', 'Leah',
  'Julian', 'Alice', 'Henry', 'Clara', 'Samuel', 'Ella', 'Jack', 'Maya', 'Leo', 'Ivy',
]; // prettier-ignore
const SURNAMES = [
  'Thompson', 'Garcia', 'Patel', 'Robinson', 'Clark', 'Lewis', 'Walker', 'Young', 'Hall', 'Allen',
  'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts',
  'Turner', 'Phillips', 'Evans', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Reed', 'Cook',
]; // prettier-ignore
const TITLES: [string, string][] = [
  ['Sales Representative', 'Sales'],
  ['Accountant', 'Finance'],
  ['HR Specialist', 'Human Resources'],
  ['Marketing Coordinator', 'Marketing'],
  ['Warehouse Supervisor', 'Operations'],
  ['Customer Service Agent', 'Customer Service'],
];

function count(name: string, value: number | undefined, min: number, max: number): number {
  if (value === undefined) return min;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name}: expected a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** The smallest prefix (≤ the base's) whose network, less the scope's exclusions, leases `pcs` addresses. */
function widenedPrefix(base: LabDefinition, pcs: number): number {
  const lan = parseCidr(base.lan.cidr);
  if (!lan) throw new RangeError(`lan.cidr: not a network: ${base.lan.cidr}`);
  const scope = base.dhcpScope;
  const baseCapacity =
    toInt(scope.rangeEnd) -
    toInt(scope.rangeStart) +
    1 -
    scope.exclusions.reduce((n, x) => n + toInt(x.end) - toInt(x.start) + 1, 0);
  if (pcs <= baseCapacity) return lan.prefix;
  const excluded = scope.exclusions.reduce((n, x) => n + toInt(x.end) - toInt(x.start) + 1, 0);
  for (let p = Math.min(lan.prefix, 24) - 1; p >= 16; p--) {
    if (2 ** (32 - p) - 2 - excluded >= pcs) return p;
  }
  throw new RangeError(`pcs: ${pcs} PCs do not fit a /16 LAN`);
}

function widen(base: LabDefinition, prefix: number): LabDefinition {
  const lan = parseCidr(base.lan.cidr);
  if (!lan || prefix === lan.prefix) return base;
  const mask = prefixToMask(prefix);
  const network = (toInt(lan.network) & toInt(mask)) >>> 0;
  const broadcast = (network | (~toInt(mask) >>> 0)) >>> 0;
  const hosts: HostDefinition[] = base.hosts.map((h) =>
    h.nic.config.mode === 'static' ? { ...h, nic: { ...h.nic, config: { ...h.nic.config, prefix } } } : h,
  );
  return {
    ...base,
    lan: { ...base.lan, cidr: `${fromInt(network)}/${prefix}` },
    hosts,
    dhcpScope: {
      ...base.dhcpScope,
      network: fromInt(network),
      mask,
      rangeStart: fromInt(network + 1),
      rangeEnd: fromInt(broadcast - 1),
    },
  };
}

function addedPc(base: LabDefinition, n: number): HostDefinition {
  const template = base.hosts.find((h) => h.kind === 'client');
  const ou = template?.ou ?? `OU=Workstations,${base.domain.dn}`;
  const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
  return {
    id: `pc${n}`,
    kind: 'client',
    hostname: `PC${n}`,
    role: 'Client PC',
    os: template?.os ?? 'Microsoft Windows 11 Pro',
    osBuild: template?.osBuild ?? '10.0.26100.2605',
    nic: {
      mac: `00-15-5D-0A-${hex((n >> 8) & 255)}-${hex(n & 255)}`,
      description: template?.nic.description ?? 'Intel(R) 82574L Gigabit Network Connection',
      config: { mode: 'dhcp' },
    },
    ou,
  };
}

function addedUsers(base: LabDefinition, howMany: number): UserDefinition[] {
  const taken = new Set(base.users.map((u) => u.sam.toLowerCase()));
  const staffOu = base.users.find((u) => u.sam.includes('.'))?.ou ?? `CN=Users,${base.domain.dn}`;
  const hasSales = base.groups.some((g) => g.name === 'Sales');
  const out: UserDefinition[] = [];
  for (let i = 0; out.length < howMany; i++) {
    const given = GIVEN[i % GIVEN.length] as string;
    const surname = SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length] as string;
    const round = Math.floor(i / (GIVEN.length * SURNAMES.length));
    // sAMAccountName holds at most 20 characters.
    const sam = `${given}.${surname}`.toLowerCase().slice(0, 15) + (round > 0 ? String(round + 1) : '');
    if (taken.has(sam)) continue;
    taken.add(sam);
    const [title, department] = TITLES[i % TITLES.length] as [string, string];
    out.push({
      sam,
      givenName: given,
      surname,
      displayName: `${given} ${surname}`,
      ou: staffOu,
      password: `Scale#${String(i + 1).padStart(5, '0')}x`,
      title,
      department,
      mail: `${sam}@${base.domain.fqdn}`,
      groups: hasSales && i % 10 === 0 ? ['Domain Users', 'Sales'] : ['Domain Users'],
      enabled: true,
      passwordAgeDays: 1 + (i % 40),
    });
  }
  return out;
}

/** The base lab with `pcs` client PCs and `users` users in all; see the module comment. */
export function scaledLab(options: ScaleOptions, base: LabDefinition = DEFAULT_LAB): LabDefinition {
  const basePcs = base.hosts.filter((h) => h.kind === 'client').length;
  const pcs = count('pcs', options.pcs ?? basePcs, basePcs, MAX_SCALED_PCS);
  const users = count('users', options.users ?? base.users.length, base.users.length, MAX_SCALED_USERS);
  if (pcs === basePcs && users === base.users.length) return base;
  const widened = widen(base, widenedPrefix(base, pcs));
  const takenIds = new Set(base.hosts.map((h) => h.id));
  const extra: HostDefinition[] = [];
  for (let n = basePcs + 1; extra.length < pcs - basePcs; n++) {
    if (!takenIds.has(`pc${n}`)) extra.push(addedPc(base, n));
  }
  return {
    ...widened,
    id: `${base.id}-${pcs}pc-${users}u`,
    title: `${base.title} (${pcs} PCs, ${users} users)`,
    hosts: [...widened.hosts, ...extra],
    users: [...base.users, ...addedUsers(base, users - base.users.length)],
  };
}
