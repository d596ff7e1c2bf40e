import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** `node dist/src/main.js` (the image's CMD) running as a child with an environment of its own. */
export interface MainProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once `ready()` is true; rejects, with its stderr, if the process exits first. */
  until(ready: () => boolean | Promise<boolean>): Promise<void>;
  stop(): Promise<void>;
}

export function startMain(env: NodeJS.ProcessEnv): MainProcess {
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async until(ready) {
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`main.js exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
        }
        if (await ready()) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Whether GET `url` answers `status`; false while nothing listens yet. */
export async function answers(url: string, status: number): Promise<boolean> {
  try {
    return (await fetch(url)).status === status;
  } catch {
    return false;
  }
}
