import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `name` in `dir` so that a crash or power loss leaves either nothing or the whole file:
 * a temporary file, flushed, renamed into place, then the folder flushed so the rename stays.
 * `data` may come in chunks (a mail message's shared parts), written without joining them.
 */
export async function writeFileDurably(dir: string, name: string, data: Uint8Array | readonly Uint8Array[]) {
  const temporary = join(dir, `.tmp-${name}`);
  // 'w': a temporary file a crash left behind is simply overwritten.
  const handle = await open(temporary, 'w', 0o600);
  try {
    if (Array.isArray(data)) await handle.writev(data as Uint8Array[]);
    else await handle.writeFile(data as Uint8Array);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, join(dir, name));
  const folder = await open(dir, 'r');
  await folder.sync().finally(() => folder.close());
}
