/**
 * rows.json of a backup read as it streams (json-spine.ts), checked to be dexie-export-import's
 * JSON, the page's export of every table:
 *
 *   {"formatName":"dexie","formatVersion":1,"data":{"databaseName":…,"databaseVersion":…,
 *    "tables":[{"name":…,"schema":…,"rowCount":…},…],
 *    "data":[{"tableName":…,"inbound":true,"rows":[row,row,…]},…]}}
 *
 * Each row is handed to `onRow` with its table's name as it is read (an outbound table's rows are
 * [key, value] pairs: the value is handed on), and counted; the rows of one table are never held
 * together. The summary says what the export declares (data.tables) and what it holds.
 */
import { formatJsonPath } from '../../../shared/json-path';
import { JsonSpine, type JsonPath } from './json-spine';

export interface DexieRowsSummary {
  databaseName: string;
  databaseVersion: number;
  /** data.tables: the rows each table holds, as the export declares. */
  declared: Map<string, number>;
  /** The rows data.data holds, table by table. */
  found: Map<string, number>;
}

/** rows.json is not dexie-export-import's JSON: the message says where. */
export class DexieRowsError extends Error {}

type OnRow = (table: string, row: unknown) => void;

interface TableRead {
  name: string | null;
  inbound: boolean | null;
  rowsSeen: boolean;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** The places of the export that mean something, by their paths (# for any index). */
type Place =
  | 'top'
  | 'formatName'
  | 'formatVersion'
  | 'data'
  | 'databaseName'
  | 'databaseVersion'
  | 'tables'
  | 'tableList'
  | 'table'
  | 'tableName'
  | 'inbound'
  | 'rows'
  | 'row'
  | null;

/** What `path` is: compared part by part (a key holding a dot or a "#" cannot pass for another place). */
function placeOf(path: JsonPath): Place {
  const [a, b, c, d, e] = path;
  switch (path.length) {
    case 0:
      return 'top';
    case 1:
      return a === 'formatName' ? 'formatName' : a === 'formatVersion' ? 'formatVersion' : a === 'data' ? 'data' : null;
    case 2:
      if (a !== 'data') return null;
      return b === 'databaseName' ? 'databaseName' : b === 'databaseVersion' ? 'databaseVersion' : b === 'tables' ? 'tables' : b === 'data' ? 'tableList' : null;
    case 3:
      return a === 'data' && b === 'data' && typeof c === 'number' ? 'table' : null;
    case 4:
      if (a !== 'data' || b !== 'data' || typeof c !== 'number') return null;
      return d === 'tableName' ? 'tableName' : d === 'inbound' ? 'inbound' : d === 'rows' ? 'rows' : null;
    case 5:
      return a === 'data' && b === 'data' && typeof c === 'number' && d === 'rows' && typeof e === 'number' ? 'row' : null;
    default:
      return null;
  }
}

/** The objects and arrays walked into; every other value is handed over whole. */
const SPINE: Partial<Record<NonNullable<Place>, 'object' | 'array'>> = { top: 'object', data: 'object', tableList: 'array', table: 'object', rows: 'array' };

export class DexieRowsScan {
  private readonly spine: JsonSpine;
  private formatName: unknown;
  private formatVersion: unknown;
  private databaseName: unknown;
  private databaseVersion: unknown;
  private declared: Map<string, number> | null = null;
  private readonly found = new Map<string, number>();
  private table: TableRead | null = null;
  private sawData = false;

  constructor(private readonly onRow: OnRow = () => undefined) {
    this.spine = new JsonSpine({
      descend: (path, kind) => this.descend(path, kind),
      value: (path, value) => this.value(path, value),
      close: (path) => this.close(path),
    });
  }

  write(piece: Uint8Array): void {
    this.spine.write(piece);
  }

  end(): DexieRowsSummary {
    this.spine.end();
    if (this.formatName !== 'dexie') throw new DexieRowsError(`formatName is ${JSON.stringify(this.formatName) ?? 'missing'}, not "dexie"`);
    if (this.formatVersion !== 1) throw new DexieRowsError(`formatVersion is ${JSON.stringify(this.formatVersion) ?? 'missing'}, not 1`);
    if (typeof this.databaseName !== 'string') throw new DexieRowsError('data.databaseName is missing');
    if (!Number.isSafeInteger(this.databaseVersion)) throw new DexieRowsError('data.databaseVersion is missing');
    if (this.declared === null) throw new DexieRowsError('data.tables is missing');
    if (!this.sawData) throw new DexieRowsError('data.data is missing');
    return { databaseName: this.databaseName, databaseVersion: this.databaseVersion as number, declared: this.declared, found: new Map(this.found) };
  }

  private descend(path: JsonPath, kind: 'object' | 'array'): boolean {
    const place = placeOf(path);
    const expected = place === null ? undefined : SPINE[place];
    if (expected === undefined) return false;
    if (expected !== kind) throw new DexieRowsError(`${formatJsonPath(path) || 'the top'} is an ${kind}, not an ${expected}`);
    if (place === 'tableList') this.sawData = true;
    if (place === 'table') this.table = { name: null, inbound: null, rowsSeen: false };
    if (place === 'rows') {
      const table = this.table!;
      if (table.name === null || table.inbound === null) throw new DexieRowsError(`${formatJsonPath(path)} comes before its tableName and inbound`);
      if (table.rowsSeen) throw new DexieRowsError(`${formatJsonPath(path)} is given twice`);
      table.rowsSeen = true;
    }
    return true;
  }

  private value(path: JsonPath, value: unknown): void {
    const place = placeOf(path);
    if (place === 'row') return this.row(path, value);
    const expected = place === null ? undefined : SPINE[place];
    if (expected !== undefined) throw new DexieRowsError(`${formatJsonPath(path) || 'the top'} is not an ${expected}`);
    if (place === 'formatName') this.formatName = value;
    else if (place === 'formatVersion') this.formatVersion = value;
    else if (place === 'databaseName') this.databaseName = value;
    else if (place === 'databaseVersion') this.databaseVersion = value;
    else if (place === 'tables') this.declared = declaredTables(value);
    else if (place === 'tableName') this.tableName(path, value);
    else if (place === 'inbound') {
      if (typeof value !== 'boolean') throw new DexieRowsError(`${formatJsonPath(path)} is not true or false`);
      this.table!.inbound = value;
    }
  }

  private tableName(path: JsonPath, value: unknown): void {
    if (typeof value !== 'string' || value === '') throw new DexieRowsError(`${formatJsonPath(path)} is not a table's name`);
    if (this.found.has(value)) throw new DexieRowsError(`the table "${value}" is given twice in data.data`);
    this.table!.name = value;
    this.found.set(value, 0);
  }

  private row(path: JsonPath, value: unknown): void {
    const table = this.table!;
    const name = table.name!;
    let row = value;
    if (!table.inbound) {
      if (!Array.isArray(value) || value.length !== 2) throw new DexieRowsError(`${formatJsonPath(path)} (of the outbound table "${name}") is not a [key, value] pair`);
      row = value[1];
    }
    this.found.set(name, this.found.get(name)! + 1);
    this.onRow(name, row);
  }

  private close(path: JsonPath): void {
    if (placeOf(path) !== 'table') return;
    const table = this.table!;
    if (table.name === null) throw new DexieRowsError(`${formatJsonPath(path)} has no tableName`);
    if (!table.rowsSeen) throw new DexieRowsError(`${formatJsonPath(path)} (the table "${table.name}") has no rows`);
    this.table = null;
  }
}

function declaredTables(value: unknown): Map<string, number> {
  if (!Array.isArray(value)) throw new DexieRowsError('data.tables is not an array');
  const tables = new Map<string, number>();
  value.forEach((t: unknown, i) => {
    const { name, schema, rowCount } = (t ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof schema !== 'string' || !isCount(rowCount)) throw new DexieRowsError(`data.tables[${i}] is not {name, schema, rowCount}`);
    if (tables.has(name)) throw new DexieRowsError(`data.tables names "${name}" twice`);
    tables.set(name, rowCount);
  });
  return tables;
}
