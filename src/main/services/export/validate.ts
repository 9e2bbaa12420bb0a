/**
 * NewsML-G2 validation against IPTC's official 2.35 "All-Power" XSD, with xmllint compiled to
 * WebAssembly (xmllint-wasm: no native module, runs in a worker thread, never touches the network).
 *
 * The schema folder is injected (`schemasDir` = the app's resources/schemas); the XSD files are read
 * once per folder and kept in memory. xmllint-wasm still compiles the schema on each call, inside
 * its worker, which takes about a tenth of a second.
 *
 * Note: inlineXML is `xs:any processContents="lax"`, so this checks the NewsML-G2 envelope, not the
 * XHTML body inside it (no XHTML schema is loaded).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { AppError } from '../../../shared/errors.ts';

export const NEWSML_SCHEMA_FOLDER = 'newsml-g2';
export const NEWSML_SCHEMA_FILE = 'NewsML-G2_2.35-spec-All-Power.xsd';
/** The XSD imports the `xml:` namespace schema by this relative name. */
const XML_NS_SCHEMA_FILE = 'xml.xsd';

export interface NewsMLValidation {
  readonly valid: boolean;
  /** Plain messages, each with its line number, in document order. Empty when valid. */
  readonly errors: string[];
}

interface SchemaFiles {
  readonly schema: XMLFileInfo;
  readonly preload: XMLFileInfo;
}

const schemaCache = new Map<string, Promise<SchemaFiles>>();

function loadSchemaFiles(schemasDir: string): Promise<SchemaFiles> {
  const folder = join(resolve(schemasDir), NEWSML_SCHEMA_FOLDER);
  let cached = schemaCache.get(folder);
  if (!cached) {
    cached = readSchemaFiles(folder);
    schemaCache.set(folder, cached);
    // A failed read is not cached, so a later call can succeed once the files are in place.
    cached.catch(() => schemaCache.delete(folder));
  }
  return cached;
}

async function readSchemaFiles(folder: string): Promise<SchemaFiles> {
  try {
    const [schema, xmlNs] = await Promise.all([
      readFile(join(folder, NEWSML_SCHEMA_FILE), 'utf8'),
      readFile(join(folder, XML_NS_SCHEMA_FILE), 'utf8'),
    ]);
    // The file names matter: xmllint resolves the XSD's `schemaLocation="xml.xsd"` in its
    // in-memory file system, next to the main schema.
    return {
      schema: { fileName: NEWSML_SCHEMA_FILE, contents: schema },
      preload: { fileName: XML_NS_SCHEMA_FILE, contents: xmlNs },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('storage', `The NewsML-G2 schema files could not be read from "${folder}": ${reason}`);
  }
}

const DOCUMENT_NAME = 'newsItem.xml';

export async function validateNewsML(xml: string, schemasDir: string): Promise<NewsMLValidation> {
  const files = await loadSchemaFiles(schemasDir);
  let result;
  try {
    result = await validateXML({
      xml: [{ fileName: DOCUMENT_NAME, contents: xml }],
      schema: [files.schema],
      preload: [files.preload],
      // The default 32 MiB ceiling is too small for the schema plus a long story.
      maxMemoryPages: 1 * memoryPages.GiB,
    });
  } catch (error) {
    // xmllint-wasm rejects only when xmllint itself could not run (e.g. the schema did not compile).
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppError('internal', `The NewsML-G2 validator could not run: ${reason}`);
  }
  if (result.valid) return { valid: true, errors: [] };
  // Lines without a location are xmllint echoing the offending source line and a caret under it.
  const located = result.errors.filter((e) => e.loc !== null);
  const errors = (located.length > 0 ? located : result.errors).map((e) =>
    tidy(e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message)
  );
  return { valid: false, errors: errors.length > 0 ? errors : ['The document is not valid NewsML-G2.'] };
}

/** Shortens xmllint's wording: drops the NAR namespace from element names and the error class. */
function tidy(message: string): string {
  return message
    .replaceAll('{http://iptc.org/std/nar/2006-10-01/}', '')
    .replace(/\s*Schemas validity error\s*:\s*/, ' ')
    .trim();
}
