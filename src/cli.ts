import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppRole, validateEnv } from '../config/configuration';
import { AppModule } from './app.module';
import { Role } from './common/auth.decorators';
import { IdentityService } from './identity/identity.service';
import { ensureDatabase, runMigrations } from './migrate';

const USAGE = `Usage:
  npm run cli -- coordinator:create --email EMAIL --password PASSWORD --name NAME [--timezone ZONE]`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'coordinator:create') {
    console.error(USAGE);
    process.exit(2);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      timezone: { type: 'string', default: 'Europe/London' },
    },
  });
  if (!values.email || !values.password || !values.name || values.password.length < 12) {
    console.error(`${USAGE}\n(the password needs at least 12 characters)`);
    process.exit(2);
  }
  process.env.LOG_LEVEL ??= 'warn';
  const { DATABASE_URL } = validateEnv(process.env);
  await ensureDatabase(DATABASE_URL);
  await runMigrations(DATABASE_URL);
  const app = await NestFactory.createApplicationContext(AppModule.forRole(AppRole.Api), {
    logger: ['error'],
  });
  try {
    const account = await app.get(IdentityService).createAccount(
      {
        email: values.email,
        password: values.password,
        name: values.name,
        timezone: values.timezone ?? 'Europe/London',
        role: Role.Coordinator,
      },
      null,
    );
    console.log(`Coordinator created: ${account.id}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
