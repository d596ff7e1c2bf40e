// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Homes the code relies on (docs/STYLE.md), kept by lint rather than by memory. Each rule lists the
 * files that break it today (issue #25 moves them home); a new file never joins a list.
 */
const LUXON_HOME = ['src/common/time/**', 'web/src/time/**'];
const LUXON_DEBT = [
  'src/matching/matching.ts',
  'src/common/words.ts',
  'src/common/validators.ts',
  'src/notifications/quiet-hours.ts',
  'src/notifications/notification-templates.ts',
  'src/availability/slots.ts',
  'src/availability/slot-range.ts',
  '**/*.spec.ts',
];
const SQL_HOME = [
  '**/*.repository.ts',
  'migrations/**',
  'config/**',
  'test/**',
  'bench/**',
  'src/demo-seed.ts',
  'src/demo-world.ts',
  'src/migrate.ts',
];
const EM_METHODS =
  'query|createQueryBuilder|find|findOne|findBy|findOneBy|findOneOrFail|findAndCount|save|insert|update|upsert|delete|remove|count|countBy|exists|existsBy|increment|decrement|getRepository';
/** Pages that still call the API themselves instead of their domain's queries.ts. */
const WEB_CALLS_DEBT = [
  'web/src/account/ConcernList.tsx',
  'web/src/account/ConcernNew.tsx',
  'web/src/account/Consents.tsx',
  'web/src/account/DataPage.tsx',
  'web/src/account/ProfileForm.tsx',
  'web/src/account/SignIn.tsx',
  'web/src/account/SignUp.tsx',
  'web/src/account/TextChannel.tsx',
  'web/src/account/Texts.tsx',
  'web/src/account/useMe.ts',
  'web/src/buddy/CallOutcome.tsx',
  'web/src/buddy/PairingsPage.tsx',
  'web/src/calls/CallPage.tsx',
  'web/src/coordinator/AuditPage.tsx',
  'web/src/coordinator/ConcernPage.tsx',
  'web/src/coordinator/PeoplePage.tsx',
  'web/src/coordinator/VettingDecisionPage.tsx',
  'web/src/links/LinkPage.tsx',
  'web/src/therapist/SessionPage.tsx',
  'web/src/therapist/TherapistHome.tsx',
  'web/src/volunteer/AskBuddy.tsx',
  'web/src/volunteer/AskSession.tsx',
  'web/src/volunteer/BookSlot.tsx',
  'web/src/volunteer/ChooseBuddy.tsx',
  'web/src/volunteer/Deployments.tsx',
  'web/src/volunteer/Matches.tsx',
  'web/src/volunteer/SessionPage.tsx',
  'web/src/volunteer/SlotPicker.tsx',
];
const SQL_DEBT = [
  'src/audit/audit.service.ts',
  'src/checkins/buddy-requests.service.ts',
  'src/checkins/checkin-reads.service.ts',
  'src/checkins/checkins.service.ts',
  'src/checkins/pairing-lifecycle.service.ts',
  'src/checkins/pairing-reads.service.ts',
  'src/checkins/pairings.part.ts',
  'src/checkins/pairings.service.ts',
  'src/common/idempotency.ts',
  'src/consent/consent-receipt.controller.ts',
  'src/consent/consent.service.ts',
  'src/identity/identity.service.ts',
  'src/notifications/text-preference.service.ts',
  'src/people/people.part.ts',
  'src/people/vetting/vetting-queue.service.ts',
  'src/people/vetting/vetting.service.ts',
  'src/sessions/book-session.service.ts',
  'src/sessions/session-grants.service.ts',
  'src/sessions/session-requests.service.ts',
  'src/sessions/sessions.service.ts',
];
const SQL_OUTSIDE_REPOSITORY = [
  {
    selector: `CallExpression[callee.property.name=/^(query|createQueryBuilder)$/]`,
    message: 'SQL lives in a *.repository.ts (docs/STYLE.md): give the query a name there.',
  },
  {
    selector: `CallExpression[callee.object.name=/^(em|manager|entityManager)$/][callee.property.name=/^(${EM_METHODS})$/]`,
    message:
      'Reads and writes through the entity manager live in a *.repository.ts (docs/STYLE.md).',
  },
  {
    selector: `CallExpression[callee.object.property.name=/^(dataSource|manager)$/][callee.property.name=/^(${EM_METHODS})$/]`,
    message: 'Reads and writes through the data source live in a *.repository.ts (docs/STYLE.md).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      '*.js',
      '*.mjs',
      'test/setup/*.js',
      'scripts/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // supertest bodies are `any` by design; tests read them as the client would.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'web/src/**/*.ts', 'web/src/**/*.tsx', 'config/**/*.ts'],
    ignores: [...LUXON_HOME, ...LUXON_DEBT],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'luxon', message: 'Time maths lives in src/common/time (web: web/src/time).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: [...SQL_HOME, ...SQL_DEBT],
    rules: { 'no-restricted-syntax': ['error', ...SQL_OUTSIDE_REPOSITORY] },
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['web/src/**/queries.ts', 'web/src/api/**', ...WEB_CALLS_DEBT],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'luxon', message: 'Time maths lives in web/src/time.' }],
          patterns: [
            {
              group: ['**/api/client'],
              importNames: ['api'],
              message: "Server calls live in the domain's queries.ts (web/CONVENTIONS.md).",
            },
          ],
        },
      ],
    },
  },
  prettier,
);
