import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPostgres, startRedis } from './services.ts';

function psql(url: string, sql: string): string {
  const run = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no reply from redis within 10 s')));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.endsWith('\r\n')) {
        socket.end();
        resolve(reply.trim());
      }
    });
    socket.write(`${command}\r\n`);
  });
}

test('a private PostgreSQL cluster on loopback keeps its data across a restart and is gone after stop', async () => {
  const pg = await startPostgres();
  try {
    const url = pg.database('services_test');
    psql(url, 'CREATE TABLE t (n int); INSERT INTO t VALUES (41), (1)');
    await pg.restart();
    assert.equal(psql(url, 'SELECT sum(n) FROM t'), '42');
  } finally {
    await pg.stop();
  }
  const after = spawnSync('psql', [pg.url, '-At', '-c', 'SELECT 1'], { encoding: 'utf8' });
  assert.notEqual(after.status, 0, 'the server still answers after stop()');
});

test('a private redis-server on loopback answers, keeps its data across a restart (append-only file)', async () => {
  const redis = await startRedis();
  try {
    assert.equal(await redisCommand(redis.port, 'PING'), '+PONG');
    assert.equal(await redisCommand(redis.port, 'SET spfkit 42'), '+OK');
    await redis.restart();
    assert.equal(await redisCommand(redis.port, 'GET spfkit'), '$2\r\n42');
  } finally {
    await redis.stop();
  }
  await assert.rejects(redisCommand(redis.port, 'PING'));
});
