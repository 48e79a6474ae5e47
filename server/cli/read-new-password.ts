import { read } from 'read';

/** Everything a piped stdin holds, up to its end. */
async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A new password, never from the command line (argv is visible to every user of the machine in
 * `ps` and lands in shell history): on a terminal a hidden prompt asked twice, which must
 * match; from a pipe (`printf 'secret\n' | npm run user -- add …`) the first line of stdin.
 */
export async function readNewPassword(
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (!stdin.isTTY) {
    const first = (await readAll(stdin)).split(/\r?\n/)[0] ?? '';
    if (!first) throw new Error('No password on stdin (the first line is the password)');
    return first;
  }
  const ask = (prompt: string) =>
    read({ prompt, silent: true, replace: '', input: stdin, output: stderr });
  const first = await ask('密码 Password: ');
  const again = await ask('再次输入 Again: ');
  if (first !== again) throw new Error('两次输入的密码不一致 / The two passwords differ');
  return first;
}
