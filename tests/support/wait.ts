/**
 * Waits until `check` holds, polling; throws naming `what` if it does not within `timeoutMs`,
 * so a test stops at the wait with a clear message rather than at the next assertion. The bound
 * is generous: it catches a hang, and a busy machine renders a packet's PDFs slowly.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  { timeoutMs = 90_000, intervalMs = 25 } = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
