import { generatePassword } from '../services/secrets.js';
import { openHiddenPrompt } from './hidden-prompt.js';
import { CliError, type CliIo } from './io.js';

// The same bounds as the HTTP API's NewPersonBody.password.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
const PROMPT_ATTEMPTS = 3;
// A first line longer than this is not a password: somebody piped a file by mistake.
const PIPED_LIMIT = 4096;

export interface ChosenPassword {
  password: string;
  /** True when agendum made it up: then, and only then, it is shown (once). */
  isGenerated: boolean;
}

/** Where the password comes from: generated on request, typed twice at a terminal, or piped. */
export async function choosePassword(io: CliIo, options: { generate: boolean }): Promise<ChosenPassword> {
  if (options.generate) return { password: generatePassword(), isGenerated: true };
  if (io.stdin.isTTY) return { password: await askTwice(io), isGenerated: false };
  const piped = await readFirstLine(io.stdin);
  if (piped === undefined) return { password: generatePassword(), isGenerated: true };
  const problem = checkPassword(piped);
  if (problem) throw new CliError(`the password on standard input ${problem}`);
  return { password: piped, isGenerated: false };
}

/** Why a password is refused, or undefined; the message never contains the password. */
function checkPassword(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must have at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

async function askTwice(io: CliIo): Promise<string> {
  // Prompts go to stderr so that stdout carries only the result; they never include what was typed.
  const prompt = openHiddenPrompt(io.stdin, io.stderr);
  try {
    for (let attempt = 1; attempt <= PROMPT_ATTEMPTS; attempt++) {
      const first = await prompt.ask('Password: ');
      const problem = checkPassword(first);
      if (problem) {
        io.stderr.write(`The password ${problem}.\n`);
        continue;
      }
      if ((await prompt.ask('Password again: ')) === first) return first;
      io.stderr.write('The two passwords differ.\n');
    }
    throw new CliError(`no password after ${PROMPT_ATTEMPTS} attempts`);
  } finally {
    prompt.close();
  }
}

/**
 * The first line of a piped stdin, without its line ending; undefined when stdin is empty.
 * Stops at the first newline, so a writer that keeps the pipe open after it does not hang us.
 */
async function readFirstLine(input: CliIo['stdin']): Promise<string | undefined> {
  // Streaming decode: a character split between two chunks is still one character.
  const decoder = new TextDecoder();
  let text = '';
  let hasData = false;
  for await (const chunk of input) {
    hasData ||= chunk.length > 0;
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.includes('\n') || text.length > PIPED_LIMIT) break;
  }
  if (!hasData) return undefined;
  return text.split('\n', 1)[0]!.replace(/\r$/, '');
}
