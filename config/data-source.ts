import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { validateEnv } from './env';

export { dataSourceOptions };

/** The TypeORM CLI's data source. It validates the environment on import, so boot code that must
 * report a bad environment itself imports data-source-options instead. */
export default new DataSource(dataSourceOptions(validateEnv(process.env).DATABASE_URL));
