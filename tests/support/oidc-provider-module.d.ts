// oidc-provider ships no types (and @types/oidc-provider lags its major versions): the little
// the tests use is typed where it is used, in oidc-provider.ts.
declare module 'oidc-provider' {
  const Provider: new (
    issuer: string,
    configuration: Record<string, unknown>,
  ) => {
    callback(): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  };
  export default Provider;
}
