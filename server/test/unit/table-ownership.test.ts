import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The table-ownership contract at the top of server/src/db/tables/index.ts, checked: every file
 * under server/src/modules touches only its own module's tables, except read-model files, which
 * may read (never write) others' tables, and the views a module publishes. Queries are built only
 * in repositories and read models. And no import cycle runs through server/src.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const TABLES_DIR = join(SRC, 'db/tables');
const MODULES_DIR = join(SRC, 'modules');
const MIGRATIONS_DIR = join(SRC, 'db/migrations');

/** Files that may read (not write) any module's tables: the named read models. */
const READ_MODEL_SUFFIXES = ['-report-facts.ts', '-read-model.ts'];
/** The files that run queries (DESIGN.md: a repository is Kysely queries only; services call it). */
const QUERY_FILE_SUFFIXES = ['.repository.ts', ...READ_MODEL_SUFFIXES];
/** Kysely builders that start a query of their own. */
const QUERY_STARTS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
]);

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name))
    .sort();
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

interface Ownership {
  /** table → the module that owns it (the db/tables file that declares it). */
  owner: Map<string, string>;
  /** Views published for every module to read. */
  published: Set<string>;
  /** Tables declared by more than one file. */
  duplicates: string[];
}

/** Who owns what, read from the `<Name>Tables` / `<Name>PublishedViews` interfaces in db/tables. */
function readOwnership(): Ownership {
  const owner = new Map<string, string>();
  const published = new Set<string>();
  const duplicates: string[] = [];
  for (const file of tsFilesUnder(TABLES_DIR)) {
    if (basename(file) === 'index.ts') continue;
    const module = basename(file, '.ts');
    for (const statement of parse(file).statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const name = statement.name.text;
      const isTables = name.endsWith('Tables');
      const isViews = name.endsWith('PublishedViews');
      if (!isTables && !isViews) continue;
      for (const member of statement.members) {
        if (!member.name || !ts.isIdentifier(member.name)) continue;
        const table = member.name.text;
        if (owner.has(table)) duplicates.push(`${table}: ${owner.get(table)} and ${module}`);
        owner.set(table, module);
        if (isViews) published.add(table);
      }
    }
  }
  return { owner, published, duplicates };
}

