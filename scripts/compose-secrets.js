// Writes .env (git-ignored) with fresh random secrets for `docker compose up`, which reads it
// (env_file), so no secret is ever written in the repository. Refuses to replace an existing file
// unless given --force: a new CONCERN_KEYS leaves stored safeguarding text unreadable, a new
// LINK_SECRET kills every link sent. `--out FILE` writes elsewhere (tests).
//
//   npm run compose:secrets [-- --force] [-- --out FILE]
const { randomBytes } = require('node:crypto');
const { writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { parseArgs } = require('node:util');

const { values } = parseArgs({
  options: { force: { type: 'boolean', default: false }, out: { type: 'string' } },
});
const out = values.out ? resolve(values.out) : join(__dirname, '..', '.env');

// 32 random bytes each, in base64: what production's checks ask for (config/secrets.ts).
const secret = () => randomBytes(32).toString('base64');
const keyId = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
const text = `# Written by npm run compose:secrets: secrets for docker compose, fresh for this clone.
# Never commit it (.gitignore lists it). Keep it while you keep the database: CONSENT_EVIDENCE_SECRET
# verifies old consent evidence, CONCERN_KEYS decrypts safeguarding text, LINK_SECRET signs sent links.
JWT_SECRET=${secret()}
CONSENT_EVIDENCE_SECRET=${secret()}
LINK_SECRET=${secret()}
CONCERN_KEYS=${keyId}:${secret()}
CONCERN_ACTIVE_KEY_ID=${keyId}
`;

try {
  // 'wx' fails if the file exists, with no window between a check and the write.
  writeFileSync(out, text, { mode: 0o600, flag: values.force ? 'w' : 'wx' });
} catch (error) {
  if (error.code !== 'EEXIST') throw error;
  process.stderr.write(
    `${out} exists; left as it is (its secrets protect data already stored). To replace it: npm run compose:secrets -- --force\n`,
  );
  process.exit(1);
}
process.stdout.write(`Wrote ${out} with fresh secrets; now: docker compose up\n`);
