/**
 * A small async pool over a stream: at most `concurrency` calls in flight, results in the
 * order they finish, and no more than `2 × concurrency` items taken from the source and not
 * yet handed on — so memory does not grow with the length of the stream, and a slow
 * consumer slows the reading down (back-pressure).
 */

/**
 * Maps `source` through `fn` with bounded concurrency; results come out as they finish.
 * `fn` should not reject: a rejection ends the stream with that error (after the calls in
 * flight are dropped). Breaking out of the loop stops reading the source.
 *
 * @example
 * for await (const report of mapConcurrent(rows, 16, checkRow)) write(report);
 */
export async function* mapConcurrent<T, R>(source: AsyncIterable<T> | Iterable<T>, concurrency: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${String(concurrency)}`);
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  const ready: R[] = [];
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
      while (!exhausted && failure === undefined && running < concurrency && running + ready.length < 2 * concurrency) {
        const next = await iterator.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        running++;
        fn(next.value).then(
          (result) => {
            ready.push(result);
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
