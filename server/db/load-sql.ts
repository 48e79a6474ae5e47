import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), 'sql');
const cache = new Map<string, string>();

/** The text of server/db/sql/<name>.sql, read once. */
export function sql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/**
 * A listing query with its `{{FEATURE_JSON}}` placeholders replaced by the shared projection of
 * a feature row as GeoJSON Feature text (feature-json.sql): one definition of the API's feature
 * shape. Only our own SQL text is spliced, never a value.
 */
export function withFeatureJson(name: string): string {
  const projection = sql('feature-json')
    .replace(/^--.*\n/gm, '')
    .trim();
  return sql(name).replaceAll('{{FEATURE_JSON}}', projection);
}
