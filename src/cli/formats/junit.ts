import { LintReport, LocatedFinding, oneLine, plural, shownFindings } from '../report';

/**
 * JUnit XML (`--format junit`), as CI test reports read it: a test suite per file, a test case
 * per object (it fails with its errors; its warnings are in its output), and a test case
 * "(file)" with an <error> when the file cannot be read.
 */
export function formatJunit(report: LintReport): string {
  const byFile = new Map<string, { objects: { object: string; line: number; findings: LocatedFinding[] }[]; inputErrors: string[] }>();
  const fileEntry = (file: string) => {
    let entry = byFile.get(file);
    if (!entry) byFile.set(file, entry = { objects: [], inputErrors: [] });
    return entry;
  };
  for (const f of report.files) fileEntry(f);
  const objectEntries = report.objects.map(o => {
    const entry = { object: o.object, line: o.line, findings: [] as LocatedFinding[] };
    fileEntry(o.file).objects.push(entry);
    return entry;
  });
  // Findings name their manifest by index in the order objects were read.
  for (const f of shownFindings(report)) objectEntries[f.manifestIndex]?.findings.push(f);
  for (const p of report.inputErrors) fileEntry(p.file).inputErrors.push(`${[p.file, p.line, p.column].filter(x => x !== undefined).join(':')}: ${oneLine(p.message)}`);

  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites: string[] = [];
  for (const [file, entry] of byFile) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const o of entry.objects) {
      const failing = o.findings.filter(f => f.severity === 'error');
      const warnings = o.findings.filter(f => f.severity === 'warning');
      const body: string[] = [];
      if (failing.length) {
        suiteFailures++;
        body.push(`      <failure type="${attr(failing.map(f => f.ruleId).filter(unique).join(' '))}" message="${attr(`${plural(failing.length, 'error')}: ${oneLine(failing[0].message)}`)}">${text(failing.map(describe).join('\n'))}</failure>`);
      }
      if (warnings.length) body.push(`      <system-out>${text(warnings.map(describe).join('\n'))}</system-out>`);
      const open = `    <testcase classname="${attr(file)}" name="${attr(o.object)}" file="${attr(file)}" line="${o.line}"`;
      cases.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
    }
    if (entry.inputErrors.length) {
      cases.push(`    <testcase classname="${attr(file)}" name="(file)" file="${attr(file)}">\n      <error type="INPUT" message="${attr(entry.inputErrors[0])}">${text(entry.inputErrors.join('\n'))}</error>\n    </testcase>`);
    }
    const suiteTests = entry.objects.length + (entry.inputErrors.length ? 1 : 0);
    const suiteErrors = entry.inputErrors.length ? 1 : 0;
    tests += suiteTests;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(`  <testsuite name="${attr(file)}" tests="${suiteTests}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0">\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cdk8s-argo lint" tests="${tests}" failures="${failures}" errors="${errors}">\n`
    + `${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

function describe(f: LocatedFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.path || '(object)'}: ${oneLine(f.message)} [${f.ruleId}]`;
}

function unique<T>(value: T, index: number, all: readonly T[]): boolean {
  return all.indexOf(value) === index;
}

/** Characters XML 1.0 cannot hold at all (even escaped) are replaced by U+FFFD. */
function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function text(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}
