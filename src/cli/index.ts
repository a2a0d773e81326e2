#!/usr/bin/env node
// The command's entry point: everything else is in main.ts. The dynamic import
// turns a missing peer dependency (eslint, typescript) into one line, not a trace.

// A reader that stops early (`async-misuse | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

try {
  const { main } = await import('./main.js');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
  });
} catch (error) {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write(
    `async-misuse: ${(error as Error).message.split('\n')[0] ?? ''} (install eslint and typescript in the project)\n`,
  );
  process.exitCode = 2;
}
