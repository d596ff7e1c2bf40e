import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppRole, validateEnv } from '../config/configuration';
import { bootFailureLine, prepareDependencies } from './boot';
import { configureHttp } from './http';

async function bootstrap(): Promise<void> {
  const env = validateEnv(process.env);
  await prepareDependencies(env);
  // Loaded only once the environment is proved sound, so a bad one is reported at once.
  const { AppModule } = await import('./app.module');
  const module = AppModule.forRole(env.APP_ROLE);
  // abortOnError: false hands a failed init to the one-line report below instead of Nest's own.
  const options = { bufferLogs: true, abortOnError: false } as const;

  if (env.APP_ROLE === AppRole.Worker) {
    const worker = await NestFactory.createApplicationContext(module, options);
    worker.useLogger(worker.get(Logger));
    worker.enableShutdownHooks();
    return;
  }

  const app = configureHttp(await NestFactory.create(module, { ...options, bodyParser: false }));
  await app.listen(env.PORT);
}

bootstrap().catch((error: unknown) => {
  console.error(bootFailureLine(error));
  process.exit(1);
});
