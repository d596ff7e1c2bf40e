import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './domain-error';
import { HttpStatus } from '@nestjs/common';

export class PageQuery {
  /** Page size, 1 to 100 (default 50). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  /** Opaque cursor from the previous page's `nextCursor`. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: rows are ordered by (at desc, id desc). */
export interface Position {
  at: Date;
  id: string;
}

export function encodeCursor(p: Position): string {
  return Buffer.from(`${p.at.toISOString()}|${p.id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Exactly what `Date#toISOString` writes for years 1900-2999. */
const CURSOR_TIME = /^(19|2\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const badCursor = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'bad-cursor', 'Bad Request', 'The cursor is not valid.');

/**
 * The position a cursor from `encodeCursor` names. Parsed strictly, so that a forged or damaged
 * cursor is a 400 here and never a value the database refuses: only what `encodeCursor` could
 * have written (canonical base64url, a real instant, a lower-case uuid) gets through.
 */
export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const text = Buffer.from(cursor, 'base64url').toString();
  if (Buffer.from(text).toString('base64url') !== cursor) throw badCursor();
  const parts = text.split('|');
  if (parts.length !== 2) throw badCursor();
  const [at, id] = parts;
  const date = new Date(at);
  if (!CURSOR_TIME.test(at) || Number.isNaN(date.getTime()) || date.toISOString() !== at) {
    throw badCursor();
  }
  if (!UUID.test(id)) throw badCursor();
  return { at: date, id };
}

/** Given limit + 1 rows, the page and the cursor to the next one. */
export function toPage<T, R>(
  rows: R[],
  limit: number,
  position: (row: R) => Position,
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const last = slice.at(-1);
  return { items: slice.map(map), nextCursor: more && last ? encodeCursor(position(last)) : null };
}
