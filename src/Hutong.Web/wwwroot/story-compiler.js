// The story studio's compiler, a module Web Worker (story-studio.js starts it): compiles Ink with inkjs off the page's
// thread, so a long story never stalls typing. Each message is { id, source }; each answer { id, json, problems,
// endings, ms }, json null when the story has errors. Problems are { line, severity, message } from inkjs's error
// handler ("ERROR: line 7: Divert target not found: '-> nowhere'").
import { Compiler, CompilerOptions } from './lib/inkjs/ink-full.mjs';

const located = /^(ERROR|WARNING|TODO):\s*(?:'[^']*'\s*)?(?:line (\d+):\s*)?(.*)$/s;

addEventListener('message', (event) => {
  const { id, source } = event.data || {};
  if (typeof source !== 'string') return;
  const started = performance.now();
  const problems = [];
  const handler = (message, type) => {
    const m = located.exec(String(message));
    problems.push({
      line: m && m[2] ? Number(m[2]) : 0,
      severity: type === 2 ? 'error' : type === 1 ? 'warning' : 'info',
      message: m ? m[3] : String(message),
    });
  };
  let json = null;
  try {
    const story = new Compiler(source, new CompilerOptions(null, [], false, handler)).Compile();
    if (story && !problems.some((p) => p.severity === 'error')) json = story.ToJson();
  } catch (e) {
    // Compile throws "Compilation failed." after reporting its errors; anything else is reported as it is.
    if (!problems.some((p) => p.severity === 'error')) problems.push({ line: 0, severity: 'error', message: String(e && e.message || e) });
  }
  postMessage({ id, json, problems, ms: Math.round(performance.now() - started) });
});
