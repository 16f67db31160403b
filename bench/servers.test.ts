import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpGet } from './http';
import { npmStartNodeFlags, startStaticServer } from './servers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('startStaticServer', () => {
  it('serves the saved page byte for byte, reading the file on every request, and stops cleanly', async () => {
    const file = path.join(dir, 'article.html');
    fs.writeFileSync(file, '<!doctype html><html lang="zh-CN"><p>第一版</p></html>');
    const server = await startStaticServer({ cwd: process.cwd(), file, logFile: path.join(dir, 'static.log') });
    try {
      const first = await httpGet(`${server.baseUrl}/articles/anything`);
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(first.body.toString('utf8')).toContain('第一版');

      fs.writeFileSync(file, '<p>第二版</p>');
      expect((await httpGet(server.baseUrl)).body.toString('utf8')).toBe('<p>第二版</p>');
    } finally {
      await server.stop();
    }
    await expect(httpGet(server.baseUrl, {}, 2000)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('npmStartNodeFlags', () => {
  it("reads the Node flags of this project's npm start: the heap limit the README documents", () => {
    expect(npmStartNodeFlags(process.cwd())).toEqual(['--max-old-space-size=512']);
  });

  it('refuses a start script of another shape rather than guess', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-start-'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { start: 'next start' } }));
    expect(() => npmStartNodeFlags(dir)).toThrow(/not "node \[flags\] server\/start.cjs"/);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { start: 'node server/start.cjs' } }));
    expect(npmStartNodeFlags(dir)).toEqual([]);
  });
});
