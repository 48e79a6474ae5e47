import type { Bilingual } from '../http/api-error';

/**
 * THE minimum password length for new accounts and new passwords (the command line
 * `npm run user`, the first-run setup page and `POST /api/users`). Length is what makes a
 * password hard to guess (NIST SP 800-63B §5.1.1 asks for at least 8; an office's shared
 * machines get a little more).
 */
export const PASSWORD_MIN_LENGTH = 10;

/** Longest accepted password: bcrypt reads only the first 72 bytes; more is refused, not cut. */
export const PASSWORD_MAX_BYTES = 72;

/** What is wrong with a new password, or null when it may be used. */
export function passwordProblem(password: string): Bilingual | null {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return {
      zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`,
      en: `the password must have at least ${PASSWORD_MIN_LENGTH} characters`,
    };
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES)
    return {
      zh: `密码最长 ${PASSWORD_MAX_BYTES} 字节`,
      en: `the password may have at most ${PASSWORD_MAX_BYTES} bytes`,
    };
  if (password.trim() !== password)
    return {
      zh: '密码不能以空格开头或结尾',
      en: 'the password must not start or end with a space',
    };
  return null;
}
