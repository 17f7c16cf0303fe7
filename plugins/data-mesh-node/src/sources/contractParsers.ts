import os from 'node:os';
import path from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type ContractReading,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * Reads a contract's text (data-mesh-common's `readContract`): in the calling thread, or in
 * worker threads so that parsing large or many contracts does not hold up the caller's event
 * loop.
 *
 * @public
 */
export interface ContractParser {
  /** The reading of a contract's text, as `readContract` makes it. */
  read(text: string, options: { fileName?: string }): Promise<ContractReading>;
}

/**
 * Reads contracts in the calling thread.
 *
 * @public
 */
export const inThreadContractParser: ContractParser = {
  async read(text, options) {
    return readContract(text, options);
  },
};

/**
 * How many worker threads {@link ContractParserThreads} starts by default: one fewer than the
 * machine's cores, one at least, two at most (the catalog asks for at most ten readings at a
 * time, each of a few milliseconds at most).
 *
 * @public
 */
export function defaultContractParserThreads(): number {
  return Math.min(2, Math.max(1, os.availableParallelism() - 1));
}

// The worker: data-mesh-common's readContract, answering one message at a time. It is
// evaluated code, so that it needs no file of its own in any package layout; the module it
// loads is the one this package resolves (its TypeScript source in a development checkout,
// loaded through Backstage's node transform).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.transform) require(workerData.transform);
const { readContract } = require(workerData.common);
parentPort.on('message', ({ id, text, options }) => {
  let answer;
  try {
    answer = { id, reading: readContract(text, options) };
  } catch (error) {
    answer = { id, error: String((error && error.stack) || error) };
  }
  parentPort.postMessage(answer);
});
`;

interface Pending {
  resolve(reading: ContractReading): void;
  reject(error: Error): void;
  text: string;
  options: { fileName?: string };
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Makes in the calling thread the readings a thread has not answered, so none is lost. */
function drain(thread: Thread) {
  for (const pending of thread.pending.values()) {
    try {
      pending.resolve(readContract(pending.text, pending.options));
    } catch (error) {
      pending.reject(error as Error);
    }
  }
  thread.pending.clear();
}

/**
 * Reads contracts in a few worker threads, started on the first reading. When a worker cannot
 * start (a host that forbids threads, or a test runner whose modules a thread cannot load),
 * it says so once in the log and reads in the calling thread from then on; a reading that was
 * under way in a thread that stopped is made again in the calling thread, so none is lost.
 *
 * @public
 */
export class ContractParserThreads implements ContractParser {
  private threads?: Thread[];
  private failed = false;
  private nextId = 0;
  private turn = 0;

  constructor(
    private readonly options: {
      /** Worker threads; {@link defaultContractParserThreads} by default. */
      threads?: number;
      /** Limits of each thread (its heap, for one); Node's defaults otherwise. */
      resourceLimits?: ResourceLimits;
      logger?: LoggerService;
    } = {},
  ) {}

  /** The reading of a contract's text, made in one of the threads. */
  async read(
    text: string,
    options: { fileName?: string },
  ): Promise<ContractReading> {
    const threads = this.failed ? undefined : this.start();
    if (!threads || threads.length === 0) return readContract(text, options);
    const thread = threads[this.turn++ % threads.length];
    const id = this.nextId++;
    return new Promise<ContractReading>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject, text, options });
      thread.worker.postMessage({ id, text, options });
    });
  }

  /** Stops the threads; readings asked for later are made in the calling thread. */
  async close(): Promise<void> {
    this.failed = true;
    await this.stopThreads();
  }

  /** Stops every thread, making what they had not answered in the calling thread. */
  private async stopThreads(): Promise<void> {
    const threads = this.threads ?? [];
    this.threads = [];
    for (const thread of threads) drain(thread);
    await Promise.all(threads.map(thread => thread.worker.terminate()));
  }

  private start(): Thread[] {
    if (this.threads) return this.threads;
    const count = this.options.threads ?? defaultContractParserThreads();
    this.threads = [];
    let common: string;
    let transform: string | undefined;
    try {
      common = require.resolve('@backstage-data-mesh/plugin-data-mesh-common');
      if (common.endsWith('.ts')) {
        transform = require.resolve('@backstage/cli/config/nodeTransform.cjs', {
          paths: [path.dirname(common)],
        });
      }
    } catch (error) {
      this.fail(error);
      return [];
    }
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { common, transform },
        resourceLimits: this.options.resourceLimits,
      });
      worker.unref();
      const thread: Thread = { worker, pending: new Map() };
      worker.on('message', message => {
        const pending = thread.pending.get(message.id);
        if (!pending) return;
        thread.pending.delete(message.id);
        if (message.error) pending.reject(new Error(message.error));
        else pending.resolve(message.reading);
      });
      worker.on('error', error => this.fail(error));
      worker.on('exit', code => {
        if (!this.failed) this.fail(new Error(`exited with code ${code}`));
      });
      this.threads.push(thread);
    }
    return this.threads;
  }

  private fail(error: unknown) {
    if (this.failed) return;
    this.failed = true;
    void this.stopThreads();
    this.options.logger?.warn(
      `Contracts are read in the catalog's own thread: a worker thread to read them could not run (${String(
        (error as Error)?.message ?? error,
      )})`,
    );
  }
}
