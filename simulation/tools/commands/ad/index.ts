/**
 * The Active Directory console commands of the lab's Windows hosts. The ActiveDirectory module's
 * cmdlets (adUser.ts, adAccount.ts, adDomain.ts, adGroup.ts) and the ADSyncConfig module
 * (adSyncConfig.ts) exist where RSAT is installed: the DC and the Entra Connect server. net.exe
 * (netExe.ts) is everywhere; dsacls (dsacls.ts) comes with the AD DS tools (DC and sync server).
 * All of them talk to the DC over the network (adClient.ts) with the console user's credentials.
 */
import {
  disableAdAccount,
  enableAdAccount,
  searchAdAccount,
  setAdAccountPassword,
  unlockAdAccount,
} from './adAccount';
import {
  addAdGroupMember,
  getAdComputer,
  getAdGroup,
  getAdGroupMember,
  getAdPrincipalGroupMembership,
  removeAdGroupMember,
} from './adGroup';
import { DOMAIN_COMMANDS } from './adDomain';
import { ADSYNCCONFIG_COMMANDS } from './adSyncConfig';
import { getAdUser, setAdUser } from './adUser';
import { newAdUser } from './adNewUser';
import { convertToSecureString } from './adValues';
import { dsacls } from './dsacls';
import { dsadd } from './dsadd';
import { net } from './netExe';
import type { CommandDef } from '../types';

export const AD_COMMANDS: readonly CommandDef[] = [
  getAdUser,
  setAdUser,
  newAdUser,
  unlockAdAccount,
  enableAdAccount,
  disableAdAccount,
  searchAdAccount,
  setAdAccountPassword,
  ...DOMAIN_COMMANDS,
  getAdGroup,
  getAdGroupMember,
  addAdGroupMember,
  removeAdGroupMember,
  getAdPrincipalGroupMembership,
  getAdComputer,
  net,
  dsacls,
  dsadd,
  convertToSecureString,
  ...ADSYNCCONFIG_COMMANDS,
];
