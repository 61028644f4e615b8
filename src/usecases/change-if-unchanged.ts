/**
 * Read, change, write if unchanged: the one loop behind every change that others may make at the
 * same time (the roles, the counted words, an answer). A write that finds the record changed since
 * it was read gets 'conflict' from the port, and the change is made again on what is there now.
 */
const ATTEMPTS = 5;

export class KeptChangingError extends Error {
  constructor(what: string) {
    super(`${what}: changed by others ${ATTEMPTS} times in a row`);
  }
}

/**
 * `read` gives the current value (on the first attempt the caller may give what it has just read);
 * `write` tries to store the change made of it and says whether it could. The result of the write
 * that held.
 */
export async function changeIfUnchanged<T, R extends string>(
  what: string,
  read: (attempt: number) => Promise<T> | T,
  write: (current: T) => Promise<R | 'conflict'>,
): Promise<R> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const outcome = await write(await read(attempt));
    if (outcome !== 'conflict') return outcome;
  }
  throw new KeptChangingError(what);
}
