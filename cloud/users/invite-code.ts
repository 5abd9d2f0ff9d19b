import crypto from 'node:crypto';
import { loadQrCode } from '../core/lazy-modules';
import { AppError } from '../../types';
import { myInviteCode } from '../../types/users';
import { defineFunction } from '../core/define-function';
import { claimInviteCode } from './users.storage';

// Crockford base32: no I, L, O, U, so a code read out over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function freshCode(): string {
  const bytes = crypto.randomBytes(8);
  let code = '';
  for (const b of bytes) code += ALPHABET[b & 31];
  return code;
}

/** `K7QM3XD9` → `K7QM-3XD9`, as shown and as typed. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed or a scanner sent: spaces, dashes and case do not matter; O reads as 0, I and L as 1. */
export function normalizeInviteCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export default defineFunction(myInviteCode, async (_input, { services, caller }) => {
  // 32^8 codes: a clash is rare; the unique index turns it into an error, and a new draw follows.
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      const code = await claimInviteCode(services.db, caller.id, freshCode());
      if (code) {
        const shown = formatInviteCode(code);
        return { code: shown, qr: await (await loadQrCode()).toDataURL(shown, { width: 360, margin: 1, errorCorrectionLevel: 'M' }) };
      }
      throw new AppError('SESSION_INVALID');
    } catch (error) {
      if (error instanceof AppError || attempt === 3) throw error;
    }
  }
  throw new AppError('INTERNAL');
});
