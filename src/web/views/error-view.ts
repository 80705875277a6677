import { TEXT } from '../../rendering/html/text.js';

/**
 * An error page: one plain sentence and a way back, to the meetings for a signed-in person,
 * to the sign-in page for anyone else. A server's own failure is an error; a refusal a warning.
 */
export function errorView(status: number, message: string, isSignedIn: boolean) {
  return {
    message,
    isServerError: status >= 500,
    backHref: isSignedIn ? '/meetings' : '/sign-in',
    backLabel: isSignedIn ? TEXT.back : TEXT.backToSignIn,
  };
}
