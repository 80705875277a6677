import { Value } from 'typebox/value';
import { ROLES, type Role } from '../domain/roles.js';
import { NewPersonBody } from '../schemas/people.js';
import { UsageError, type Command, type CommandContext } from './io.js';
import { choosePassword } from './password-input.js';
import { withServices } from './with-services.js';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

interface CreateUserInput {
  email: string;
  role: Role;
  name: string;
  generate: boolean;
  invite: boolean;
}

/** Checks the flags with the rules of the HTTP API (same email and name schema), before any IO. */
function readInput({ values }: CommandContext): CreateUserInput {
  const email = typeof values.email === 'string' ? values.email.trim() : '';
  if (!email) throw new UsageError('create-user needs --email');
  if (!Value.Check(NewPersonBody.properties.email, email)) throw new UsageError(`not an email address: ${email}`);
  const role = typeof values.role === 'string' ? values.role : '';
  if (!role) throw new UsageError(`create-user needs --role (${ROLES.join(', ')})`);
  if (!isRole(role)) throw new UsageError(`unknown role ${JSON.stringify(role)}: use one of ${ROLES.join(', ')}`);
  const name = typeof values.name === 'string' ? values.name.trim() : email.slice(0, email.lastIndexOf('@'));
  if (!Value.Check(NewPersonBody.properties.name, name)) {
    throw new UsageError(`not a usable name: ${JSON.stringify(name)}`);
  }
  const invite = values.invite === true;
  if (invite && values['generate-password'] === true)
    throw new UsageError('--invite lets the person choose their password: leave out --generate-password');
  return { email, role, name, generate: values['generate-password'] === true, invite };
}

async function createUser(context: CommandContext): Promise<number> {
  const input = readInput(context);
  return withServices(context, async (services) => {
    if (input.invite) {
      const { name, email, role } = input;
      const person = await services.people.create('system', { name, email, role, invite: true });
      context.io.stdout.write(`Created ${person.role} ${person.email} (id ${person.id})\n`);
      context.io.stdout.write('Invitation queued: the running service mails it (a link to choose a password).\n');
      return 0;
    }
    const { password, isGenerated } = await choosePassword(context.io, { generate: input.generate });
    const { name, email, role } = input;
    const person = await services.people.create('system', { name, email, role, password });
    context.io.stdout.write(`Created ${person.role} ${person.email} (id ${person.id})\n`);
    // Printed after the account exists, and only when agendum chose it: a typed one is never echoed.
    if (isGenerated) context.io.stdout.write(`Password (shown once): ${password}\n`);
    return 0;
  });
}

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'create an account that can sign in',
  usage: 'create-user --email <address> --role <role> [--name <name>] [--generate-password | --invite]',
  details: [
    `roles: ${ROLES.join(', ')}; the name defaults to the part of the address before @.`,
    'The password is asked twice at a terminal, or read from the first line of piped input;',
    'with --generate-password, or an empty input, agendum makes one up and prints it once;',
    'with --invite, no password is asked: the person is mailed a link to choose one.',
  ],
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    'generate-password': { type: 'boolean' },
    invite: { type: 'boolean' },
  },
  run: createUser,
};
