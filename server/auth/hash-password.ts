import bcrypt from 'bcryptjs';

/** bcrypt cost: 2^10 rounds, about 60–100 ms in pure JavaScript per hash or check. */
export const BCRYPT_ROUNDS = 10;

export const hashPassword = (password: string): Promise<string> =>
  bcrypt.hash(password, BCRYPT_ROUNDS);

export const checkPassword = (password: string, hash: string): Promise<boolean> =>
  bcrypt.compare(password, hash);
