import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppRole, validateEnv } from '../config/configuration';
import { AppModule } from './app.module';
import { configureHttp } from './http';
import { ensureDatabase, runMigrations } from './migrate';

async function bootstrap(): Promise<void> {
  let env;
  try {
    env = validateEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  await ensureDatabase(env.DATABASE_URL);
  await runMigrations(env.DATABASE_URL);
  const module = AppModule.forRole(env.APP_ROLE);

  if (env.APP_ROLE === AppRole.Worker) {
    const worker = await NestFactory.createApplicationContext(module, { bufferLogs: true });
    worker.useLogger(worker.get(Logger));
    worker.enableShutdownHooks();
    return;
  }

  const app = configureHttp(
    await NestFactory.create(module, { bufferLogs: true, bodyParser: false }),
  );
  await app.listen(env.PORT);
}

void bootstrap();
