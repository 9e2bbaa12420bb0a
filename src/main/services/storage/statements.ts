import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Prepared statements, prepared once per SQL text and reused (preparing costs more than running). */
export function statementCache(db: DatabaseSync): (text: string) => StatementSync {
  const statements = new Map<string, StatementSync>();
  return (text) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
}
