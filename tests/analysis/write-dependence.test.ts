import { describe, expect, it } from 'vitest';

import { findWriteDependence } from '../../src/analysis/write-dependence.js';
import { probeDatabaseCalls } from './database-probe.js';

/** For each consecutive pair of probes (provider, dependent): what the dependent reads of the provider's write, or `-`. */
async function pairs(code: string): Promise<string[]> {
  const found: string[] = [];
  await probeDatabaseCalls(code, {}, (calls, { sourceCode }) => {
    for (let index = 0; index + 1 < calls.length; index += 2) {
      const provider = calls[index];
      const dependent = calls[index + 1];
      if (provider?.operation === undefined || provider.record === undefined || dependent?.operation === undefined) {
        throw new Error('missing operation');
      }
      const witness = findWriteDependence(sourceCode, dependent.operation, provider.operation, provider.record);
      found.push(witness === undefined ? '-' : sourceCode.getText(witness.node));
    }
  });
  return found;
}

describe('findWriteDependence', () => {
  it('finds a write that reads the object handed to another, or the key of the row it creates', async () => {
    expect(
      await pairs(`
import { Pool } from 'pg';
import type { Repository } from 'typeorm';
import { PrismaClient } from '@prisma/client';
interface User { id: number; name: string }
interface Post { id?: number; title: string; author: User }
declare const users: Repository<User>;
declare const posts: Repository<Post>;
declare const user: User;
declare const userId: number;
declare const name: string;
const pool = new Pool();
const prisma = new PrismaClient();
probe(users.save(user));
probe(posts.save({ title: 't', author: user }));
probe(pool.query('INSERT INTO users (id, name) VALUES ($1, $2)', [userId, name]));
probe(pool.query('INSERT INTO orders (user_id) VALUES ($1)', [userId]));
probe(prisma.user.create({ data: { id: userId, email: 'e' } }));
probe(prisma.post.create({ data: { title: 't', authorId: userId } }));
probe(users.save(user));
probe(posts.save({ title: 't', authorId: user.id, author: { id: 1, name: 'x' } }));
`),
    ).toEqual(['user', 'userId', 'userId', 'user.id']);
  });

  it('leaves writes alone that share only values neither creates', async () => {
    expect(
      await pairs(`
import { Pool } from 'pg';
import type { Repository } from 'typeorm';
import { PrismaClient } from '@prisma/client';
interface User { id: number; name: string }
interface Post { id?: number; title: string; author: User }
declare const users: Repository<User>;
declare const posts: Repository<Post>;
declare const user: User;
declare const userId: number;
declare const name: string;
const pool = new Pool();
const prisma = new PrismaClient();
probe(pool.query('UPDATE users SET name = $2 WHERE id = $1', [userId, name]));
probe(pool.query('INSERT INTO audit (user_id) VALUES ($1)', [userId]));
probe(prisma.user.update({ where: { id: userId }, data: { name } }));
probe(prisma.post.create({ data: { title: name, authorId: userId } }));
probe(pool.query('INSERT INTO users (name) VALUES ($1)', [name]));
probe(pool.query('INSERT INTO audit (name) VALUES ($1)', [name]));
probe(users.save(user));
probe(posts.save({ title: user.name, author: { id: 1, name: 'x' } }));
`),
    ).toEqual(['-', '-', '-', '-']);
  });
});
