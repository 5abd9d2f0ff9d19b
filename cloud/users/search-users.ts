import { INVITE_CODE_PATTERN, searchUsers, type PersonFound } from '../../types/users';
import { AppError } from '../../types';
import { maskPhone } from '../core/crypto';
import { narrowScope } from '../core/scope';
import { peopleSearchCommunities } from './users.permissions';
import { defineFunction } from '../core/define-function';
import { grantsWithNames } from '../roles/roles.storage';
import { normalizeInviteCode } from './invite-code';
import { findPeople } from './users.storage';

/**
 * How an admin finds a person to appoint. A community admin searches residents of their own
 * community; a district admin the whole district. An invite code finds its holder anywhere,
 * since the holder showed it on purpose; the grant itself is still checked by roles.grant.
 */
export default defineFunction(searchUsers, async (input, { services, caller }) => {
  const scope = narrowScope(peopleSearchCommunities(caller.grants), input.communityId);
  if (!scope) throw new AppError('OUT_OF_SCOPE');
  const query = input.query.trim();
  const digits = query.replace(/[\s*-]/g, '');
  let matchedBy: PersonFound['matchedBy'];
  let rows;
  if (/^1\d{10}$/.test(digits)) {
    matchedBy = 'phone';
    rows = await findPeople(services.db, { phoneIndex: services.cipher.blindIndex(digits) }, scope);
  } else if (/^(1\d\d)?\d{4}$/.test(digits)) {
    // "5678" or what a masked number reads: "138****5678".
    matchedBy = 'phone';
    rows = await findPeople(services.db, { phoneTail: digits.slice(-4) }, scope);
  } else if (INVITE_CODE_PATTERN.test(normalizeInviteCode(query))) {
    matchedBy = 'inviteCode';
    rows = await findPeople(services.db, { inviteCode: normalizeInviteCode(query) }, scope);
    if (rows.length === 0) {
      matchedBy = 'name';
      rows = await findPeople(services.db, { name: query }, scope);
    }
  } else {
    matchedBy = 'name';
    rows = await findPeople(services.db, { name: query }, scope);
  }
  const grants = await grantsWithNames(
    services.db,
    rows.map((r) => r.id),
  );
  return rows.map(
    (r): PersonFound => ({
      userId: r.id,
      nickname: r.nickname,
      phoneMasked: r.phone_enc ? maskPhone(services.cipher.decrypt(r.phone_enc)) : null,
      communityId: r.home_community_id,
      communityName: r.community_name,
      roles: grants.filter((g) => g.userId === r.id).map(({ role, scopeId, scopeName }) => ({ role, scopeId, scopeName })),
      matchedBy,
    }),
  );
});
