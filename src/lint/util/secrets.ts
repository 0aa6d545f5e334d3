/** Recognizing credentials written in plain text. */

/** Values that are credentials whatever field holds them. */
const CREDENTIAL_PATTERNS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a Slack webhook URL', pattern: /https?:\/\/hooks\.slack\.com\/(services|workflows|triggers)\/\S+/i },
  { what: 'a Discord webhook URL', pattern: /https?:\/\/(canary\.|ptb\.)?discord(app)?\.com\/api\/webhooks\/\S+/i },
  { what: 'a Microsoft Teams webhook URL', pattern: /https?:\/\/[\w.-]+\.webhook\.office\.com\/\S+/i },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { what: 'a GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/ },
  { what: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: 'a URL with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@{}$]+:[^\s/@{}$]+@[^\s/]+/i },
];

/** Environment variable names that usually hold a secret. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|WEBHOOK|CREDENTIAL|AUTH)/i;
/** Names of variables that point at a secret rather than hold it. */
const SECRET_POINTER_NAME = /(_FILE|_PATH|_DIR|_NAME|_ID|_URL_ENV|_ENABLED|_HEADER|_TYPE)$/i;

/** Cheap test that every credential pattern implies, to skip most strings at once. */
const MAYBE_CREDENTIAL = /:\/\/|xox|gh[pousr]_|github_pat_|AKIA|ASIA|AIza|-----BEGIN/;

/** What kind of credential the value is (e.g. `a Slack webhook URL`), or undefined. */
export function credentialIn(value: string): string | undefined {
  if (!MAYBE_CREDENTIAL.test(value)) return undefined;
  return CREDENTIAL_PATTERNS.find(p => p.pattern.test(value))?.what;
}

/**
 * True when an environment variable's name suggests a secret and its literal value looks like
 * one: not empty, not a variable, a path, a number or a boolean.
 */
export function looksLikeSecretVariable(name: string, value: string): boolean {
  if (!SECRET_NAME.test(name) || SECRET_POINTER_NAME.test(name)) return false;
  const v = value.trim();
  if (v.length < 4 || v.includes('{{') || v.includes('$(') || v.startsWith('/')) return false;
  return !/^(true|false|yes|no|on|off|none|null|\d+)$/i.test(v);
}