/** Kysely builder methods whose first argument names a table (or an array of them). */
const WRITE_METHODS = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);
const READ_METHODS = new Set([
  'selectFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'using',
  'table',
]);
const SQL_WRITE =
  /\b(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+["`]?([a-z_][a-z0-9_]*)/gi;
const SQL_READ = /\b(?:from|join)\s+["`]?([a-z_][a-z0-9_]*)/gi;
const COLUMN_REF = /\b([a-z_][a-z0-9_]*)\.(?:[a-z_][a-z0-9_]*|\*)/g;
/** A whole literal that is a Kysely column reference: 'users.role', 'users.name as user_name'. */
const KYSELY_REF = /^\s*([a-z_][a-z0-9_]*)\.(?:[a-z_][a-z0-9_]*|\*)(?:\s+as\s+\w+)?\s*$/;
/** Text that reads as SQL, where 't.col' is a column reference (and not a file name or an id). */
const LOOKS_LIKE_SQL = /\b(?:select|from|where|join|insert|update|delete|returning)\b/i;

interface Touch {
  table: string;
  write: boolean;
  how: string;
  line: number;
}

function stringValue(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent))
    return parent.moduleSpecifier === node;
  if (ts.isExternalModuleReference(parent)) return true;
  return ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword;
}

/** Every table a file names, by Kysely builder argument, 'table.column' reference or SQL text. */
function tablesTouched(file: string, tables: ReadonlyMap<string, string>): Touch[] {
  const source = parse(file);
  const touches: Touch[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (table: string, write: boolean, how: string, node: ts.Node) => {
    if (tables.has(table)) touches.push({ table, write, how, line: lineOf(node) });
  };
  visit(source, (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const first = node.arguments[0];
      if (
        method !== undefined &&
        first !== undefined &&
        (WRITE_METHODS.has(method) || READ_METHODS.has(method))
      ) {
        const names = ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
        for (const element of names) {
          const text = stringValue(element);
          const table = text?.trim().split(/\s+/)[0];
          if (table !== undefined) add(table, WRITE_METHODS.has(method), `${method}('${text}')`, element);
        }
      }
      // db.withTables<{ inventory_items: ... }>() widens a table's type: it is a touch too.
      if (method === 'withTables') {
        for (const typeArgument of node.typeArguments ?? []) {
          if (!ts.isTypeLiteralNode(typeArgument)) continue;
          for (const member of typeArgument.members) {
            if (member.name && ts.isIdentifier(member.name))
              add(member.name.text, false, 'withTables', member);
          }
        }
      }
    }
    const literal = stringValue(node);
    // Module specifiers ('../users/users.service.js') are not table references.
    if (literal !== undefined && isModuleSpecifier(node)) return;
    const ref = literal?.match(KYSELY_REF);
    if (ref) add(ref[1]!, false, `'${literal}'`, node);
    const texts: string[] = [];
    if (literal !== undefined) texts.push(literal);
    if (ts.isTemplateExpression(node)) {
      texts.push(node.head.text, ...node.templateSpans.map((span) => span.literal.text));
    }
    for (const text of texts) {
      for (const match of text.matchAll(SQL_WRITE))
        add(match[1]!.toLowerCase(), true, `SQL "${match[0]}"`, node);
      for (const match of text.matchAll(SQL_READ))
        add(match[1]!.toLowerCase(), false, `SQL "${match[0]}"`, node);
      if (!LOOKS_LIKE_SQL.test(text)) continue;
      for (const match of text.matchAll(COLUMN_REF)) add(match[1]!, false, `SQL "${match[0]}"`, node);
    }
  });
  return touches;
}

function moduleOf(file: string): string {
  return relative(MODULES_DIR, file).split(/[\\/]/)[0]!;
}

function ownershipViolations(ownership: Ownership): string[] {
  const violations = new Set<string>();
  for (const file of tsFilesUnder(MODULES_DIR)) {
    const module = moduleOf(file);
    const readModel = READ_MODEL_SUFFIXES.some((suffix) => file.endsWith(suffix));
    for (const touch of tablesTouched(file, ownership.owner)) {
      const owner = ownership.owner.get(touch.table)!;
      if (owner === module) continue;
      if (!touch.write && (readModel || ownership.published.has(touch.table))) continue;
      const verb = touch.write ? 'writes' : 'reads';
      violations.add(
        `${relative(SRC, file)}:${touch.line} ${verb} ${owner}'s table ${touch.table} (${touch.how})`,
      );
    }
  }
  return [...violations];
}

/** Module files outside repositories and read models that build a query or write SQL text. */
function queriesOutsideRepositories(): string[] {
  const found: string[] = [];
  for (const file of tsFilesUnder(MODULES_DIR)) {
    if (QUERY_FILE_SUFFIXES.some((suffix) => file.endsWith(suffix))) continue;
    const source = parse(file);
    const at = (node: ts.Node, what: string) =>
      found.push(
        `${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${what}`,
      );
    visit(source, (node) => {
      const callee = ts.isCallExpression(node) ? node.expression : undefined;
      if (callee && ts.isPropertyAccessExpression(callee) && QUERY_STARTS.has(callee.name.text))
        at(node, callee.name.text);
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'sql') at(node, 'sql``');
    });
  }
  return found;
}

