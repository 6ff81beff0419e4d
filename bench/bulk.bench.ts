/**
 * npm run bench:bulk — `spfkit bulk` over generated customers served by a real DNS server on
 * loopback (its own process): 2 000 and 20 000 rows, each run in a fresh node process
 * (bench/bulk-run.ts) so its RSS is measured cleanly. Reports domains/s, peak RSS, and the
 * ratio RSS(20 000) / RSS(2 000), target ≤ 1.5×: memory flat in the number of rows.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerCsvLines, generateBulkData } from './data.ts';
import { BENCH_BUILD, fmt, startDnsServerProcess, table } from './support.ts';

const DOMAINS = 20_000;
const SIZES = [2_000, 20_000];
const CONCURRENCY = Number(process.env.BENCH_BULK_CONCURRENCY ?? 16);
const PROVIDER = 'coachview';
const RATIO_TARGET = 1.5;
/** Each run is killed after this long: the benchmark is bounded in time. */
const RUN_LIMIT_MS = Number(process.env.BENCH_BULK_LIMIT_MS ?? 300_000);

interface RunResult {
  rows: number;
  seconds: number;
  peakRss: number;
  maxRss: number;
  situations: Record<string, number>;
}

function runChild(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${BENCH_BUILD}/bench/bulk-run.mjs`, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bulk run did not finish within ${RUN_LIMIT_MS / 1000} s`));
    }, RUN_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`bulk run exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as RunResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  console.log(`spfkit bulk benchmark — node ${process.version}, ${fmt(DOMAINS)} customer domains on loopback DNS, --provider ${PROVIDER}, concurrency ${CONCURRENCY}\n`);
  const data = generateBulkData(DOMAINS);
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-bulk-bench-'));
  const server = await startDnsServerProcess(data.zone);
  try {
    const results: RunResult[] = [];
    for (const size of SIZES) {
      const csv = join(dir, `customers-${size}.csv`);
      writeFileSync(csv, customerCsvLines(data, size).join('\n') + '\n');
      results.push(await runChild([csv, join(dir, `report-${size}.jsonl`), server.address, PROVIDER, String(CONCURRENCY)]));
    }
    const rows = [['rows', 'seconds', 'domains/s', 'peak RSS (50 ms)', 'maxRSS', 'none / not-auth / auth / broken / invalid']];
    for (const r of results) {
      const s = r.situations;
      rows.push([fmt(r.rows), r.seconds.toFixed(1), fmt(r.rows / r.seconds), mb(r.peakRss), mb(r.maxRss), `${s.none} / ${s['not-authorised']} / ${s.authorised} / ${s.broken} / ${s.invalid}`]);
    }
    console.log(table(rows));
    const [small, large] = results as [RunResult, RunResult];
    const ratio = large.peakRss / small.peakRss;
    const maxRatio = large.maxRss / small.maxRss;
    console.log(`\nRSS(${fmt(SIZES[1] ?? 0)}) / RSS(${fmt(SIZES[0] ?? 0)}): ${ratio.toFixed(2)}× peak sampled, ${maxRatio.toFixed(2)}× maxRSS — target ≤ ${RATIO_TARGET}× ${Math.max(ratio, maxRatio) <= RATIO_TARGET ? '(met)' : '(NOT met)'}`);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
