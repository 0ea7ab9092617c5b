// Fills {{placeholders}} in rule messages, suggestions and notes.

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names used in a template. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((found) => found[1] as string);
}

/** Replaces each {{name}} with its value (an empty string when there is none). */
export function interpolate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => values[name] ?? '');
}
