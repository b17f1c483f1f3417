// Starts the real `dyad serve --port 0 ...` and resolves with its base URL once it
// prints "listening on http://HOST:PORT/". Shared by the bad-HTTP and browser suites.
import { spawn } from 'node:child_process';

export function startServer(dyad, extraArgs = []) {
  const child = spawn(dyad, ['serve', '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    // DYAD_SERVE_START_SECONDS: more time for a sanitizer build (.ci/run sets it for make asan).
    const seconds = Number(process.env.DYAD_SERVE_START_SECONDS || 60);
    const timer = setTimeout(() => reject(new Error(`dyad serve did not start within ${seconds} s:\n` + stderr)), seconds * 1000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[^\s]+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`dyad serve exited with ${code}:\n${stderr}`)); });
  });
  return { child, ready, stderr: () => stderr };
}

// Ends the server with SIGTERM; resolves with its exit code (null on a signal death).
export function stopServer(child, timeoutMs = 10000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve('killed after timeout'); }, timeoutMs);
    child.removeAllListeners('exit');
    child.on('exit', (code) => { clearTimeout(timer); resolve(code); });
    child.kill('SIGTERM');
  });
}
