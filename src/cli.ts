import { runCli } from './cli/run-cli.js';

// The process edge of the CLI: real streams in, exit code out. All logic lives in src/cli/.
// process.env is left out on purpose: loadConfig reads it, the one place that does.
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
