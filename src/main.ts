import 'reflect-metadata';
import { AppRole, validateEnv } from '../config/env';
import { settleNodeEnv } from '../config/node-env';
import { bootFailureLine } from './boot-errors';

/**
 * Checks the environment and the dependencies before loading Nest and the application, so a
 * mistake is reported in one line, quickly, without a stack trace.
 */
async function bootstrap(): Promise<void> {
  const env = validateEnv(process.env);
  settleNodeEnv(process.env);
  const { prepareDependencies } = await import('./boot');
  await prepareDependencies(env);
  const [{ NestFactory }, { Logger }, { AppModule }, { createHttpApp }] = await Promise.all([
    import('@nestjs/core'),
    import('nestjs-pino'),
    import('./app.module'),
    import('./http'),
  ]);
  const module = AppModule.forRole(env.APP_ROLE);
  // abortOnError: false hands a failed init to the one-line report below instead of Nest's own.
  const options = { bufferLogs: true, abortOnError: false } as const;

  if (env.APP_ROLE === AppRole.Worker) {
    const worker = await NestFactory.createApplicationContext(module, options);
    worker.useLogger(worker.get(Logger));
    worker.enableShutdownHooks();
    return;
  }

  const app = await createHttpApp(module, options);
  await app.listen(env.PORT);
}

bootstrap().catch((error: unknown) => {
  console.error(bootFailureLine(error));
  process.exit(1);
});
