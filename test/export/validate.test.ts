import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWSML_SCHEMA_FILE, NEWSML_SCHEMA_FOLDER, validateNewsML } from '../../src/main/services/export/validate.ts';
import { AppError } from '../../src/shared/errors.ts';
import { useTempDir } from '../helpers.ts';
import { FIXTURES_DIR, SCHEMAS_DIR } from './stories.ts';

const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, name), 'utf8');

const MINIMAL = (itemMeta: string) =>
  `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" standard="NewsML-G2" standardversion="2.35">` +
  `<itemMeta>${itemMeta}</itemMeta></newsItem>`;

describe('validateNewsML', () => {
  const tempDir = useTempDir('copydesk-schemas-');

  it("accepts IPTC's own example news item", async () => {
    expect(await validateNewsML(fixture('LISTING_1_A_NewsML-G2_News_Item.xml'), SCHEMAS_DIR)).toEqual({ valid: true, errors: [] });
  });

  it("rejects IPTC's incomplete news item, naming the missing itemMeta", async () => {
    const result = await validateNewsML(fixture('001_incomplete_file.xml'), SCHEMAS_DIR);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/line \d+: .*Missing child element.*itemMeta/);
  });

  it('accepts the minimal item and rejects one with its metadata out of order', async () => {
    const ordered = '<itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2026-01-01T00:00:00Z</versionCreated>';
    const swapped = '<provider literal="x"/><itemClass qcode="ninat:text"/><versionCreated>2026-01-01T00:00:00Z</versionCreated>';
    expect((await validateNewsML(MINIMAL(ordered), SCHEMAS_DIR)).valid).toBe(true);
    expect(await validateNewsML(MINIMAL(swapped), SCHEMAS_DIR)).toEqual({
      valid: false,
      errors: ["line 1: Element 'provider': This element is not expected. Expected is ( itemClass )."],
    });
  });

  it('rejects XML that is not well-formed, with the parser message', async () => {
    const result = await validateNewsML('<newsItem><itemMeta></newsItem>', SCHEMAS_DIR);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/^line 1: parser error : Opening and ending tag mismatch/);
    expect((await validateNewsML('', SCHEMAS_DIR)).valid).toBe(false);
  });

  it('reports a schema folder without the schema as a storage error naming the folder', async () => {
    const empty = tempDir();
    const failure = validateNewsML(MINIMAL(''), empty);
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'storage', message: expect.stringContaining(join(empty, NEWSML_SCHEMA_FOLDER)) });
  });

  it('reads the schema files once per folder', async () => {
    const dir = tempDir();
    cpSync(SCHEMAS_DIR, dir, { recursive: true });
    const item = fixture('LISTING_1_A_NewsML-G2_News_Item.xml');
    expect((await validateNewsML(item, dir)).valid).toBe(true);
    // With the files gone, validation still works from memory.
    rmSync(join(dir, NEWSML_SCHEMA_FOLDER, NEWSML_SCHEMA_FILE));
    expect((await validateNewsML(item, dir)).valid).toBe(true);
  });
});
