import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { validateEnv } from './env';

/** Options shared by the application and the TypeORM CLI: entities by glob, migrations only. */
export function dataSourceOptions(url: string): DataSourceOptions {
  const root = `${__dirname}/..`;
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [`${root}/src/**/*.entity.{ts,js}`],
    migrations: [`${root}/migrations/*.{ts,js}`],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
  };
}

export default new DataSource(dataSourceOptions(validateEnv(process.env).DATABASE_URL));
