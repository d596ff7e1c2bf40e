import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppRole, validateEnv } from '../config/env';
import { bootFailureLine } from './boot-errors';
import { Role } from './common/auth.decorators';
import { DomainError } from './common/domain-error';
import { RegisterDto } from './identity/dto/register.dto';
import { readPassword } from './cli-password';

const USAGE = `Usage: npm run cli -- coordinator:create --email EMAIL --name NAME [--timezone ZONE] [--password-file FILE]
  The password is asked for (no echo), or read from standard input when it is not a terminal,
  or from --password-file. --password PASSWORD also works, but leaves it in shell history.`;

/** A mistake in how the CLI was called: one line on stderr, then exit 2. */
class UsageError extends Error {}

interface CoordinatorInput {
  email: string;
  password: string;
  name: string;
  timezone: string;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        'password-file': { type: 'string' },
        name: { type: 'string' },
        timezone: { type: 'string', default: 'Europe/London' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * The rules of self-registration (RegisterDto), applied as the HTTP validation pipe applies them,
 * so the CLI cannot create an account that could never log in. Only the role differs: nobody may
 * register as a coordinator, which is why this command exists.
 */
function validateCoordinator(input: CoordinatorInput): CoordinatorInput {
  const dto = plainToInstance(RegisterDto, input);
  const problems = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })
    .filter((e) => e.property !== 'role')
    // The option each message is about, since the messages are written for people filling a form.
    .flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `--${e.property}: ${m}`));
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return { email: dto.email, password: dto.password, name: dto.name, timezone: dto.timezone };
}

async function createCoordinator(args: string[]): Promise<void> {
  const values = parse(args);
  if (!values.email || !values.name) throw new UsageError('--email and --name are required');
  if (values.password !== undefined && values['password-file'] !== undefined) {
    throw new UsageError('give --password or --password-file, not both');
  }
  let password: string;
  if (values.password !== undefined) {
    console.error('warning: --password leaves the password in shell history and the process list');
    password = values.password;
  } else if (values['password-file'] !== undefined) {
    password = readFileSync(values['password-file'], 'utf8').replace(/\r?\n$/, '');
  } else {
    password = await readPassword('Password: ');
  }
  const input = validateCoordinator({
    email: values.email,
    password,
    name: values.name,
    timezone: values.timezone ?? 'Europe/London',
  });

  process.env.LOG_LEVEL ??= 'warn';
  const env = validateEnv(process.env);
  const { prepareDependencies } = await import('./boot');
  await prepareDependencies(env);
  // Loaded after the checks above so that a mistake is reported without loading the application.
  const [{ NestFactory }, { AppModule }, { IdentityService }] = await Promise.all([
    import('@nestjs/core'),
    import('./app.module'),
    import('./identity/identity.service'),
  ]);
  const app = await NestFactory.createApplicationContext(AppModule.forRole(AppRole.Api), {
    logger: false,
    abortOnError: false,
  });
  try {
    const account = await app
      .get(IdentityService)
      .createAccount({ ...input, role: Role.Coordinator, emailConfirmed: true }, null);
    console.log(`Coordinator created: ${account.id}`);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === undefined || command === '--help' || rest.includes('--help')) {
    console.log(USAGE);
    return;
  }
  if (command !== 'coordinator:create') throw new UsageError(`unknown command "${command}"`);
  await createCoordinator(rest);
}

// Every failure is one line on stderr: what went wrong, and for a usage mistake where to look.
main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`cli: ${error.message} (see npm run cli -- --help)`);
    process.exit(2);
  }
  const line = error instanceof DomainError ? error.message : bootFailureLine(error);
  console.error(`cli: ${line.replace(/^Boot failed: /, '')}`);
  process.exit(1);
});
