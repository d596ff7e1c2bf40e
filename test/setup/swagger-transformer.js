// Runs the @nestjs/swagger compiler plugin under ts-jest, as `nest build` does, so the OpenAPI
// document the tests check is the one production serves.
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
// Bump when the options change: ts-jest keys its cache on it, not on this file.
module.exports.version = 3;
// The options must match nest-cli.json's (response views live in `.view.ts` and `dto/views.ts`).
module.exports.factory = (compiler) =>
  plugin.before(
    {
      introspectComments: true,
      classValidatorShim: true,
      dtoFileNameSuffix: ['.dto.ts', '.entity.ts', '.view.ts', 'views.ts'],
    },
    compiler.program,
  );