/** Tables and views the migrations create (a table built to replace another and renamed to it is not new). */
function migratedTables(): string[] {
  const created =
    /\bcreate\s+(?:virtual\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?["`]?([a-z_][a-z0-9_]*)/gi;
  const renamedAway = /\balter\s+table\s+["`]?([a-z_][a-z0-9_]*)["`]?\s+rename\s+to\b/gi;
  const names = new Set<string>();
  const gone = new Set<string>();
  for (const file of tsFilesUnder(MIGRATIONS_DIR)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(created)) names.add(match[1]!.toLowerCase());
    for (const match of text.matchAll(renamedAway)) gone.add(match[1]!.toLowerCase());
  }
  return [...names].filter((name) => !gone.has(name)).sort();
}

interface Import {
  to: string;
  typeOnly: boolean;
}

/** Relative imports of a file, resolved to files; `import type` / `export type` are type-only. */
function importsOf(file: string): Import[] {
  const imports: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return;
    imports.push({ to: resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts')), typeOnly });
  };
  visit(parse(file), (node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
  });
  return imports;
}

/** Strongly connected groups of more than one node (Tarjan): each is at least one cycle. */
function cyclesIn(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) connect(node);
  return groups;
}

/**
 * Import cycles in server/src. `byModule` folds each modules/<name>/ folder into one node and
 * follows only imports that survive compilation (a module may name another's types both ways:
 * a service interface and the events it hands back); otherwise every file is a node and type
 * imports count too (two files that need each other are one idea in two places).
 */
function importCycles(byModule: boolean): string[][] {
  const files = tsFilesUnder(SRC);
  const known = new Set(files);
  const nodeOf = (file: string) => {
    const path = relative(SRC, file);
    return byModule && path.startsWith('modules/') ? path.split('/').slice(0, 2).join('/') : path;
  };
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const from = nodeOf(file);
    const targets = edges.get(from) ?? new Set<string>();
    edges.set(from, targets);
    for (const { to, typeOnly } of importsOf(file)) {
      if (!known.has(to) || (byModule && typeOnly) || nodeOf(to) === from) continue;
      targets.add(nodeOf(to));
    }
  }
  return cyclesIn(edges);
}

describe('table ownership (db/tables/index.ts)', () => {
  const ownership = readOwnership();

  it('declares every table once, in the file of a module that exists', () => {
    expect(ownership.duplicates).toEqual([]);
    const modules = new Set(readdirSync(MODULES_DIR));
    const owners = new Set(ownership.owner.values());
    expect([...owners].filter((owner) => owner !== 'db' && !modules.has(owner))).toEqual([]);
  });

  it('gives every table and view the migrations create an owner', () => {
    const created = migratedTables();
    expect(created.length).toBeGreaterThan(40);
    expect(created.filter((table) => !ownership.owner.has(table))).toEqual([]);
  });

  it('sees the touches it is meant to see (a check of the checker)', () => {
    const sample = join(MODULES_DIR, 'users/users.repository.ts');
    expect(tablesTouched(sample, ownership.owner).some((t) => t.table === 'users' && t.write)).toBe(true);
    const facts = join(MODULES_DIR, 'timeclock/timeclock-report-facts.ts');
    expect(tablesTouched(facts, ownership.owner).some((t) => t.how.startsWith('SQL'))).toBe(true);
  });

  it("lets no module touch another module's tables outside a read model", () => {
    const violations = ownershipViolations(ownership);
    if (violations.length > 0) console.log(`table ownership violations:\n${violations.join('\n')}`);
    expect(violations).toEqual([]);
  });

  it('runs queries only in repositories and read models (services call them)', () => {
    const found = queriesOutsideRepositories();
    if (found.length > 0) console.log(`queries outside repositories:\n${found.join('\n')}`);
    expect(found).toEqual([]);
  });

  it('has no import cycle between modules (imports that survive compilation)', () => {
    const cycles = importCycles(true);
    if (cycles.length > 0) console.log(`module cycles:\n${cycles.map((c) => c.join(' <-> ')).join('\n')}`);
    expect(cycles).toEqual([]);
  });

  it('has no import cycle between files in server/src (type imports too)', () => {
    const cycles = importCycles(false);
    if (cycles.length > 0) console.log(`file cycles:\n${cycles.map((c) => c.join(' <-> ')).join('\n')}`);
    expect(cycles).toEqual([]);
  });
});
