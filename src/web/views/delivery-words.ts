/**
 * Why a message could not be delivered, in words people act on: the mail server's answer
 * (`550 5.1.1 No such user here`) or the connection's error code stays in the log and the API.
 */
export function failureInWords(lastError: string | null): string {
  if (!lastError) return 'Could not be delivered.';
  const code = /^(\d{3})\b/.exec(lastError)?.[1];
  if (code === '550' || code === '551' || code === '553')
    return "The recipient's mail server does not accept this address: check it on the person's page.";
  if (code === '552') return "The recipient's mailbox is full, or the mail is too large for it.";
  if (code?.startsWith('5')) return "The recipient's mail server refused the mail.";
  if (code?.startsWith('4')) return 'The mail server asked to try again later; it was tried several times.';
  if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|ECONNRESET|EHOSTUNREACH|connect/i.test(lastError))
    return 'The mail server could not be reached.';
  return 'The mail could not be prepared: ask the administrator to look at the service log.';
}
