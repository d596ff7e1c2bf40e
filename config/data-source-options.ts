import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

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
