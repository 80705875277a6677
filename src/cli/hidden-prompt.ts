import type { CliInput, CliOutput } from './io.js';
import { CliError } from './io.js';

const ENTER = new Set(['\r', '\n']);
const CANCEL = new Set(['\u0003', '\u0004']); // Ctrl-C, Ctrl-D
const ERASE = new Set(['\u007f', '\b']);
const ESCAPE = '\u001b';

export interface HiddenPrompt {
  /** Writes the prompt and resolves with the next line typed, which is never echoed. */
  ask(prompt: string): Promise<string>;
  close(): void;
}

/**
 * Reads lines from a terminal in raw mode, so that nothing typed is echoed. Raw mode also means
 * Ctrl-C arrives as a character rather than a signal: it cancels, and the terminal is restored.
 * Lines are queued, so a password pasted with its Enter is not lost between two prompts.
 */
export function openHiddenPrompt(input: CliInput, prompts: CliOutput): HiddenPrompt {
  const lines: string[] = [];
  let typed: string[] = [];
  let afterCr = false;
  let ended: CliError | undefined;
  let waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;

  function deliver() {
    if (!waiting) return;
    const line = lines.shift();
    if (line === undefined && !ended) return;
    const { resolve, reject } = waiting;
    waiting = undefined;
    prompts.write('\n'); // Enter moves no cursor in raw mode.
    if (line === undefined) reject(ended!);
    else resolve(line);
  }

  const onData = (chunk: string | Buffer) => {
    for (const char of String(chunk)) {
      if (char === '\n' && afterCr) {
        afterCr = false;
        continue;
      }
      afterCr = char === '\r';
      if (ENTER.has(char)) {
        lines.push(typed.join(''));
        typed = [];
      } else if (CANCEL.has(char)) {
        ended = new CliError('cancelled', 130);
        break;
      } else if (ERASE.has(char)) {
        typed.pop();
      } else if (char === ESCAPE) {
        break; // An arrow or function key: its escape sequence fills the rest of the chunk.
      } else if (char >= ' ') {
        typed.push(char);
      }
    }
    deliver();
  };
  const onEnd = () => {
    ended ??= new CliError('standard input closed before the password was entered');
    deliver();
  };

  input.setRawMode?.(true);
  input.setEncoding('utf8');
  input.on('data', onData);
  input.on('end', onEnd);
  input.resume();

  return {
    ask(prompt) {
      prompts.write(prompt);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        deliver();
      });
    },
    close() {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode?.(false);
      input.pause();
    },
  };
}
