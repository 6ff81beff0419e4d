/**
 * A small async pool over a stream: at most `concurrency` calls in flight, results in the
 * order they finish or (`ordered`) in the source's order, and no more than `2 × concurrency` items taken from the source and not
 * yet handed on — so memory does not grow with the length of the stream, and a slow
 * consumer slows the reading down (back-pressure).
 */

/**
 * Maps `source` through `fn` with bounded concurrency; results come out as they finish, or
 * with `{ ordered: true }` in the order of `source` (finished results wait for the ones
 * before them, and count towards the `2 × concurrency` window). `fn` should not reject: a rejection ends the stream with that error (after the calls in
 * flight are dropped). Breaking out of the loop stops reading the source.
 *
 * @example
 * for await (const report of mapConcurrent(rows, 16, checkRow)) write(report);
 */
export async function* mapConcurrent<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<R>,
  options: { ordered?: boolean } = {},
): AsyncGenerator<R> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${String(concurrency)}`);
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  const ready: R[] = [];
  /** Ordered: finished results by their position in `source`, and the next position to hand on. */
  const waiting = new Map<number, R>();
  let taken = 0;
  let handed = 0;
  const finished = (index: number, result: R): void => {
    if (!options.ordered) {
      ready.push(result);
      return;
    }
    waiting.set(index, result);
    while (waiting.has(handed)) {
      ready.push(waiting.get(handed) as R);
      waiting.delete(handed);
      handed++;
    }
  };
  let running = 0;
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const settled = (): void => {
    running--;
    const w = wake;
    wake = undefined;
    w?.();
  };
  try {
    for (;;) {
      while (!exhausted && failure === undefined && running < concurrency && running + ready.length + waiting.size < 2 * concurrency) {
        const next = await iterator.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        running++;
        const index = taken++;
        fn(next.value).then(
          (result) => {
            finished(index, result);
            settled();
          },
          (error: unknown) => {
            failure ??= { error };
            settled();
          },
        );
      }
      if (failure !== undefined) throw failure.error;
      if (ready.length > 0) {
        yield ready.shift() as R;
        continue;
      }
      if (running === 0 && exhausted) return;
      // No await between the checks above and setting `wake`: a call cannot finish unseen.
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
